// Unit tests of the spatial family: weights on hand-made polygons, identities of the global
// and local statistics, edge cases (islands, zero variance, too few regions, NA), permutation
// determinism across thread counts, multiple testing, and the weights file formats.
#include <gtest/gtest.h>

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "families/spatial/global_autocorrelation.hpp"
#include "families/spatial/hotspot_map.hpp"
#include "families/spatial/local_autocorrelation.hpp"
#include "families/spatial/weights.hpp"
#include "families/spatial/weights_inputs.hpp"
#include "io/geo.hpp"

namespace agglo {
namespace {

MultiPolygon square(double x, double y, double size = 1.0) {
  return {{Polygon{{Ring{{x, y}, {x + size, y}, {x + size, y + size}, {x, y + size}, {x, y}}}}}};
}

// A 3 x 3 grid of unit squares, ids "r<row>c<col>".
std::pair<std::vector<std::string>, std::vector<MultiPolygon>> grid3() {
  std::vector<std::string> ids;
  std::vector<MultiPolygon> g;
  for (int r = 0; r < 3; ++r)
    for (int c = 0; c < 3; ++c) {
      ids.push_back(fmt::format("r{}c{}", r, c));
      g.push_back(square(c, r));
    }
  return {ids, g};
}

TEST(SpatialWeights, QueenAndRookOnAGrid) {
  auto [ids, g] = grid3();
  const auto q = contiguity_weights(ids, g, Contiguity::Queen);
  const auto r = contiguity_weights(ids, g, Contiguity::Rook);
  EXPECT_EQ(q.cardinality(4), 8);  // the centre touches all
  EXPECT_EQ(r.cardinality(4), 4);
  EXPECT_EQ(q.cardinality(0), 3);
  EXPECT_EQ(r.cardinality(0), 2);
  EXPECT_EQ(q.links(), 40u);
  EXPECT_EQ(r.links(), 24u);
  EXPECT_TRUE(q.islands().empty());
}

TEST(SpatialWeights, IslandsAreKeptAndReported) {
  std::vector<std::string> ids = {"a", "b", "far"};
  std::vector<MultiPolygon> g = {square(0, 0), square(1, 0), square(10, 10)};
  const auto q = contiguity_weights(ids, g, Contiguity::Queen);
  EXPECT_EQ(q.n(), 3);
  ASSERT_EQ(q.islands().size(), 1u);
  EXPECT_EQ(q.ids[q.islands()[0]], "far");
  const auto rs = row_standardised(q);
  EXPECT_EQ(rs.cardinality(2), 0);  // no NaN row
  EXPECT_DOUBLE_EQ(rs.row_sum(0), 1.0);
}

TEST(SpatialWeights, SnappingMendsASliver) {
  std::vector<std::string> ids = {"a", "b"};
  std::vector<MultiPolygon> g = {square(0, 0), square(1.0000001, 0)};
  EXPECT_EQ(contiguity_weights(ids, g, Contiguity::Rook).links(), 0u);
  EXPECT_EQ(contiguity_weights(ids, g, Contiguity::Rook, 1e-6).links(), 2u);
  EXPECT_EQ(contiguity_weights(ids, g, Contiguity::Queen, 1e-6).links(), 2u);
}

TEST(SpatialWeights, CentroidSubtractsHoles) {
  MultiPolygon m = square(0, 0, 4);
  // A hole in the right half moves the centroid to the left.
  m.parts[0].rings.push_back(Ring{{2, 1}, {3, 1}, {3, 3}, {2, 3}, {2, 1}});
  const Point c = polygon_centroid(m);
  EXPECT_NEAR(c.y, 2.0, 1e-12);
  EXPECT_NEAR(c.x, (16 * 2.0 - 2 * 2.5) / 14, 1e-12);
  // Orientation does not matter.
  MultiPolygon ccw = {{Polygon{{Ring{{0, 0}, {0, 2}, {2, 2}, {2, 0}, {0, 0}}}}}};
  EXPECT_NEAR(polygon_centroid(ccw).x, 1.0, 1e-12);
}

TEST(SpatialWeights, KnnDistanceBandAndInverseDistance) {
  std::vector<std::string> ids = {"a", "b", "c", "d"};
  std::vector<Point> p = {{0, 0}, {1, 0}, {3, 0}, {7, 0}};
  const auto k1 = knn_weights(ids, p, 1, DistanceMetric::Euclidean);
  EXPECT_EQ(k1.neighbours[k1.offsets[2]], 1);  // c's nearest is b
  EXPECT_THROW(knn_weights(ids, p, 4, DistanceMetric::Euclidean), UsageError);
  const auto band = distance_band_weights(ids, p, 2.0, DistanceMetric::Euclidean);
  EXPECT_EQ(band.cardinality(3), 0);  // d is an island at this threshold
  EXPECT_DOUBLE_EQ(min_threshold_distance(p, DistanceMetric::Euclidean), 4.0);
  const auto inv = distance_band_weights(ids, p, 2.0, DistanceMetric::Euclidean, false, -1.0);
  EXPECT_DOUBLE_EQ(inv.weights[inv.offsets[1] + 1], 0.5);  // b -> c, d = 2
}

TEST(SpatialWeights, GreatCircleDistance) {
  // One degree of longitude on the equator: 2 pi R / 360.
  EXPECT_NEAR(point_distance({0, 0}, {1, 0}, DistanceMetric::GreatCircle), 111.19508, 1e-4);
  EXPECT_NEAR(point_distance({179.5, 0}, {-179.5, 0}, DistanceMetric::GreatCircle), 111.19508,
              1e-4);
}

SpatialWeights grid_rook() {
  auto [ids, g] = grid3();
  return contiguity_weights(ids, g, Contiguity::Rook);
}

TEST(GlobalAutocorrelation, MoranIdentities) {
  const auto w = row_standardised(grid_rook());
  Eigen::VectorXd y(9);
  y << 1, 2, 3, 2, 3, 4, 3, 4, 5;  // a gradient: strong positive autocorrelation
  const auto m = morans_i(y, w);
  EXPECT_GT(m.I, 0.3);
  EXPECT_DOUBLE_EQ(m.EI, -1.0 / 8);
  EXPECT_DOUBLE_EQ(m.constants.s0, 9.0);
  // I is invariant to affine transformations of y.
  EXPECT_NEAR(morans_i(3 * y.array() + 7, w).I, m.I, 1e-12);
  // Geary's C moves the other way.
  EXPECT_LT(gearys_c(y, w).C, 1.0);
  // A checkerboard gives negative autocorrelation under rook weights.
  Eigen::VectorXd chk(9);
  chk << 1, 0, 1, 0, 1, 0, 1, 0, 1;
  EXPECT_NEAR(morans_i(chk, w).I, -1.0, 1e-12);
}

TEST(GlobalAutocorrelation, ZeroVarianceAndTooFewRegionsAreErrors) {
  const auto w = row_standardised(grid_rook());
  EXPECT_THROW(morans_i(Eigen::VectorXd::Constant(9, 2.0), w), Error);
  EXPECT_THROW(gearys_c(Eigen::VectorXd::Constant(9, 2.0), w), Error);
  Eigen::VectorXd with_na = Eigen::VectorXd::LinSpaced(9, 1, 9);
  with_na(3) = NAN;
  EXPECT_THROW(morans_i(with_na, w), Error);
  const auto one = SpatialWeights::from_lists({"only"}, {{}});
  EXPECT_THROW(morans_i(Eigen::VectorXd::Ones(1), one), Error);
  const auto none = SpatialWeights::from_lists({"a", "b", "c"}, {{}, {}, {}});
  EXPECT_THROW(morans_i(Eigen::VectorXd::LinSpaced(3, 1, 3), none), Error);
}

TEST(GlobalAutocorrelation, WeightConstantsOfAnAsymmetricList) {
  // One directed link a -> b of weight 2: S1 = 1/2 ((2+0)^2 + (0+2)^2) = 4, S2 = 2^2 + 2^2 = 8.
  const auto w = SpatialWeights::from_lists({"a", "b"}, {{{1, 2.0}}, {}});
  const auto c = weight_constants(w);
  EXPECT_DOUBLE_EQ(c.s0, 2.0);
  EXPECT_DOUBLE_EQ(c.s1, 4.0);
  EXPECT_DOUBLE_EQ(c.s2, 8.0);
}

TEST(LocalAutocorrelation, LocalMoranSumsToGlobal) {
  const auto w = row_standardised(grid_rook());
  Eigen::VectorXd y(9);
  y << 5, 1, 4, 2, 8, 3, 7, 6, 0;
  const auto lm = local_moran(y, w, LocalMoranScaling::N);
  // sum_i I_i / n = global I when S0 = n (row weights), with the Anselin scaling.
  EXPECT_NEAR(lm.Is.sum() / 9, morans_i(y, w).I, 1e-12);
  const auto esda = local_moran(y, w, LocalMoranScaling::NMinus1);
  EXPECT_NEAR(esda.Is(4), lm.Is(4) * 8 / 9, 1e-12);
  for (int i = 0; i < 9; ++i) {
    const int q = lm.quadrant[i];
    EXPECT_EQ(q == HH || q == HL, lm.z(i) > 0);
  }
}

TEST(LocalAutocorrelation, IslandsGiveNA) {
  const auto w = row_standardised(SpatialWeights::from_lists(
      {"a", "b", "c", "d"}, {{{1, 1.0}}, {{0, 1.0}, {2, 1.0}}, {{1, 1.0}}, {}}));
  Eigen::VectorXd y(4);
  y << 1, 2, 4, 8;
  const auto lm = local_moran(y, w);
  EXPECT_TRUE(std::isnan(lm.Is(3)));
  EXPECT_EQ(lm.quadrant[3], 0);
  const auto g = local_getis_ord(y, w, false);
  EXPECT_TRUE(std::isnan(g.z(3)));
  const auto perm = conditional_permutation_test({local_moran_affine(y, w)}, 99, 1);
  EXPECT_TRUE(std::isnan(perm[0].p_sim(3)));
  EXPECT_FALSE(std::isnan(perm[0].p_sim(0)));
}

TEST(LocalAutocorrelation, GstarRowZEqualsBinaryUnderTheGeneralVariance) {
  const auto b = grid_rook();
  Eigen::VectorXd y(9);
  y << 5, 1, 4, 2, 8, 3, 7, 6, 1;
  const auto star_b = with_self_weight(binary_weights(b), 1.0);
  const auto star_r = row_standardised(star_b);
  const auto zb = local_getis_ord(y, star_b, true, LocalGVariance::General).z;
  const auto zr = local_getis_ord(y, star_r, true, LocalGVariance::General).z;
  EXPECT_LT((zb - zr).cwiseAbs().maxCoeff(), 1e-12);
  // The esda form shrinks the row z by sqrt(k (N - 1) / (N - k)), k = w_i + 1 for G_i*.
  const auto ze = local_getis_ord(y, star_r, true, LocalGVariance::BinaryFormula).z;
  const double k = 5, N = 9;  // the centre: 4 neighbours and itself
  EXPECT_NEAR(zb(4) / ze(4), std::sqrt(k * (N - 1) / (N - k)), 1e-12);
}

TEST(LocalAutocorrelation, TiesAndFoldedPValue) {
  EXPECT_DOUBLE_EQ(folded_p_value(0, 999), 0.001);
  EXPECT_DOUBLE_EQ(folded_p_value(999, 999), 0.001);
  EXPECT_DOUBLE_EQ(folded_p_value(500, 999), 0.5);
}

TEST(LocalAutocorrelation, MultipleTesting) {
  const std::vector<double> p = {0.01, 0.04, 0.03, NAN, 0.5};
  const auto bonf = adjust_p_values(p, MultipleTesting::Bonferroni);
  EXPECT_DOUBLE_EQ(bonf[0], 0.04);
  EXPECT_DOUBLE_EQ(bonf[4], 1.0);
  EXPECT_TRUE(std::isnan(bonf[3]));
  const auto fdr = adjust_p_values(p, MultipleTesting::FalseDiscoveryRate);
  // sorted 0.01, 0.03, 0.04, 0.5 (m = 4): 0.04, 0.04, 0.04 * 4/3, 0.5 -> monotone
  EXPECT_DOUBLE_EQ(fdr[0], 0.04);
  EXPECT_NEAR(fdr[2], 0.04 * 4 / 3, 1e-15);
  EXPECT_NEAR(fdr[1], 0.04 * 4 / 3, 1e-15);
  EXPECT_DOUBLE_EQ(fdr[4], 0.5);
}

TEST(WeightsFiles, GalAndGwtRoundTrip) {
  const auto w = grid_rook();
  const std::string gal = test::temp_file("w.gal", "");
  const std::string gwt = test::temp_file("w.gwt", "");
  write_weights_file(w, gal);
  write_weights_file(row_standardised(w), gwt);
  const auto back = weights_from_file(read_gal(gal), w.ids, gal);
  EXPECT_EQ(back.neighbours, w.neighbours);
  const auto back_r = weights_from_file(read_gwt(gwt), w.ids, gwt);
  EXPECT_DOUBLE_EQ(back_r.weights[0], 0.5);
}

TEST(WeightsFiles, UnknownRegionsAndBadFilesAreErrors) {
  const std::string gal = test::temp_file("bad.gal", "2\na 1\nb\nb 1\nzz\n");
  try {
    weights_from_file(read_gal(gal), {"a", "b"}, gal);
    FAIL();
  } catch (const Error& e) {
    EXPECT_NE(std::string(e.what()).find("zz"), std::string::npos);
  }
  const std::string short_gal = test::temp_file("short.gal", "3\na 1\nb\n");
  EXPECT_THROW(read_gal(short_gal), Error);
  const std::string bad_gwt = test::temp_file("bad.gwt", "2\na b x\n");
  EXPECT_THROW(read_gwt(bad_gwt), Error);
}

TEST(GeoReader, MissingAndDuplicateIdsAndBadGeometry) {
  auto feature = [](const std::string& id, const std::string& coords) {
    return fmt::format(
        R"({{"type":"Feature","properties":{{"region":{}}},"geometry":{{"type":"Polygon","coordinates":[{}]}}}})",
        id, coords);
  };
  const std::string sq = "[[0,0],[1,0],[1,1],[0,1],[0,0]]";
  const std::string bowtie = "[[0,0],[1,1],[1,0],[0,1],[0,0]]";
  auto collection = [](const std::string& a, const std::string& b) {
    return fmt::format(R"({{"type":"FeatureCollection","features":[{},{}]}})", a, b);
  };
  const auto dup =
      test::temp_file("dup.geojson", collection(feature("\"a\"", sq), feature("\"a\"", sq)));
  EXPECT_THROW(read_geo_layer(dup), Error);
  const auto missing =
      test::temp_file("missing.geojson", collection(feature("\"a\"", sq), feature("null", sq)));
  EXPECT_THROW(read_geo_layer(missing), Error);
  const auto bad =
      test::temp_file("bad.geojson", collection(feature("\"a\"", sq), feature("\"b\"", bowtie)));
  EXPECT_THROW(read_geo_layer(bad), Error);
  GeoReadOptions warn;
  warn.validate = GeoReadOptions::Validation::Warn;
  const GeoLayer l = read_geo_layer(bad, warn);
  EXPECT_EQ(l.features.size(), 2u);
  EXPECT_EQ(l.warnings.size(), 1u);
  GeoReadOptions no_field;
  no_field.id_field = "nope";
  EXPECT_THROW(read_geo_layer(dup, no_field), UsageError);
  EXPECT_THROW(read_geo_layer(test::temp_file("notgeo.geojson", "hello")), Error);
}

TEST(GeoReader, TopoJsonLayersAndJoin) {
  const std::string path = test::source_path("examples/boundaries/taiwan/counties-10t.json");
  GeoReadOptions o;
  o.layer = "counties";
  o.id_field = "COUNTYCODE";
  o.validate = GeoReadOptions::Validation::Off;
  const GeoLayer l = read_geo_layer(path, o);
  EXPECT_EQ(l.features.size(), 22u);
  EXPECT_TRUE(l.geographic);
  const CodeJoin j = join_codes(l.ids(), {"63000", "99999"});
  EXPECT_EQ(j.matched.size(), 1u);
  EXPECT_EQ(j.only_in_table, std::vector<std::string>{"99999"});
  EXPECT_EQ(j.only_in_layer.size(), 21u);
  EXPECT_NE(j.describe().find("99999"), std::string::npos);
  o.layer = "nope";
  EXPECT_THROW(read_geo_layer(path, o), UsageError);
}

TEST(HotspotMap, GeoJsonAndHtmlAreSelfContained) {
  const MultiPolygon a = square(120, 23), b = square(121, 23);
  std::vector<MapRegion> regions = {{"A", "Alpha", &a, "HH", {}, {{"Is", 1.5}, {"p", NAN}}},
                                    {"B", "", &b, "", {}, {}}};
  const std::string gj = hotspot_geojson(regions);
  EXPECT_NE(gj.find("\"p\":null"), std::string::npos);
  EXPECT_NE(gj.find("\"cluster\":\"HH\""), std::string::npos);
  const std::string html = choropleth_html(regions, true, "T <1>", "", lisa_legend());
  EXPECT_NE(html.find("<svg"), std::string::npos);
  EXPECT_NE(html.find("T &lt;1&gt;"), std::string::npos);
  EXPECT_EQ(html.find("http://", html.find("<body")), html.find("http://www.w3.org/2000/svg"));
  EXPECT_EQ(html.find("<script"), std::string::npos);
}

}  // namespace
}  // namespace agglo
