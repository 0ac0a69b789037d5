// How the spatial registrations meet their inputs: weights from an edge-list CSV or a GeoDa
// GAL/GWT file, weights from a boundary layer, and weights as result tables.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/table.hpp"
#include "families/spatial/weights.hpp"
#include "io/geo.hpp"
#include "registry/registry.hpp"

namespace agglo {

// Edge list table: one row per directed link, columns from, to, weight.
Table edge_table(const SpatialWeights& w);

// The weights of the `weights` input on the regions `ids` (in that order): an edge-list CSV
// (column roles from, to, weight; weight optional = 1), or a .gal / .gwt file. A link naming
// a region outside `ids` is an error; regions the file does not mention become islands.
// Links touching a region of `left_out` (e.g. regions dropped for a missing value) are skipped.
SpatialWeights read_weights_input(const Invocation& inv, const std::vector<std::string>& ids,
                                  const std::vector<std::string>& left_out = {},
                                  const std::string& role = "weights");

// Edge list to weights on `ids`; `source` names the file in error messages.
SpatialWeights weights_from_file(const WeightsFile& f, const std::vector<std::string>& ids,
                                 const std::string& source,
                                 const std::vector<std::string>& left_out = {});

// A transformation option: "row" (row-standardised), "binary" (every weight 1), "none" (as given).
SpatialWeights transformed(const SpatialWeights& w, const std::string& transformation);
OptionSpec transformation_option(const std::string& name, const std::string& default_value,
                                 const std::string& statistic);

// One value per region from the `table` input (column roles region and value). Missing values
// are an error, or with the option `missing` = drop the region leaves the analysis (listed in
// `dropped` and in a warning).
struct RegionValues {
  std::string variable;  // the value column's header
  std::vector<std::string> ids;
  Eigen::VectorXd y;
  std::vector<std::string> dropped;
};
RegionValues read_region_values(const Invocation& inv, std::vector<std::string>& warnings);
OptionSpec missing_option();

// The export of a weights object by the path's extension: .gal, .gwt or .csv (edge list).
void write_weights_file(const SpatialWeights& w, const std::string& path);

// Adds "<what>: k island(s) without neighbours ...: a, b, c" to warnings when there are islands.
void warn_islands(const SpatialWeights& w, const std::string& what,
                  std::vector<std::string>& warnings);

// Options of a boundary input (layer, id_field, validate) and the reading itself.
std::vector<OptionSpec> boundary_options();
GeoLayer read_boundaries(const Invocation& inv, const std::string& role);

}  // namespace agglo
