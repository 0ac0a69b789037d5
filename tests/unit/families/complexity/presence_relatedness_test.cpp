// RCA, co-occurrence, relatedness, proximity and density on small hand-made matrices.
#include <gtest/gtest.h>

#include <cmath>

#include "core/table.hpp"
#include "families/complexity/presence.hpp"
#include "families/complexity/presence_product.hpp"
#include "families/complexity/relatedness.hpp"

using namespace agglo;

namespace {

Eigen::MatrixXd small_presence() {
  Eigen::MatrixXd m(4, 3);
  m << 1, 1, 0,  //
      1, 0, 0,   //
      1, 1, 1,   //
      0, 1, 1;
  return m;
}

}  // namespace

TEST(ComplexityPresence, BinaryRcaCountsExactOneAndNaAsZero) {
  Eigen::MatrixXd rca(2, 2);
  rca << 1.0, 0.999, NA, 2.0;
  const Eigen::MatrixXd b = binary_rca(rca, 1.0);
  EXPECT_EQ(b(0, 0), 1);
  EXPECT_EQ(b(0, 1), 0);
  EXPECT_EQ(b(1, 0), 0);
  EXPECT_EQ(b(1, 1), 1);
}

TEST(ComplexityPresence, RcaOfEmptyRegionIsNa) {
  Eigen::MatrixXd x(2, 2);
  x << 0, 0, 3, 4;
  const Eigen::MatrixXd rca = revealed_comparative_advantage(x);
  EXPECT_TRUE(std::isnan(rca(0, 0)));
  EXPECT_DOUBLE_EQ(rca(1, 0), 1.0);
}

TEST(ComplexityPresence, RcaSingleRegionIsOne) {
  Eigen::MatrixXd x(1, 3);
  x << 5, 1, 2;
  const Eigen::MatrixXd rca = revealed_comparative_advantage(x);
  for (Eigen::Index i = 0; i < 3; ++i) EXPECT_DOUBLE_EQ(rca(0, i), 1.0);
}

TEST(ComplexityCooccurrence, EqualsDenseProductAndDiagonalIsUbiquity) {
  const Eigen::MatrixXd m = small_presence();
  const Eigen::MatrixXd c = co_occurrence(m, true);
  EXPECT_TRUE(c.isApprox(m.transpose() * m));
  EXPECT_TRUE(c.diagonal().isApprox(ubiquity(m)));
  const Eigen::MatrixXd c0 = co_occurrence(m, false);
  EXPECT_EQ(c0.diagonal().sum(), 0);
}

TEST(ComplexityRelatedness, CosineAndJaccardByHand) {
  Eigen::MatrixXd c(3, 3);
  c << 0, 2, 1, 2, 0, 0, 1, 0, 0;
  // S = (3, 2, 1)
  const Eigen::MatrixXd cos = relatedness(c, RelatednessMethod::Cosine);
  EXPECT_DOUBLE_EQ(cos(0, 1), 2 / std::sqrt(6.0));
  const Eigen::MatrixXd jac = relatedness(c, RelatednessMethod::Jaccard);
  EXPECT_DOUBLE_EQ(jac(0, 2), 1.0 / 3.0);
  EXPECT_EQ(jac(1, 2), 0.0);  // no co-occurrence: 0, not NaN
  EXPECT_EQ(jac(0, 0), 0.0);
}

TEST(ComplexityRelatedness, IsolatedIndustryGivesZerosNotNan) {
  Eigen::MatrixXd c = Eigen::MatrixXd::Zero(3, 3);
  c(0, 1) = c(1, 0) = 4;
  for (auto method : {RelatednessMethod::Probability, RelatednessMethod::Association,
                      RelatednessMethod::Cosine, RelatednessMethod::Jaccard}) {
    const Eigen::MatrixXd r = relatedness(c, method);
    EXPECT_TRUE(r.allFinite());
    EXPECT_EQ(r.row(2).sum(), 0.0);
  }
}

TEST(ComplexityProximity, DiscreteIsMinimumConditionalProbability) {
  const Eigen::MatrixXd m = small_presence();
  const Eigen::MatrixXd phi = proximity_discrete(co_occurrence(m, true));
  // u = (3, 3, 2); C_01 = 2 -> 2/3; C_12 = 2 -> 2/3; C_02 = 1 -> 1/3
  EXPECT_DOUBLE_EQ(phi(0, 1), 2.0 / 3.0);
  EXPECT_DOUBLE_EQ(phi(0, 2), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(phi(2, 0), 1.0 / 3.0);
  EXPECT_DOUBLE_EQ(phi(1, 1), 1.0);
  const Eigen::MatrixXd asym = proximity_discrete(co_occurrence(m, true), true);
  EXPECT_DOUBLE_EQ(asym(2, 0), 1.0 / 2.0);  // P(0 | 2) = C_20 / u_2
  EXPECT_DOUBLE_EQ(asym(0, 2), 1.0 / 3.0);
}

TEST(ComplexityProximity, IndustryPresentNowhereIsNa) {
  Eigen::MatrixXd m = small_presence();
  m.col(2).setZero();
  const Eigen::MatrixXd phi = proximity_discrete(co_occurrence(m, true));
  EXPECT_TRUE(std::isnan(phi(0, 2)));
  EXPECT_TRUE(std::isnan(phi(2, 2)));
  EXPECT_FALSE(std::isnan(phi(0, 1)));
}

TEST(ComplexityProximity, ContinuousConstantColumnIsNaAndRangeIsZeroToOne) {
  Eigen::MatrixXd rca(4, 3);
  rca << 1, 2, 1, 2, 1, 1, 3, 0.5, 1, 0.5, 3, 1;
  const Eigen::MatrixXd phi = proximity_continuous(rca);
  EXPECT_TRUE(std::isnan(phi(0, 2)));
  EXPECT_DOUBLE_EQ(phi(0, 0), 1.0);
  EXPECT_GE(phi(0, 1), 0.0);
  EXPECT_LE(phi(0, 1), 1.0);
  EXPECT_NEAR(phi(0, 1), phi(1, 0), 1e-15);
}

TEST(ComplexityDensity, ByHandAndNaForUnrelatedIndustry) {
  const Eigen::MatrixXd m = small_presence();
  Eigen::MatrixXd r(3, 3);
  r << 0, 0.5, 0, 0.5, 0, 0, 0, 0, 0;
  const Eigen::MatrixXd d = relatedness_density(m, r, 100);
  EXPECT_DOUBLE_EQ(d(1, 1), 100.0);  // region 1 has industry 0, the only one related to 1
  EXPECT_DOUBLE_EQ(d(3, 0), 100.0);
  EXPECT_TRUE(std::isnan(d(0, 2)));  // industry 2 is related to none
}

TEST(ComplexityProduct, TiledProductEqualsDenseProduct) {
  Eigen::MatrixXd m = Eigen::MatrixXd::Zero(7, 1100);
  for (Eigen::Index r = 0; r < 7; ++r)
    for (Eigen::Index c = 0; c < 1100; ++c)
      if ((r * 31 + c * 17) % 5 == 0) m(r, c) = 1;
  Eigen::MatrixXd k(600, 1100);
  for (Eigen::Index i = 0; i < k.size(); ++i) k.data()[i] = std::sin(static_cast<double>(i));
  Eigen::VectorXd w = Eigen::VectorXd::LinSpaced(1100, 0.5, 2.0);
  const Eigen::MatrixXd got = presence_times(presence_lists(m), k, w);
  const Eigen::MatrixXd want = m * w.asDiagonal() * k.transpose();
  EXPECT_LT((got - want).cwiseAbs().maxCoeff(), 1e-10);
}
