// OLS against hand-computed values (x = 1..5, y = 1, 3, 2, 5, 4) and its error cases.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "core/test_helpers.hpp"
#include "families/regression/distributions.hpp"
#include "families/regression/ols.hpp"
#include "registry/registry.hpp"

namespace agglo::regression {
namespace {

Eigen::MatrixXd design(const Eigen::VectorXd& x) {
  Eigen::MatrixXd X(x.size(), 2);
  X.col(0).setOnes();
  X.col(1) = x;
  return X;
}

const Eigen::VectorXd kX = (Eigen::VectorXd(5) << 1, 2, 3, 4, 5).finished();
const Eigen::VectorXd kY = (Eigen::VectorXd(5) << 1, 3, 2, 5, 4).finished();

TEST(Ols, SimpleRegressionByHand) {
  const OlsFit f = ordinary_least_squares(design(kX), kY);
  // b = Sxy / Sxx = 8/10, a = 3 - 0.8 * 3; RSS = 3.6, s^2 = 1.2.
  EXPECT_NEAR(f.coefficients(0), 0.6, 1e-14);
  EXPECT_NEAR(f.coefficients(1), 0.8, 1e-14);
  EXPECT_NEAR(f.rss, 3.6, 1e-13);
  EXPECT_NEAR(f.std_errors(1), std::sqrt(1.2 / 10), 1e-14);
  EXPECT_NEAR(f.std_errors(0), std::sqrt(1.2 * (1.0 / 5 + 9.0 / 10)), 1e-14);
  EXPECT_NEAR(f.r_squared, 0.64, 1e-14);
  EXPECT_NEAR(f.adj_r_squared, 0.52, 1e-14);
  EXPECT_NEAR(f.f_value, 6.4 / 1.2, 1e-12);
  EXPECT_EQ(f.f_df1, 1);
  EXPECT_EQ(f.f_df2, 3);
  // With one slope the F test equals the t test of the slope.
  EXPECT_NEAR(f.f_p_value, f.p_values(1), 1e-14);
  EXPECT_NEAR(f.p_values(1), stats::student_t_two_sided_p(0.8 / std::sqrt(0.12), 3), 1e-15);
  EXPECT_NEAR(f.residuals.sum(), 0.0, 1e-13);
}

TEST(Ols, Hc1RobustStandardErrors) {
  const OlsFit f = ordinary_least_squares(design(kX), kY, {.covariance = OlsCovariance::HC1});
  // Var(b) = n/(n-k) sum (x - xbar)^2 e^2 / Sxx^2 with e = -0.4, 0.8, -1, 1.2, -0.6.
  EXPECT_NEAR(f.std_errors(1), std::sqrt(5.0 / 3.0 * 4.16 / 100.0), 1e-14);
  EXPECT_NEAR(f.coefficients(1), 0.8, 1e-14);  // the estimates do not change
}

TEST(Ols, ExactLinearIdentityRecoversCoefficients) {
  Eigen::MatrixXd X(6, 3);
  X << 1, 2000, 0, 1, 2001, 1, 1, 2002, 0, 1, 2003, 1, 1, 2004, 1, 1, 2005, 0;
  const Eigen::Vector3d beta(3.0, -0.002, 0.5);
  Eigen::VectorXd y = X * beta;
  y(0) += 1e-3;  // keep a residual so the errors are defined
  const OlsFit f = ordinary_least_squares(X, y);
  EXPECT_NEAR(f.coefficients(1), -0.002, 1e-3);
  EXPECT_EQ(f.k, 3);
  EXPECT_EQ(f.n, 6);
}

TEST(Ols, ErrorsAreExplicit) {
  Eigen::MatrixXd collinear(4, 3);
  collinear << 1, 1, 2, 1, 2, 4, 1, 3, 6, 1, 4, 8;
  EXPECT_THROW(ordinary_least_squares(collinear, Eigen::Vector4d(1, 2, 3, 5)), Error);
  EXPECT_THROW(ordinary_least_squares(design(kX.head(2)), kY.head(2)), Error);  // n <= k
  Eigen::VectorXd y = kY;
  y(2) = NA;
  EXPECT_THROW(ordinary_least_squares(design(kX), y), Error);
  EXPECT_EQ(complete_cases(design(kX), y).size(), 4u);
}

TEST(Ols, TablesNameTheTerms) {
  const OlsFit f = ordinary_least_squares(design(kX), kY);
  const Table t = coefficient_table(f, {"Intercept", "x"});
  EXPECT_EQ(t.rows(), 2u);
  EXPECT_EQ(t.column("term").text[1], "x");
  EXPECT_THROW(coefficient_table(f, {"only one"}), Error);
  const Table m = model_statistics_table(f, "m");
  EXPECT_NEAR(m.column("r_squared").number[0], 0.64, 1e-14);
  EXPECT_EQ(m.column("n").number[0], 5);
}

}  // namespace
}  // namespace agglo::regression

// The `ols` measure through the registry: NA rows left out with a warning.

namespace agglo::regression {
namespace {

TEST(OlsMeasure, ReadsColumnsAndLeavesNaRowsOut) {
  const auto path = test::temp_file("ols_measure.csv", "x,y\n1,1\n2,3\n3,2\n4,5\n5,4\n6,NA\n");
  const MeasureSpec* spec = Registry::instance().find("ols");
  ASSERT_NE(spec, nullptr);
  Invocation inv(*spec, {{"response", "y"}, {"regressors", "x"}}, {},
                 {{"table", InputSource{path, "", ""}}});
  const Results r = spec->kernel(inv);
  EXPECT_EQ(r.warnings.size(), 1u);
  EXPECT_NEAR(r.find("coefficients")->column("estimate").number[1], 0.8, 1e-14);
  EXPECT_NEAR(r.find("model")->column("r_squared").number[0], 0.64, 1e-14);
}

}  // namespace
}  // namespace agglo::regression
