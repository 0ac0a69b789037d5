#include "families/spatial/weights_inputs.hpp"

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "io/writers.hpp"

namespace agglo {

Table edge_table(const SpatialWeights& w) {
  std::vector<std::string> from, to;
  from.reserve(w.links());
  to.reserve(w.links());
  for (int i = 0; i < w.n(); ++i)
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      from.push_back(w.ids[i]);
      to.push_back(w.ids[w.neighbours[k]]);
    }
  Table t;
  t.add_text("from", std::move(from));
  t.add_text("to", std::move(to));
  t.add_number("weight", w.weights);
  return t;
}

SpatialWeights weights_from_file(const WeightsFile& f, const std::vector<std::string>& ids,
                                 const std::string& source,
                                 const std::vector<std::string>& left_out) {
  std::unordered_map<std::string, int> index;
  for (size_t i = 0; i < ids.size(); ++i) index.emplace(ids[i], static_cast<int>(i));
  for (const auto& id : left_out) index.emplace(id, -2);
  std::vector<std::string> unknown;
  auto lookup = [&](const std::string& id) {
    auto it = index.find(id);
    if (it != index.end()) return it->second;  // -2: a region left out
    if (std::find(unknown.begin(), unknown.end(), id) == unknown.end()) unknown.push_back(id);
    return -1;
  };
  std::vector<std::vector<std::pair<int, double>>> rows(ids.size());
  for (size_t k = 0; k < f.from.size(); ++k) {
    const int i = lookup(f.from[k]), j = lookup(f.to[k]);
    if (i < 0 || j < 0) continue;  // unknown (reported below) or left out
    if (i == j)
      throw Error(SourcePos{source},
                  fmt::format("the weights link region {} to itself", f.from[k]));
    if (!std::isfinite(f.weight[k]) || f.weight[k] < 0)
      throw Error(SourcePos{source},
                  fmt::format("the weight of {} -> {} must be a number >= 0, got {}", f.from[k],
                              f.to[k], format_number(f.weight[k])));
    rows[i].emplace_back(j, f.weight[k]);
  }
  for (const auto& id : f.ids) lookup(id);
  if (!unknown.empty()) {
    std::string list;
    for (size_t k = 0; k < unknown.size() && k < 10; ++k) list += (k ? ", " : "") + unknown[k];
    throw Error(SourcePos{source},
                fmt::format("the weights name {} region(s) that are not in the table: {}{}",
                            unknown.size(), list, unknown.size() > 10 ? ", ..." : ""));
  }
  try {
    return SpatialWeights::from_lists(ids, rows);
  } catch (const Error& e) {
    throw Error(SourcePos{source}, e.message());
  }
}

SpatialWeights read_weights_input(const Invocation& inv, const std::vector<std::string>& ids,
                                  const std::vector<std::string>& left_out,
                                  const std::string& role) {
  const std::string path = inv.source(role).path;
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".gal" || ext == ".GAL") return weights_from_file(read_gal(path), ids, path, left_out);
  if (ext == ".gwt" || ext == ".GWT") return weights_from_file(read_gwt(path), ids, path, left_out);
  const TextTable& t = inv.table(role);
  WeightsFile f;
  const size_t from = t.column(inv.column("from")), to = t.column(inv.column("to"));
  const auto weight = t.find_column(inv.column("weight"));
  for (size_t r = 0; r < t.rows(); ++r) {
    f.from.push_back(t.text(r, from));
    f.to.push_back(t.text(r, to));
    const double v = weight ? t.number(r, *weight) : 1.0;
    if (std::isnan(v)) throw Error(t.pos(r, *weight), "expected a weight, got a missing value");
    f.weight.push_back(v);
  }
  return weights_from_file(f, ids, t.source, left_out);
}

SpatialWeights transformed(const SpatialWeights& w, const std::string& transformation) {
  if (transformation == "row") return row_standardised(w);
  if (transformation == "binary") return binary_weights(w);
  return w;
}

OptionSpec transformation_option(const std::string& name, const std::string& default_value,
                                 const std::string& statistic) {
  return {
      .name = name,
      .type = OptionType::Choice,
      .default_value = default_value,
      .choices = {"row", "binary", "none"},
      .doc = "weights of " + statistic + ": row-standardised, binary (every weight 1) or as given"};
}

OptionSpec missing_option() {
  return {.name = "missing",
          .type = OptionType::Choice,
          .default_value = "error",
          .choices = {"error", "drop"},
          .doc = "a region with a missing value: stop with an error, or drop it and its links"};
}

