// Hot-spot analysis shared by the `hotspots` measure and the profile section, the weights
// subset, the inline SVG map, and identities of the conditional-permutation engine.
#include <gtest/gtest.h>

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "families/spatial/hotspot_map.hpp"
#include "families/spatial/hotspots.hpp"
#include "families/spatial/local_autocorrelation.hpp"
#include "families/spatial/weights.hpp"

namespace agglo {
namespace {

MultiPolygon unit_square(double x, double y) {
  return {{Polygon{{Ring{{x, y}, {x + 1, y}, {x + 1, y + 1}, {x, y + 1}, {x, y}}}}}};
}

// Regions 0..n-1 on a line, each linked to its neighbours.
SpatialWeights chain(int n) {
  std::vector<std::string> ids;
  std::vector<std::vector<std::pair<int, double>>> rows(static_cast<size_t>(n));
  for (int i = 0; i < n; ++i) {
    ids.push_back(fmt::format("c{}", i));
    if (i > 0) rows[i].emplace_back(i - 1, 1.0);
    if (i + 1 < n) rows[i].emplace_back(i + 1, 1.0);
  }
  return SpatialWeights::from_lists(ids, rows);
}

TEST(SubsetWeights, DroppedRegionsTakeTheirLinksAlong) {
  const SpatialWeights w = chain(5);
  const SpatialWeights s = subset_weights(w, {0, 1, 3, 4});
  ASSERT_EQ(s.n(), 4);
  EXPECT_EQ(s.ids, (std::vector<std::string>{"c0", "c1", "c3", "c4"}));
  EXPECT_EQ(s.cardinalities(), (std::vector<int>{1, 1, 1, 1}));  // c1 - c3 no longer linked
  EXPECT_EQ(s.neighbours, (std::vector<int>{1, 0, 3, 2}));
  EXPECT_TRUE(subset_weights(w, {2}).islands() == std::vector<int>{0});  // one region: island
}

TEST(HotspotAnalysis, ClustersFollowQuadrantsAndPValues) {
  const SpatialWeights w = chain(12);
  Eigen::VectorXd y(12);
  y << 9, 8, 9, 7, 5, 4, 3, 1, 0, 1, 0, 2;
  HotspotOptions o;
  o.permutations = 199;
  o.alpha = 0.1;
  const HotspotResult r = hotspot_analysis(y, w, o);
  const LocalMoranResult lm = local_moran(y, row_standardised(w));
  ASSERT_EQ(r.cluster.size(), 12u);
  for (size_t i = 0; i < 12; ++i) {
    EXPECT_DOUBLE_EQ(r.moran.Is(static_cast<Eigen::Index>(i)), lm.Is(static_cast<Eigen::Index>(i)));
    EXPECT_EQ(r.quadrant[i], quadrant_name(lm.quadrant[i]));
    EXPECT_EQ(r.cluster[i], r.moran_p[i] <= o.alpha ? r.quadrant[i] : "ns");
    EXPECT_EQ(r.moran_p[i], r.moran_p_adjusted[i]);  // no adjustment asked
  }
  // Bonferroni can only remove clusters.
  o.multiple_testing = MultipleTesting::Bonferroni;
  const HotspotResult b = hotspot_analysis(y, w, o);
  for (size_t i = 0; i < 12; ++i)
    if (b.cluster[i] != "ns") {
      EXPECT_EQ(b.cluster[i], r.cluster[i]);
    }
}

TEST(HotspotAnalysis, ZeroVarianceIsAnError) {
  EXPECT_THROW(hotspot_analysis(Eigen::VectorXd::Constant(5, 2.0), chain(5)), Error);
}

TEST(HotspotAnalysis, IslandsHaveNoClassOnTheMap) {
  // Regions 0-1-2-3 linked, region 4 alone.
  SpatialWeights w = chain(4);
  w.ids.push_back("island");
  w.offsets.push_back(w.offsets.back());
  Eigen::VectorXd y(5);
  y << 1, 2, 5, 7, 3;
  const HotspotResult r = hotspot_analysis(y, w, {.permutations = 99});
  EXPECT_TRUE(std::isnan(r.moran.Is(4)));
  EXPECT_TRUE(std::isnan(r.moran_p[4]));
  EXPECT_EQ(r.quadrant[4], "");
  std::vector<GeoFeature> features;
  for (int i = 0; i < 5; ++i) features.push_back({w.ids[i], unit_square(i, 0), {}});
  features.push_back({"no-data", unit_square(9, 0), {{"name", "Nowhere"}}});
  const auto regions = hotspot_map_regions(features, w.ids, y, "y", r);
  ASSERT_EQ(regions.size(), 6u);
  EXPECT_EQ(regions[4].category, "");  // island
  EXPECT_FALSE(regions[0].category.empty());
  EXPECT_EQ(regions[5].category, "");
  EXPECT_EQ(regions[5].label, "Nowhere");
  const std::string svg = choropleth_svg(regions, false, lisa_legend(), {.width = 400});
  EXPECT_EQ(svg.rfind("<svg", 0), 0u);
  EXPECT_NE(svg.find("No data or no neighbours (2)"), std::string::npos);
  EXPECT_NE(svg.find("High-High (hot spot)"), std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  // The page is the same SVG with a title.
  const std::string html = choropleth_html(regions, false, "T", "S", lisa_legend());
  EXPECT_NE(html.find(choropleth_svg(regions, false, lisa_legend())), std::string::npos);
}

TEST(ConditionalPermutation, EveryOtherRegionANeighbourLeavesNothingToPermute) {
  // Complete graph with equal weights: each draw takes all n - 1 others (the shuffle path), so
  // every simulated statistic is the observed one up to the order of summation.
  const int n = 6;
  std::vector<std::string> ids;
  std::vector<std::vector<std::pair<int, double>>> rows(n);
  for (int i = 0; i < n; ++i) {
    ids.push_back(fmt::format("{}", i));
    for (int j = 0; j < n; ++j)
      if (j != i) rows[i].emplace_back(j, 1.0);
  }
  const SpatialWeights w = SpatialWeights::from_lists(ids, rows);
  Eigen::VectorXd y(n);
  y << 1, 2, 4, 8, 16, 32;
  const auto r = conditional_permutation_test({local_moran_affine(y, w)}, 99, 7);
  const LocalMoranResult lm = local_moran(y, w);
  for (int i = 0; i < n; ++i) {
    EXPECT_NEAR(r[0].mean_sim(i), lm.Is(i), 1e-12);
    EXPECT_NEAR(r[0].sd_sim(i), 0.0, 1e-6);
  }
}

TEST(ConditionalPermutation, UniformAndScaledWeightsAgree) {
  // Row-standardised weights take the uniform path; a copy whose first weight is nudged takes
  // the general path: the same draws give (nearly) the same statistics.
  SpatialWeights w = row_standardised(chain(40));
  Eigen::VectorXd y(40);
  for (int i = 0; i < 40; ++i) y(i) = std::sin(i * 0.7) + 0.05 * i;
  SpatialWeights nudged = w;
  nudged.weights[0] *= 1 + 1e-13;
  const auto a = conditional_permutation_test({local_moran_affine(y, w)}, 499, 3);
  const auto b = conditional_permutation_test({local_moran_affine(y, nudged)}, 499, 3);
  for (int i = 1; i < 40; ++i) {
    EXPECT_NEAR(a[0].mean_sim(i), b[0].mean_sim(i), 1e-12);
    EXPECT_NEAR(a[0].p_sim(i), b[0].p_sim(i), 2.0 / 500);  // a tie may fall either way
  }
}

}  // namespace
}  // namespace agglo
