// Identities of the Theil decomposition: between + within = total, trivial partitions, groups of
// one region, weights, and agreement with the stand-alone indices.
#include <cmath>

#include <gtest/gtest.h>

#include "families/inequality/dispersion.hpp"
#include "families/inequality/theil.hpp"

namespace agglo::inequality {
namespace {

const Eigen::VectorXd kX = (Eigen::VectorXd(6) << 10, 12, 30, 35, 8, 50).finished();
const std::vector<int> kGroups = {0, 0, 1, 1, 2, 1};

TEST(TheilDecomposition, BetweenPlusWithinIsTheTotal) {
  for (auto index : {TheilIndex::T, TheilIndex::L}) {
    const auto d = theil_decomposition(kX, kGroups, 3, index);
    EXPECT_NEAR(d.between.value + d.within.value, d.total.value, 1e-15);
    EXPECT_NEAR(d.between_share.value, d.between.value / d.total.value, 1e-15);
    // within = sum_g Q_g T_g (T) or sum_g P_g L_g (L).
    double within = 0;
    for (const auto& g : d.groups)
      within += (index == TheilIndex::T ? g.income_share : g.population_share) * g.index.value;
    EXPECT_NEAR(within, d.within.value, 1e-15);
  }
}

TEST(TheilDecomposition, TotalsMatchTheStandAloneIndices) {
  EXPECT_NEAR(theil_decomposition(kX, kGroups, 3, TheilIndex::T).total.value, theil_t(kX).value,
              1e-15);
  EXPECT_NEAR(theil_decomposition(kX, kGroups, 3, TheilIndex::L).total.value,
              mean_log_deviation(kX).value, 1e-15);
  // T = sum s ln(n s), the textbook unweighted form.
  const Eigen::VectorXd s = kX / kX.sum();
  EXPECT_NEAR(theil_t(kX).value, (s.array() * (6 * s.array()).log()).sum(), 1e-15);
}

TEST(TheilDecomposition, TrivialPartitions) {
  const auto one = theil_decomposition(kX, std::vector<int>(6, 0), 1, TheilIndex::T);
  EXPECT_NEAR(one.between.value, 0.0, 1e-15);
  EXPECT_NEAR(one.within.value, one.total.value, 1e-15);
  const auto own = theil_decomposition(kX, {0, 1, 2, 3, 4, 5}, 6, TheilIndex::T);
  EXPECT_NEAR(own.within.value, 0.0, 1e-15);
  EXPECT_NEAR(own.between.value, own.total.value, 1e-15);
  for (const auto& g : own.groups) EXPECT_EQ(g.index.value, 0.0);  // one region: exactly 0
}

TEST(TheilDecomposition, WeightsOfOneAreTheUnweightedIndex) {
  const auto u = theil_decomposition(kX, kGroups, 3, TheilIndex::T);
  const auto w =
      theil_decomposition(kX, kGroups, 3, TheilIndex::T, Eigen::VectorXd::Constant(6, 2.5));
  EXPECT_NEAR(u.between.value, w.between.value, 1e-15);
  EXPECT_NEAR(u.within.value, w.within.value, 1e-15);
  // Weighted T equals theil_t with the same weights.
  const Eigen::VectorXd pop = (Eigen::VectorXd(6) << 1, 2, 3, 1, 5, 2).finished();
  EXPECT_NEAR(theil_decomposition(kX, kGroups, 3, TheilIndex::T, pop).total.value,
              theil_t(kX, pop).value, 1e-15);
}

TEST(TheilDecomposition, UndefinedCasesCarryAReason) {
  Eigen::VectorXd zero = kX;
  zero(0) = 0;
  EXPECT_TRUE(theil_decomposition(zero, kGroups, 3, TheilIndex::T).total.defined());
  const auto l = theil_decomposition(zero, kGroups, 3, TheilIndex::L);
  EXPECT_FALSE(l.total.defined());
  EXPECT_NE(l.total.why_na.find("zero"), std::string::npos);
  Eigen::VectorXd negative = kX;
  negative(3) = -1;
  EXPECT_FALSE(theil_decomposition(negative, kGroups, 3, TheilIndex::T).between.defined());
  EXPECT_FALSE(theil_decomposition(Eigen::VectorXd(), {}, 0, TheilIndex::T).total.defined());
  EXPECT_FALSE(theil_decomposition(kX, {0, 1}, 2, TheilIndex::T).total.defined());
  // A zero-income group adds nothing; its own index is NA.
  const Eigen::VectorXd x = (Eigen::VectorXd(4) << 0, 0, 3, 5).finished();
  const auto d = theil_decomposition(x, {0, 0, 1, 1}, 2, TheilIndex::T);
  EXPECT_FALSE(d.groups[0].index.defined());
  EXPECT_NEAR(d.between.value + d.within.value, d.total.value, 1e-15);
}

TEST(TheilDecomposition, EqualValuesGiveZeroEverywhere) {
  const auto d =
      theil_decomposition(Eigen::VectorXd::Constant(4, 7.0), {0, 0, 1, 1}, 2, TheilIndex::T);
  EXPECT_NEAR(d.total.value, 0.0, 1e-16);
  EXPECT_FALSE(d.between_share.defined());  // 0 / 0
}

}  // namespace
}  // namespace agglo::inequality
