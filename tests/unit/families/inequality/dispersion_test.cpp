// Edge cases and identities of the inequality indices: equality, one region holding everything,
// a single region, ties, zeros and negative values, and weights that replicate regions.
#include <cmath>

#include <gtest/gtest.h>

#include "families/inequality/dispersion.hpp"

namespace agglo::inequality {
namespace {

Eigen::VectorXd vec(std::initializer_list<double> v) {
  Eigen::VectorXd x(static_cast<Eigen::Index>(v.size()));
  Eigen::Index i = 0;
  for (double d : v) x(i++) = d;
  return x;
}

TEST(Gini, EqualValuesGiveZeroAndOneHolderGivesTheMaximum) {
  EXPECT_NEAR(gini(vec({5, 5, 5, 5})).value, 0.0, 1e-15);
  EXPECT_NEAR(gini(vec({0, 0, 0, 8})).value, 0.75, 1e-15);  // (n - 1) / n
  EXPECT_NEAR(gini_normalised(vec({0, 0, 0, 8})).value, 1.0, 1e-15);
}

TEST(Gini, MatchesTheMeanAbsoluteDifference) {
  const Eigen::VectorXd x = vec({3, 1, 4, 1, 5, 9, 2, 6});
  double d = 0;
  for (Eigen::Index i = 0; i < x.size(); ++i)
    for (Eigen::Index j = 0; j < x.size(); ++j) d += std::abs(x(i) - x(j));
  const double n = static_cast<double>(x.size());
  EXPECT_NEAR(gini(x).value, d / (2 * n * n * x.mean()), 1e-15);
}

TEST(Gini, TiesAndOrderDoNotMatter) {
  EXPECT_NEAR(gini(vec({1, 2, 2, 7})).value, gini(vec({7, 2, 1, 2})).value, 1e-16);
}

TEST(Gini, IntegerWeightsEqualReplicatedRegions) {
  // Weights 2, 1, 3 equal the unweighted Gini of the values repeated that often.
  const Scalar weighted = gini(vec({10, 20, 40}), vec({2, 1, 3}));
  const Scalar replicated = gini(vec({10, 10, 20, 40, 40, 40}));
  EXPECT_NEAR(weighted.value, replicated.value, 1e-15);
  EXPECT_NEAR(gini(vec({10, 20, 40}), vec({1, 1, 1})).value, gini(vec({10, 20, 40})).value, 1e-15);
}

TEST(Gini, SingleRegionAndBadInputAreExplicit) {
  EXPECT_EQ(gini(vec({7})).value, 0.0);
  EXPECT_FALSE(gini_normalised(vec({7})).defined());
  EXPECT_FALSE(gini(Eigen::VectorXd()).defined());
  EXPECT_FALSE(gini(vec({0, 0})).defined());
  EXPECT_NE(gini(vec({-1, 3})).why_na.find("negative"), std::string::npos);
  EXPECT_FALSE(gini(vec({1, 2}), vec({1, -1})).defined());
  EXPECT_FALSE(gini(vec({1, 2}), vec({1})).defined());
}

TEST(Atkinson, EpsilonZeroIsZeroAndOneIsTheGeometricMean) {
  const Eigen::VectorXd x = vec({10, 20, 40});
  EXPECT_NEAR(atkinson(x, 0).value, 0.0, 1e-15);
  EXPECT_NEAR(atkinson(x, 1).value, 1 - std::cbrt(10.0 * 20 * 40) / (70.0 / 3), 1e-15);
  // e = 2: 1 - harmonic mean / mean.
  EXPECT_NEAR(atkinson(x, 2).value, 1 - 3 / (1 / 10.0 + 1 / 20.0 + 1 / 40.0) / (70.0 / 3), 1e-15);
  EXPECT_NEAR(atkinson(vec({4, 4, 4}), 1.5).value, 0.0, 1e-15);
}

TEST(Atkinson, ZerosAndNegativeEpsilon) {
  EXPECT_TRUE(atkinson(vec({0, 1, 2}), 0.5).defined());
  EXPECT_FALSE(atkinson(vec({0, 1, 2}), 1).defined());
  EXPECT_FALSE(atkinson(vec({0, 1, 2}), 2).defined());
  EXPECT_FALSE(atkinson(vec({1, 2}), -0.5).defined());
}

TEST(TheilAndMld, ZerosAndNegatives) {
  EXPECT_TRUE(theil_t(vec({0, 1, 2})).defined());                    // 0 ln 0 = 0
  EXPECT_NEAR(theil_t(vec({0, 0, 3})).value, std::log(3.0), 1e-15);  // ln n: one region holds all
  EXPECT_FALSE(mean_log_deviation(vec({0, 1, 2})).defined());
  EXPECT_FALSE(theil_t(vec({-1, 1, 2})).defined());
  EXPECT_NEAR(mean_log_deviation(vec({2, 2})).value, 0.0, 1e-16);
  // L = ln(mean / geometric mean).
  EXPECT_NEAR(mean_log_deviation(vec({1, 4})).value, std::log(2.5 / 2.0), 1e-15);
}

TEST(SdAndCv, SampleAndPopulation) {
  const Eigen::VectorXd x = vec({2, 4, 4, 4, 5, 5, 7, 9});  // mean 5, population SD 2
  EXPECT_NEAR(standard_deviation(x, false).value, 2.0, 1e-15);
  EXPECT_NEAR(standard_deviation(x, true).value, std::sqrt(32.0 / 7), 1e-15);
  EXPECT_NEAR(coefficient_of_variation(x, false).value, 0.4, 1e-15);
  EXPECT_NEAR(coefficient_of_variation_normalised(x).value, 0.4 / std::sqrt(7.0), 1e-15);
  EXPECT_FALSE(standard_deviation(vec({3}), true).defined());
  EXPECT_FALSE(coefficient_of_variation(vec({-1, 1}), false).defined());  // zero mean
  // One region holding everything: the normalised CV is 1.
  EXPECT_NEAR(coefficient_of_variation_normalised(vec({0, 0, 0, 9})).value, 1.0, 1e-15);
}

TEST(Williamson, EqualWeightsGiveThePopulationCv) {
  const Eigen::VectorXd x = vec({10, 20, 40});
  EXPECT_NEAR(williamson(x, vec({3, 3, 3})).value, coefficient_of_variation(x, false).value, 1e-15);
  EXPECT_NEAR(standard_deviation_weighted(x, vec({1, 1, 1})).value,
              standard_deviation(x, false).value, 1e-12);
  EXPECT_FALSE(williamson(x, Eigen::VectorXd()).defined());
}

TEST(SharesIndices, EqualityAndConcentration) {
  EXPECT_NEAR(hoover(vec({3, 3, 3})).value, 0.0, 1e-16);
  EXPECT_NEAR(coulter(vec({3, 3, 3})).value, 0.0, 1e-16);
  EXPECT_NEAR(hoover(vec({0, 0, 6})).value, 2.0 / 3, 1e-15);
  EXPECT_NEAR(herfindahl(vec({1, 1, 1, 1})).value, 0.25, 1e-16);
  EXPECT_NEAR(herfindahl_normalised(vec({0, 0, 5})).value, 1.0, 1e-15);
  EXPECT_NEAR(herfindahl_equivalent_number(vec({2, 2, 2})).value, 3.0, 1e-14);
  // Weighted Hoover: income equal to population everywhere (x equal) is 0.
  EXPECT_NEAR(hoover(vec({5, 5}), vec({1, 9})).value, 0.0, 1e-16);
}

}  // namespace
}  // namespace agglo::inequality
