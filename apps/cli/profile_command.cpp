// agglo profile: the main job, a cluster profile report of a region x industry table.
#include <unistd.h>

#include <iostream>
#include <memory>

#include "commands.hpp"
#include "core/error.hpp"
#include "io/store.hpp"
#include "read_flags.hpp"
#include "registry/hierarchy_input.hpp"
#include "registry/registry.hpp"
#include "report/profile.hpp"

namespace agglo::cli {

namespace {

// A minimal measure spec so the profile can read its table through an Invocation, exactly as
// measures do (files, stored datasets, wide tables, encodings).
const MeasureSpec& profile_spec() {
  static const MeasureSpec spec{
      .name = "profile",
      .family = "report",
      .summary = "cluster profile",
      .inputs = {{"table", "long table", true, {"region", "industry", "value", "period"}}}};
  return spec;
}

}  // namespace

void add_profile_command(CLI::App& app, Commands& cmds) {
  struct Flags {
    std::string table, project, dataset, output_dir = "agglo-profile", period, regions, industries,
                                         source;
    std::string geo, geo_id, io;
    double lq_threshold = 1.25, min_share = 0.005, min_value = 1000;
    size_t per_region = 10, recommendations = 5;
    ReadFlags read;
  };
  auto f = std::make_shared<Flags>();
  auto* sub = app.add_subcommand(
      "profile",
      "cluster profile of a region x industry [x period] table: CSV tables and an HTML report");
  sub->add_option("--table,-t", f->table,
                  "input table (CSV, long: region, industry, [period,] value)");
  sub->add_option("--project", f->project, "project store holding --dataset");
  sub->add_option("--dataset", f->dataset, "stored dataset to profile (with --project)");
  sub->add_option("--output-dir,-o", f->output_dir,
                  "folder for the report (default agglo-profile)");
  sub->add_option("--at", f->period, "period of the cluster tables (default: the latest)");
  sub->add_option("--regions", f->regions,
                  "region hierarchy CSV (code, parent, name_en, name_zh): names and groups");
  sub->add_option("--industries", f->industries,
                  "industry hierarchy CSV (code, parent, name_en, name_zh): names");
  sub->add_option("--lq-threshold", f->lq_threshold,
                  "candidate cluster: LQ at least this (default 1.25)");
  sub->add_option("--min-share", f->min_share,
                  "candidate cluster: share of the industry's national total (default 0.005)");
  sub->add_option("--min-employment", f->min_value,
                  "candidate cluster: value at least this (default 1000)");
  sub->add_option("--clusters-per-region", f->per_region,
                  "clusters listed per region in the report (default 10)");
  sub->add_option("--source", f->source, "data source shown in the report");
  sub->add_option("--recommendations-per-region", f->recommendations,
                  "industries recommended per region (default 5)");
  sub->add_option("--geo", f->geo,
                  "boundary file (GeoJSON, TopoJSON, shapefile): adds hot-spot maps");
  sub->add_option("--geo-id", f->geo_id, "property of the boundaries holding the region code");
  sub->add_option("--io", f->io,
                  "folder with an input-output table (Z.csv, Y.csv, x.csv, VA.csv): adds linkages");
  f->read.add_to(sub);
  cmds.on(sub, [f]() {
    std::map<std::string, InputSource> inputs;
    if (!f->dataset.empty()) inputs["table"] = InputSource{"", f->project, f->dataset};
    if (!f->table.empty()) inputs["table"] = InputSource{f->table, "", ""};
    if (inputs.empty())
      throw UsageError("profile needs --table FILE or --project P --dataset NAME");
    Invocation inv(profile_spec(), nlohmann::json::object(), f->read.columns(), inputs,
                   f->read.settings());
    const bool tty = isatty(STDERR_FILENO) == 1;
    report::ProfileOptions opt;
    opt.period = f->period;
    opt.lq_threshold = f->lq_threshold;
    opt.min_share = f->min_share;
    opt.min_value = f->min_value;
    opt.clusters_per_region = f->per_region;
    opt.recommendations_per_region = f->recommendations;
    opt.geo_path = f->geo;
    opt.geo_id = f->geo_id;
    opt.io_dir = f->io;
    opt.source = f->source.empty() ? inputs["table"].describe() : f->source;
    if (!f->regions.empty())
      opt.regions = load_hierarchy(read_text_table(f->regions, f->read.settings().csv));
    if (!f->industries.empty())
      opt.industries = load_hierarchy(read_text_table(f->industries, f->read.settings().csv));
    if (tty)
      opt.log = [](const std::string& s) {
        std::cerr << "\r\033[K"
                  << "profile: " << s << std::flush;
      };
    const Panel panel = inv.panel("table", {.nonnegative = true});
    const std::string index = report::write_profile(panel, opt, f->output_dir);
    if (tty) std::cerr << "\r\033[K";
    std::cout << "report: " << index << "\n";
    return 0;
  });
}

}  // namespace agglo::cli
