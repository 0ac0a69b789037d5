// The one-pass concentration of every industry gives the bits of the four separate measures,
// with their NA rules.
#include <cmath>

#include <gtest/gtest.h>

#include "core/table.hpp"
#include "families/concentration/concentration_totals.hpp"
#include "families/concentration/hoover_krugman.hpp"
#include "families/concentration/industry_concentration.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/concentration/locational_gini.hpp"
#include "sparse_counts.hpp"

namespace agglo {
namespace {

// Same bits, or NA in both.
void expect_same(double a, double b, const char* what, Eigen::Index i) {
  if (std::isnan(b)) {
    EXPECT_TRUE(std::isnan(a)) << what << " " << i;
  } else {
    EXPECT_EQ(a, b) << what << " " << i;
  }
}

void expect_like_separate_measures(const Eigen::MatrixXd& x) {
  const ConcentrationTotals t = concentration_totals(x);
  Eigen::MatrixXd lq;
  for (const bool halved : {true, false}) {
    const IndustryConcentration c = industry_concentration(x, t, lq, halved);
    const Eigen::MatrixXd lq_one = location_quotient(x);
    const Eigen::VectorXd h = hoover_concentration(x), k = krugman_concentration(x),
                          g = locational_gini(x, halved);
    ASSERT_EQ(lq.rows(), x.rows());
    ASSERT_EQ(lq.cols(), x.cols());
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
      for (Eigen::Index r = 0; r < x.rows(); ++r) expect_same(lq(r, i), lq_one(r, i), "lq", i);
      expect_same(c.hoover(i), h(i), "hoover", i);
      expect_same(c.krugman(i), k(i), "krugman", i);
      expect_same(c.locational_gini(i), g(i), "gini", i);
    }
  }
}

TEST(IndustryConcentration, SameBitsAsTheSeparateMeasures) {
  expect_like_separate_measures(sparse_counts(500, 40, 3));
}

TEST(IndustryConcentration, NaCellEmptyIndustryAndEmptyRegion) {
  Eigen::MatrixXd x = sparse_counts(60, 9, 4);
  x(7, 2) = NA;         // industry 2: NA
  x.col(5).setZero();   // industry 5: empty, NA
  x.row(11).setZero();  // region 11: NA quotients
  expect_like_separate_measures(x);
  const ConcentrationTotals t = concentration_totals(x);
  Eigen::MatrixXd lq;
  const IndustryConcentration c = industry_concentration(x, t, lq);
  EXPECT_TRUE(std::isnan(c.hoover(2)) && std::isnan(c.krugman(2)) &&
              std::isnan(c.locational_gini(2)));
  EXPECT_TRUE(std::isnan(c.locational_gini(5)));
  EXPECT_FALSE(std::isnan(c.locational_gini(0)));
  EXPECT_TRUE(std::isnan(lq(11, 0)));
}

TEST(IndustryConcentration, AllZeroTableIsNa) {
  const Eigen::MatrixXd x = Eigen::MatrixXd::Zero(4, 3);
  const ConcentrationTotals t = concentration_totals(x);
  Eigen::MatrixXd lq;
  const IndustryConcentration c = industry_concentration(x, t, lq);
  EXPECT_TRUE(c.hoover.array().isNaN().all());
  EXPECT_TRUE(c.krugman.array().isNaN().all());
  EXPECT_TRUE(c.locational_gini.array().isNaN().all());
  EXPECT_TRUE(lq.array().isNaN().all());
}

TEST(IndustryConcentration, SingleRegion) {
  Eigen::MatrixXd x(1, 3);
  x << 4, 0, 7;
  expect_like_separate_measures(x);
  const ConcentrationTotals t = concentration_totals(x);
  Eigen::MatrixXd lq;
  const IndustryConcentration c = industry_concentration(x, t, lq);
  EXPECT_EQ(c.hoover(0), 0);
  EXPECT_EQ(c.locational_gini(0), 0);
  EXPECT_TRUE(std::isnan(c.hoover(1)));
}

TEST(IndustryConcentration, ReusesTheLqBuffer) {
  const Eigen::MatrixXd x = sparse_counts(30, 4, 8);
  const ConcentrationTotals t = concentration_totals(x);
  Eigen::MatrixXd lq(30, 4);
  const double* storage = lq.data();
  industry_concentration(x, t, lq);
  EXPECT_EQ(lq.data(), storage);
}

}  // namespace
}  // namespace agglo
