// Registration of the spatial weights built from a boundary layer.
#include <algorithm>
#include <map>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/spatial/weights.hpp"
#include "families/spatial/weights_inputs.hpp"
#include "registry/common.hpp"

namespace agglo {

namespace {

// Cardinality summary: per weights object the links, min/mean/max neighbours and islands.
Table cardinality_summary(const std::vector<std::pair<std::string, const SpatialWeights*>>& all) {
  std::vector<std::string> names;
  std::vector<double> links, lo, mean, hi, islands;
  for (const auto& [name, w] : all) {
    const auto c = w->cardinalities();
    names.push_back(name);
    links.push_back(static_cast<double>(w->links()));
    lo.push_back(c.empty() ? NA : *std::min_element(c.begin(), c.end()));
    mean.push_back(c.empty() ? NA : static_cast<double>(w->links()) / w->n());
    hi.push_back(c.empty() ? NA : *std::max_element(c.begin(), c.end()));
    islands.push_back(static_cast<double>(w->islands().size()));
  }
  Table t;
  t.add_text("weights", names).add_number("links", links).add_number("min_neighbours", lo);
  t.add_number("mean_neighbours", mean)
      .add_number("max_neighbours", hi)
      .add_number("islands", islands);
  return t;
}

}  // namespace

AGGLO_REGISTER_MEASURES(spatial_weights) {
  std::vector<OptionSpec> options = {
      {.name = "knn_k",
       .type = OptionType::Integer,
       .default_value = 4,
       .doc = "k of the k-nearest-neighbour weights"},
      {.name = "distance_metric",
       .type = OptionType::Choice,
       .default_value = "euclidean",
       .choices = {"euclidean", "great_circle"},
       .doc =
           "euclidean: planar, in the layer's units; great_circle: haversine km on lon/lat layers"},
      {.name = "dband_threshold",
       .type = OptionType::Number,
       .doc = "distance band: neighbour if 0 < d_ij <= threshold; default the largest "
              "nearest-neighbour distance (no islands)",
       .optional = true},
      {.name = "dband_invdist_alpha",
       .type = OptionType::Number,
       .default_value = -1.0,
       .doc = "exponent of the inverse-distance weights d_ij^alpha within the band"},
      {.name = "snap_tolerance",
       .type = OptionType::Number,
       .default_value = 0.0,
       .doc =
           "contiguity: vertices closer than this count as shared (0 = bit-identical, as PySAL)"},
      {.name = "export",
       .type = OptionType::Choice,
       .default_value = "none",
       .choices = {"none", "queen", "rook", "knn", "dband", "dband_invdist"},
       .doc = "weights written to export_path"},
      {.name = "export_transformation",
       .type = OptionType::Choice,
       .default_value = "binary",
       .choices = {"binary", "row"},
       .doc = "form of the exported weights (dband_invdist: binary = as computed)"},
      {.name = "export_path",
       .type = OptionType::Text,
       .doc = "file for the exported weights: .gal (GeoDa, binary), .gwt (GeoDa, weighted) or .csv "
              "(edge list)",
       .optional = true},
  };
  for (auto& o : boundary_options()) options.push_back(o);
  std::vector<OutputSpec> outputs = {
      {"centroids",
       "area-weighted centroid of every region (the points of knn and the band)",
       {"region", "x", "y"}},
      {"cardinality",
       "number of neighbours of every region",
       {"region", "queen", "rook", "knn", "dband"}},
      {"summary",
       "per weights type: links, neighbours (min, mean, max), islands",
       {"weights", "links", "min_neighbours", "mean_neighbours", "max_neighbours", "islands"}}};
  for (const char* v : {"queen", "rook", "knn", "dband"})
    for (const char* t : {"binary", "row"})
      outputs.push_back({fmt::format("{}_{}", v, t),
                         fmt::format("{} weights, {} form", v, t),
                         {"from", "to", "weight"}});
  outputs.push_back({"dband_invdist",
                     "inverse-distance weights d_ij^alpha within the band",
                     {"from", "to", "weight"}});

  registry.add(MeasureSpec{
      .name = "spatial_weights",
      .family = "spatial",
      .summary = "Spatial weights from polygons: queen, rook, k nearest centroids, distance band, "
                 "inverse distance",
      .formula = "queen: shared vertex; rook: shared edge; knn: k closest centroids; band: 0 < "
                 "d_ij <= threshold; "
                 "inverse distance: d_ij^alpha in the band; row form: w_ij / sum_k w_ik",
      .reference = "Anselin (1988) Spatial Econometrics; Getis & Aldstadt (2004); libpysal weights "
                   "(Queen, Rook, KNN, DistanceBand)",
      .inputs = {{.role = "geojson",
                  .doc = "boundary file: GeoJSON, TopoJSON or shapefile",
                  .column_roles = {"region"}}},
      .options = options,
      .outputs = outputs,
      .kernel =
          [](const Invocation& inv) {
            Results res;
            const GeoLayer layer = read_boundaries(inv, "geojson");
            res.warnings = layer.warnings;
            const auto ids = layer.ids();
            const auto geoms = layer.geometries();
            if (ids.size() < 2)
              throw Error(SourcePos{layer.source}, "spatial weights need at least 2 regions");
            const auto metric = inv.text("distance_metric") == "great_circle"
                                    ? DistanceMetric::GreatCircle
                                    : DistanceMetric::Euclidean;
            if (metric == DistanceMetric::GreatCircle && !layer.geographic)
              throw UsageError(SourcePos{layer.source},
                               "great_circle distances need longitude/latitude coordinates; this "
                               "layer is projected");
            const double snap = inv.number("snap_tolerance");
            if (snap < 0) throw UsageError("snap_tolerance must be >= 0");

            std::vector<Point> centroids;
            for (const auto& g : geoms) centroids.push_back(polygon_centroid(g));
            const double threshold = inv.has("dband_threshold")
                                         ? inv.number("dband_threshold")
                                         : min_threshold_distance(centroids, metric);
            std::vector<std::string> ties;
            std::map<std::string, SpatialWeights> w;
            w["queen"] = contiguity_weights(ids, geoms, Contiguity::Queen, snap);
            w["rook"] = contiguity_weights(ids, geoms, Contiguity::Rook, snap);
            w["knn"] =
                knn_weights(ids, centroids, static_cast<int>(inv.integer("knn_k")), metric, &ties);
            w["dband"] = distance_band_weights(ids, centroids, threshold, metric);
            const SpatialWeights invdist = distance_band_weights(
                ids, centroids, threshold, metric, false, inv.number("dband_invdist_alpha"));
            if (!ties.empty())
              res.warnings.push_back(fmt::format(
                  "knn: {} region(s) have a tie at the k-th distance (lower index kept): {}",
                  ties.size(), ties.front()));

            std::vector<double> cx, cy;
            for (const auto& p : centroids) cx.push_back(p.x), cy.push_back(p.y);
            Table cent;
            cent.add_text("region", ids).add_number("x", cx).add_number("y", cy);
            res.add("centroids", std::move(cent));
            Table card;
            card.add_text("region", ids);
            std::vector<std::pair<std::string, const SpatialWeights*>> summary;
            for (const char* v : {"queen", "rook", "knn", "dband"}) {
              const auto c = w[v].cardinalities();
              card.add_number(v, std::vector<double>(c.begin(), c.end()));
              summary.emplace_back(v, &w[v]);
              warn_islands(w[v], fmt::format("{} weights", v), res.warnings);
            }
            res.add("cardinality", std::move(card));
            res.add("summary", cardinality_summary(summary));
            for (const char* v : {"queen", "rook", "knn", "dband"}) {
              res.add(fmt::format("{}_binary", v), edge_table(w[v]));
              res.add(fmt::format("{}_row", v), edge_table(row_standardised(w[v])));
            }
            res.add("dband_invdist", edge_table(invdist));

            const std::string which = inv.text("export");
            if (which != "none") {
              if (!inv.has("export_path")) throw UsageError("export needs export_path");
              const SpatialWeights& chosen = which == "dband_invdist" ? invdist : w[which];
              write_weights_file(
                  inv.text("export_transformation") == "row" ? row_standardised(chosen) : chosen,
                  inv.text("export_path"));
            }
            return res;
          },
  });
}

}  // namespace agglo