RegionValues read_region_values(const Invocation& inv, std::vector<std::string>& warnings) {
  const TextTable& t = inv.table("table");
  const size_t rc = t.column(inv.column("region")), vc = t.column(inv.column("value"));
  RegionValues out;
  out.variable = t.header[vc];
  const bool drop = inv.has("missing") && inv.text("missing") == "drop";
  std::unordered_map<std::string, size_t> seen;
  std::vector<double> y;
  for (size_t r = 0; r < t.rows(); ++r) {
    const std::string& id = t.text(r, rc);
    if (id.empty()) throw Error(t.pos(r, rc), "expected a region code, got an empty cell");
    if (auto [it, fresh] = seen.emplace(id, r); !fresh)
      throw Error(t.pos(r, rc), fmt::format("region \"{}\" appears twice (also on line {})", id,
                                            t.lines[it->second]));
    const double v = t.number(r, vc);
    if (std::isnan(v)) {
      if (!drop)
        throw Error(
            t.pos(r, vc),
            fmt::format(
                "missing value for region \"{}\"; fill it in or use the option missing=drop", id));
      out.dropped.push_back(id);
      continue;
    }
    out.ids.push_back(id);
    y.push_back(v);
  }
  out.y = Eigen::Map<const Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
  if (!out.dropped.empty()) {
    std::string list;
    for (size_t k = 0; k < out.dropped.size() && k < 10; ++k)
      list += (k ? ", " : "") + out.dropped[k];
    warnings.push_back(fmt::format("{} region(s) with a missing {} left out with their links: {}{}",
                                   out.dropped.size(), out.variable, list,
                                   out.dropped.size() > 10 ? ", ..." : ""));
  }
  return out;
}

void write_weights_file(const SpatialWeights& w, const std::string& path) {
  const std::string ext = std::filesystem::path(path).extension().string();
  if (ext == ".csv") return write_csv_file(edge_table(w), path);
  WeightsFile f;
  f.ids = w.ids;
  for (int i = 0; i < w.n(); ++i)
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      f.from.push_back(w.ids[i]);
      f.to.push_back(w.ids[w.neighbours[k]]);
      f.weight.push_back(w.weights[k]);
    }
  if (ext == ".gal") return write_gal(f, path);
  if (ext == ".gwt") return write_gwt(f, path);
  throw UsageError(
      fmt::format("cannot tell the weights format of \"{}\": use .gal, .gwt or .csv", path));
}

void warn_islands(const SpatialWeights& w, const std::string& what,
                  std::vector<std::string>& warnings) {
  const auto isl = w.islands();
  if (isl.empty()) return;
  std::string list;
  for (size_t k = 0; k < isl.size() && k < 10; ++k) list += (k ? ", " : "") + w.ids[isl[k]];
  warnings.push_back(
      fmt::format("{}: {} island(s) without neighbours (kept; their local statistics are NA): {}{}",
                  what, isl.size(), list, isl.size() > 10 ? ", ..." : ""));
}

std::vector<OptionSpec> boundary_options() {
  return {{.name = "layer",
           .type = OptionType::Text,
           .doc = "layer of the boundary file (TopoJSON object); default the first",
           .optional = true},
          {.name = "id_field",
           .type = OptionType::Text,
           .doc = "field holding the region code; default the column role `region` if the layer "
                  "has it, else the first of region, id, GEOID, code",
           .optional = true},
          {.name = "validate",
           .type = OptionType::Choice,
           .default_value = "warn",
           .choices = {"error", "warn", "off"},
           .doc = "invalid (self-intersecting) polygons: stop, or warn and use them as they are "
                  "(generalised boundary files often have a few), or skip the check"}};
}

GeoLayer read_boundaries(const Invocation& inv, const std::string& role) {
  GeoReadOptions o;
  if (inv.has("layer")) o.layer = inv.text("layer");
  if (inv.has("id_field"))
    o.id_field = inv.text("id_field");
  else if (inv.column_given("region"))
    o.id_field = inv.column("region");
  const std::string v = inv.text("validate");
  o.validate = v == "error" ? GeoReadOptions::Validation::Error
               : v == "off" ? GeoReadOptions::Validation::Off
                            : GeoReadOptions::Validation::Warn;
  try {
    return read_geo_layer(inv.path(role), o);
  } catch (const UsageError& e) {
    // A mapped region column that the layer lacks: fall back to the usual id fields.
    if (inv.has("id_field") || !inv.column_given("region")) throw;
    o.id_field.clear();
    return read_geo_layer(inv.path(role), o);
  }
}

}  // namespace agglo
