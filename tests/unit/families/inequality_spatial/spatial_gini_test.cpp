// The spatial Gini decomposition against a brute-force sum over all pairs.
#include <cmath>

#include <gtest/gtest.h>

#include "families/inequality_spatial/spatial_gini.hpp"

namespace agglo::inequality {
namespace {

const Eigen::VectorXd kX = (Eigen::VectorXd(5) << 3, 8, 1, 6, 6).finished();
const std::vector<std::pair<Eigen::Index, Eigen::Index>> kPairs = {{0, 1}, {1, 2}, {2, 3}, {3, 4}};

TEST(SpatialGini, PartsAddUpToTheGini) {
  const SpatialGini g = spatial_gini(kX, kPairs, 0, 1);
  double d = 0, wg = 0;
  for (Eigen::Index i = 0; i < 5; ++i)
    for (Eigen::Index j = 0; j < 5; ++j) d += std::abs(kX(i) - kX(j));
  for (const auto& [i, j] : kPairs) wg += 2 * std::abs(kX(i) - kX(j));
  const double scale = 2 * 25 * kX.mean();
  EXPECT_NEAR(g.gini, d / scale, 1e-15);
  EXPECT_NEAR(g.wg, wg, 1e-12);
  EXPECT_NEAR(g.wcg, d - wg, 1e-12);
  EXPECT_NEAR(g.wg / scale + g.wcg_share, g.gini, 1e-15);
  EXPECT_NEAR(g.polarization, ((d - wg) / wg) * (4.0 / (10.0 - 4.0)), 1e-12);
  EXPECT_TRUE(std::isnan(g.p_sim));
}

TEST(SpatialGini, UndefinedPolarizationIsExplained) {
  std::string why;
  const SpatialGini none = spatial_gini(kX, {}, 0, 1, &why);
  EXPECT_TRUE(std::isnan(none.polarization));
  EXPECT_FALSE(why.empty());
  why.clear();
  const SpatialGini one = spatial_gini(Eigen::VectorXd::Constant(1, 4.0), {}, 0, 1, &why);
  EXPECT_TRUE(std::isnan(one.gini));
  EXPECT_FALSE(why.empty());
}

TEST(SpatialGini, PermutationsAreSeededAndBounded) {
  const SpatialGini a = spatial_gini(kX, kPairs, 99, 7);
  const SpatialGini b = spatial_gini(kX, kPairs, 99, 7);
  EXPECT_EQ(a.p_sim, b.p_sim);
  EXPECT_GT(a.p_sim, 0.0);
  EXPECT_LE(a.p_sim, 0.5 + 1e-12);
  EXPECT_FALSE(std::isnan(a.e_wcg));
}

}  // namespace
}  // namespace agglo::inequality
