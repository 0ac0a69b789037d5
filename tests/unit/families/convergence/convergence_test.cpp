// Beta and sigma convergence: growth rates, the speed of convergence, NA regions, the variance
// ratio test.
#include <cmath>

#include <gtest/gtest.h>

#include "core/error.hpp"
#include "families/convergence/beta_convergence.hpp"
#include "families/convergence/sigma_convergence.hpp"

namespace agglo::convergence {
namespace {

TEST(ConvergenceSpeed, BarroSalaIMartinForm) {
  // beta = -(1 - exp(-lambda T)) / T inverts to lambda.
  const double lambda = 0.02, T = 20;
  const double beta = -(1 - std::exp(-lambda * T)) / T;
  const ConvergenceSpeed s = convergence_speed(beta, T);
  EXPECT_NEAR(s.lambda, lambda, 1e-15);
  EXPECT_NEAR(s.half_life, std::log(2.0) / lambda, 1e-10);
  EXPECT_TRUE(std::isnan(convergence_speed(0.01, T).lambda));  // divergence
  EXPECT_FALSE(convergence_speed(0.01, T).why_na.empty());
  EXPECT_TRUE(std::isnan(convergence_speed(-0.06, T).lambda));  // beta T <= -1
}

TEST(AverageLogGrowth, AnnualTelescopesToEndpoints) {
  Eigen::MatrixXd y(2, 4);
  y << 100, 110, 105, 130, 50, 60, 70, 75;
  const auto annual = average_log_growth(y, 3, GrowthPeriods::Annual);
  Eigen::MatrixXd ends(2, 2);
  ends.col(0) = y.col(0);
  ends.col(1) = y.col(3);
  const auto endpoints = average_log_growth(ends, 3, GrowthPeriods::Endpoints);
  EXPECT_NEAR(annual.ln_growth(0), endpoints.ln_growth(0), 1e-15);
  EXPECT_NEAR(annual.ln_growth(1), std::log(1.5) / 3, 1e-15);
  EXPECT_NEAR(annual.ln_initial(1), std::log(50.0), 1e-15);
}

TEST(AverageLogGrowth, NaAndNonPositiveValuesAreExplained) {
  Eigen::MatrixXd y(3, 2);
  y << 100, 120, NA, 50, 0, 10;
  const auto g = average_log_growth(y, 5, GrowthPeriods::Endpoints);
  EXPECT_TRUE(g.why_na[0].empty());
  EXPECT_TRUE(std::isnan(g.ln_growth(1)));
  EXPECT_FALSE(g.why_na[1].empty());
  EXPECT_TRUE(std::isnan(g.ln_growth(2)));
  EXPECT_NE(g.why_na[2].find("negative"), std::string::npos);
  EXPECT_THROW(average_log_growth(y, 0, GrowthPeriods::Endpoints), Error);
}

TEST(BetaConvergence, RecoversAnExactConvergenceProcessAndSkipsNa) {
  Eigen::VectorXd ln0(6), g(6);
  ln0 << 9.0, 9.5, 10.0, 10.5, 11.0, 9.2;
  for (Eigen::Index i = 0; i < 6; ++i) g(i) = 0.1 - 0.008 * ln0(i) + (i % 2 ? 1e-4 : -1e-4);
  g(5) = NA;
  const auto b = beta_convergence(ln0, g, Eigen::MatrixXd(), 10);
  EXPECT_EQ(b.fit.n, 5);
  EXPECT_EQ(b.used.size(), 5u);
  EXPECT_NEAR(b.fit.coefficients(1), -0.008, 2e-4);
  EXPECT_NEAR(b.speed.lambda, -std::log1p(b.fit.coefficients(1) * 10) / 10, 1e-15);
}

TEST(SigmaConvergence, QuotientAndVarianceRatio) {
  const Eigen::VectorXd z1 = (Eigen::VectorXd(4) << 1, 2, 3, 4).finished();
  const Eigen::VectorXd z2 = (Eigen::VectorXd(4) << 2, 2.5, 3, 3.5).finished();
  const auto s = sigma_convergence(z1, z2, SigmaMeasure::SD, false);
  EXPECT_NEAR(s.quotient, 2.0, 1e-15);  // z2 is z1 halved around its mean
  EXPECT_NEAR(s.f_value, 4.0, 1e-14);
  EXPECT_EQ(s.df1, 3);
  // Swapping the years mirrors the two-sided p.
  EXPECT_NEAR(sigma_convergence(z2, z1, SigmaMeasure::SD, false).p_value, s.p_value, 1e-15);
  EXPECT_NEAR(sigma_dispersion(z1, SigmaMeasure::CV, true), std::sqrt(5.0 / 3) / 2.5, 1e-15);
  EXPECT_TRUE(
      std::isnan(sigma_dispersion(Eigen::VectorXd::Constant(1, 2.0), SigmaMeasure::SD, true)));
  EXPECT_TRUE(std::isnan(
      sigma_dispersion((Eigen::VectorXd(2) << -1, 1).finished(), SigmaMeasure::CV, false)));
}

TEST(SigmaTrend, NeedsThreeYears) {
  EXPECT_THROW(sigma_trend(Eigen::Vector2d(2000, 2001), Eigen::Vector2d(0.3, 0.2)), Error);
  const auto fit =
      sigma_trend(Eigen::Vector3d(2000, 2001, 2002), Eigen::Vector3d(0.30, 0.29, 0.27));
  EXPECT_NEAR(fit.coefficients(1), -0.015, 1e-12);
}

}  // namespace
}  // namespace agglo::convergence
