// Registration of `hotspots`: local Moran clusters and G_i* hot spots of one regional variable
// (a value column, or one industry's location quotient) on a boundary layer, as a table, a
// GeoJSON layer and an HTML map.
#include <algorithm>
#include <fstream>
#include <unordered_map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/spatial/hotspot_map.hpp"
#include "families/spatial/hotspots.hpp"
#include "families/spatial/local_autocorrelation.hpp"
#include "families/spatial/weights_inputs.hpp"
#include "registry/common.hpp"

namespace agglo {

OptionSpec multiple_testing_option();  // register_spatial_autocorrelation.cpp

namespace {

// The variable per region: a value column, or the location quotient of `industry`.
RegionValues hotspot_values(const Invocation& inv, std::vector<std::string>& warnings) {
  if (!inv.has("industry")) return read_region_values(inv, warnings);
  const auto held = inv.shared_panel("table", {.nonnegative = true});
  const Panel& panel = *held;
  const LabeledMatrix m = inv.period_matrix(panel);
  const std::string industry = inv.text("industry");
  const auto it = std::find(m.col_labels.begin(), m.col_labels.end(), industry);
  if (it == m.col_labels.end()) {
    std::string some;
    for (size_t k = 0; k < m.col_labels.size() && k < 8; ++k)
      some += (k ? ", " : "") + m.col_labels[k];
    throw UsageError(fmt::format("industry \"{}\" is not in the table; it has: {}{}", industry,
                                 some, m.col_labels.size() > 8 ? ", ..." : ""));
  }
  const Eigen::VectorXd lq = location_quotient(m.values).col(it - m.col_labels.begin());
  RegionValues out;
  out.variable = "lq_" + industry;
  std::vector<double> y;
  for (size_t r = 0; r < m.row_labels.size(); ++r) {
    if (std::isnan(lq(r))) {
      out.dropped.push_back(m.row_labels[r]);
      continue;
    }
    out.ids.push_back(m.row_labels[r]);
    y.push_back(lq(r));
  }
  out.y = Eigen::Map<const Eigen::VectorXd>(y.data(), static_cast<Eigen::Index>(y.size()));
  if (!out.dropped.empty())
    warnings.push_back(
        fmt::format("{} region(s) have no location quotient of {} (empty region or missing cells) "
                    "and are left out",
                    out.dropped.size(), industry));
  return out;
}

void write_text_file(const std::string& path, const std::string& text) {
  std::ofstream f(path, std::ios::binary);
  if (!f) throw Error(SourcePos{path}, "cannot write the file");
  f << text;
}

}  // namespace

AGGLO_REGISTER_MEASURES(hotspots) {
  std::vector<OptionSpec> options = {
      {.name = "industry",
       .type = OptionType::Text,
       .doc = "map this industry's location quotient (the table is then a region x industry "
              "panel); default the value column",
       .optional = true},
      period_option(),
      {.name = "weights_type",
       .type = OptionType::Choice,
       .default_value = "queen",
       .choices = {"queen", "rook", "knn"},
       .doc = "neighbours from the boundaries (ignored when a weights file is given)"},
      {.name = "knn_k", .type = OptionType::Integer, .default_value = 5, .doc = "k of knn weights"},
      {.name = "snap_tolerance",
       .type = OptionType::Number,
       .default_value = 0.0,
       .doc = "contiguity: vertices closer than this count as shared"},
      {.name = "permutations",
       .type = OptionType::Integer,
       .default_value = 999,
       .doc = "conditional permutations"},
      {.name = "seed", .type = OptionType::Integer, .default_value = 12345, .doc = "random seed"},
      {.name = "alpha",
       .type = OptionType::Number,
       .default_value = 0.05,
       .doc = "significance level"},
      multiple_testing_option(),
      {.name = "geojson_out",
       .type = OptionType::Text,
       .doc = "write the regions with their results as GeoJSON here",
       .optional = true},
      {.name = "html_out",
       .type = OptionType::Text,
       .doc = "write a self-contained HTML/SVG cluster map here",
       .optional = true},
      {.name = "title", .type = OptionType::Text, .doc = "title of the HTML map", .optional = true},
      missing_option(),
  };
  for (auto& o : boundary_options()) options.push_back(o);
  registry.add(MeasureSpec{
      .name = "hotspots",
      .family = "spatial",
      .summary = "Hot spots and clusters of one regional variable (or one industry's LQ): local "
                 "Moran and G_i* on a boundary layer, with maps",
      .formula = "I_i = (n-1) z_i sum_j w_ij z_j / sum z^2 (row weights); G_i* = sum_j w_ij y_j / "
                 "sum_j y_j (binary, w_ii = 1); "
                 "conditional-permutation p-values; cluster = quadrant where p <= alpha",
      .reference = "Anselin (1995) LISA; Ord & Getis (1995); Benjamini & Hochberg (1995)",
      .inputs = {{.role = "table",
                  .doc = "region, value (or a region x industry panel with the option industry)",
                  .column_roles = {"region", "value", "industry", "period"}},
                 {.role = "boundaries", .doc = "boundary file: GeoJSON, TopoJSON or shapefile"},
                 {.role = "weights",
                  .doc = "optional weights file (edge list CSV, .gal, .gwt) instead of contiguity",
                  .required = false,
                  .column_roles = {"from", "to", "weight"}}},
      .options = options,
      .outputs = {{"hotspots",
                   "per region: value, standardised value z and its spatial lag, local Moran I_i, "
                   "quadrant, pseudo "
                   "p-value (and adjusted), cluster (HH, LL, LH, HL or ns), G_i* z, p-values and "
                   "hot/cold spot",
                   {"region", "value", "z", "lag_z", "Is", "quadrant", "moran_p_sim",
                    "moran_p_adjusted", "cluster", "gstar_z", "gstar_p_norm", "gstar_p_sim",
                    "gstar_p_adjusted", "hotspot"}}},
      .kernel =
          [](const Invocation& inv) {
            Results res;
            RegionValues values = hotspot_values(inv, res.warnings);
            const GeoLayer layer = read_boundaries(inv, "boundaries");
            for (const auto& w : layer.warnings) res.warnings.push_back(w);
            const CodeJoin join = join_codes(layer.ids(), values.ids);
            if (!join.only_in_table.empty() || !join.only_in_layer.empty())
              res.warnings.push_back("joining the table to " + layer.source + ": " +
                                     join.describe());
            if (join.matched.size() < 3)
              throw Error(
                  fmt::format("only {} region code(s) of the table match the boundaries of {}; {}",
                              join.matched.size(), layer.source, join.describe()));
            // Keep the matched regions, in the table's order.
            std::unordered_map<std::string, size_t> feature_of;
            for (size_t k = 0; k < layer.features.size(); ++k) feature_of[layer.features[k].id] = k;
            std::unordered_map<std::string, double> value_of;
            for (size_t k = 0; k < values.ids.size(); ++k) value_of[values.ids[k]] = values.y(k);
            const auto& ids = join.matched;
            const int n = static_cast<int>(ids.size());
            Eigen::VectorXd y(n);
            std::vector<MultiPolygon> geoms;
            for (int i = 0; i < n; ++i) {
              y(i) = value_of[ids[i]];
              geoms.push_back(layer.features[feature_of[ids[i]]].geometry);
            }
            SpatialWeights w;
            if (inv.has_input("weights")) {
              std::vector<std::string> left_out = join.only_in_layer;
              left_out.insert(left_out.end(), values.dropped.begin(), values.dropped.end());
              w = read_weights_input(inv, ids, left_out);
            } else if (inv.text("weights_type") == "knn") {
              std::vector<Point> c;
              for (const auto& g : geoms) c.push_back(polygon_centroid(g));
              w = knn_weights(
                  ids, c, static_cast<int>(inv.integer("knn_k")),
                  layer.geographic ? DistanceMetric::GreatCircle : DistanceMetric::Euclidean);
            } else {
              w = contiguity_weights(
                  ids, geoms,
                  inv.text("weights_type") == "rook" ? Contiguity::Rook : Contiguity::Queen,
                  inv.number("snap_tolerance"));
            }
            warn_islands(w, "weights", res.warnings);
            const std::string mt_name = inv.text("multiple_testing");
            HotspotOptions ho;
            ho.permutations = static_cast<int>(inv.integer("permutations"));
            ho.seed = static_cast<uint64_t>(inv.integer("seed"));
            ho.alpha = inv.number("alpha");
            ho.multiple_testing = mt_name == "bonferroni" ? MultipleTesting::Bonferroni
                                  : mt_name == "fdr"      ? MultipleTesting::FalseDiscoveryRate
                                                          : MultipleTesting::None;
            const HotspotResult hs = hotspot_analysis(y, w, ho);
            Table t;
            t.add_text("region", ids)
                .add_number("value", y)
                .add_number("z", hs.moran.z)
                .add_number("lag_z", hs.moran.lag_z);
            t.add_number("Is", hs.moran.Is)
                .add_text("quadrant", hs.quadrant)
                .add_number("moran_p_sim", hs.moran_p);
            t.add_number("moran_p_adjusted", hs.moran_p_adjusted)
                .add_text("cluster", hs.cluster)
                .add_number("gstar_z", hs.gstar.z);
            t.add_number("gstar_p_norm", hs.gstar.p_norm)
                .add_number("gstar_p_sim", hs.gstar_p)
                .add_number("gstar_p_adjusted", hs.gstar_p_adjusted);
            t.add_text("hotspot", hs.hotspot);
            res.add("hotspots", std::move(t));

            if (inv.has("geojson_out") || inv.has("html_out")) {
              const std::vector<MapRegion> regions =
                  hotspot_map_regions(layer.features, ids, y, values.variable, hs);
              if (inv.has("geojson_out"))
                write_text_file(inv.text("geojson_out"), hotspot_geojson(regions));
              if (inv.has("html_out")) {
                const std::string title =
                    inv.has("title") ? inv.text("title") : "LISA clusters of " + values.variable;
                const std::string sub = fmt::format(
                    "Local Moran, {} weights, {} permutations, p <= {}{}; {} regions",
                    inv.has_input("weights") ? "given" : inv.text("weights_type"), ho.permutations,
                    ho.alpha,
                    ho.multiple_testing == MultipleTesting::None ? ""
                                                                 : " (" + mt_name + " adjusted)",
                    n);
                write_text_file(inv.text("html_out"), choropleth_html(regions, layer.geographic,
                                                                      title, sub, lisa_legend()));
              }
            }
            return res;
          },
  });
}

}  // namespace agglo
