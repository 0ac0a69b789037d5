// `agglo profile`: the cluster profile of a region x industry [x period] table, written to a
// folder as CSV tables plus a self-contained bilingual index.html.
#pragma once

#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "core/hierarchy.hpp"
#include "core/panel.hpp"
#include "report/html.hpp"

namespace agglo::report {

struct ProfileOptions {
  std::string period;          // period of the cluster tables; empty = the latest
  double lq_threshold = 1.25;  // candidate cluster: LQ >= this
  double min_share =
      0.005;  // ... and the region holds >= this share of the industry's national total
  double min_value = 1000;  // ... and at least this many employees (value units)
  size_t clusters_per_region = 10;
  std::optional<Hierarchy> regions;  // names and groups of regions (code, parent, name_en, name_zh)
  std::optional<Hierarchy> industries;  // names of industries
  std::string source;                   // shown in the report
  // Optional inputs that switch on further sections (empty = section left out).
  std::string geo_path;  // boundary file (GeoJSON/TopoJSON/shapefile): hot-spot maps
  std::string geo_id;    // id property of the boundaries that matches the region codes
  std::string io_dir;    // folder with an input-output table (Z.csv, Y.csv, x.csv, VA.csv)
  size_t recommendations_per_region = 5;
  std::function<void(const std::string&)> log;  // progress messages (stderr on a terminal)
};

// Everything a section builder needs: the panel, the chosen period's matrix and labels.
struct ProfileContext {
  const Panel& panel;
  const ProfileOptions& options;
  std::string out_dir;
  Panel::Id period_id;
  LabeledMatrix matrix;  // chosen period, NA kept
  std::string region_name(const std::string& code, const std::string& lang = "en") const;
  std::string industry_name(const std::string& code, const std::string& lang = "en") const;
  // Writes `<name>.csv` into the output folder and remembers it for the summary.
  void write(const std::string& name, const Table& t) const;
  mutable std::vector<std::string> files;
};

// Computes every section and writes the folder. Returns the path of index.html.
std::string write_profile(const Panel& panel, const ProfileOptions& options,
                          const std::string& out_dir);

}  // namespace agglo::report
