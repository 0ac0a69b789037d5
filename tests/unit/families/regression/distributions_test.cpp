// The distribution functions against closed forms and published values.
#include <cmath>

#include <gtest/gtest.h>

#include "families/regression/distributions.hpp"

namespace agglo::stats {
namespace {

TEST(IncompleteBeta, IntegerParametersMatchTheBinomialSum) {
  // I_0.4(2, 3) = sum_{j=2..4} C(4,j) 0.4^j 0.6^(4-j)
  EXPECT_NEAR(incomplete_beta(2, 3, 0.4), 0.5248, 1e-15);
  // Both branches of the continued fraction (x below and above (a+1)/(a+b+2)).
  EXPECT_NEAR(incomplete_beta(2, 3, 0.9), 1.0 - incomplete_beta(3, 2, 0.1), 1e-15);
}

TEST(IncompleteBeta, ClosedFormsAndLimits) {
  EXPECT_NEAR(incomplete_beta(2.5, 1, 0.3), std::pow(0.3, 2.5), 1e-15);
  EXPECT_NEAR(incomplete_beta(1, 3.5, 0.3), 1 - std::pow(0.7, 3.5), 1e-15);
  EXPECT_EQ(incomplete_beta(2, 3, 0.0), 0.0);
  EXPECT_EQ(incomplete_beta(2, 3, 1.0), 1.0);
  EXPECT_TRUE(std::isnan(incomplete_beta(-1, 3, 0.5)));
  EXPECT_TRUE(std::isnan(incomplete_beta(2, 3, 1.5)));
}

TEST(IncompleteGamma, ClosedForms) {
  for (double x : {0.1, 1.0, 2.5, 10.0, 40.0}) {
    EXPECT_NEAR(incomplete_gamma_p(1, x), -std::expm1(-x), 1e-15);
    EXPECT_NEAR(incomplete_gamma_q(1, x) / std::exp(-x), 1.0, 1e-13);  // relative, deep in the tail
  }
  EXPECT_NEAR(incomplete_gamma_p(0.5, 2.0), std::erf(std::sqrt(2.0)), 1e-15);
}

TEST(StudentT, KnownValues) {
  EXPECT_NEAR(student_t_two_sided_p(2.0, 10), 0.073388034770740, 1e-13);  // R: 2 * pt(-2, 10)
  EXPECT_NEAR(student_t_sf(1.0, 1), 0.25, 1e-15);                         // Cauchy
  EXPECT_NEAR(student_t_cdf(-1.0, 1), 0.25, 1e-15);
  EXPECT_NEAR(student_t_two_sided_p(0.0, 7), 1.0, 1e-15);
  // df = 2: P(|T| > t) = 1 - t / sqrt(2 + t^2) = 2 / (s (s + t)), s = sqrt(2 + t^2); a far tail
  // keeps its relative accuracy.
  const double t = 1000, s = std::sqrt(2 + t * t);
  EXPECT_NEAR(student_t_two_sided_p(t, 2) / (2 / (s * (s + t))), 1.0, 1e-12);
}

TEST(FDistribution, ClosedFormForTwoNumeratorDegrees) {
  // P(F > f) = (1 + 2 f / d2)^(-d2/2) when df1 = 2.
  EXPECT_NEAR(f_sf(3.0, 2, 10), std::pow(1.6, -5), 1e-15);
  EXPECT_NEAR(f_cdf(3.0, 2, 10), 1 - std::pow(1.6, -5), 1e-15);
  EXPECT_NEAR(f_sf(200.0, 2, 10) / std::pow(41.0, -5), 1.0, 1e-12);
  // F(1, d) is the square of t(d).
  EXPECT_NEAR(f_sf(4.0, 1, 10), student_t_two_sided_p(2.0, 10), 1e-15);
  EXPECT_EQ(f_sf(0.0, 3, 4), 1.0);
}

TEST(ChiSquaredAndNormal, KnownValues) {
  EXPECT_NEAR(chi_squared_sf(3.0, 2), std::exp(-1.5), 1e-15);
  EXPECT_NEAR(chi_squared_sf(3.841458820694124, 1), 0.05, 1e-12);
  EXPECT_NEAR(chi_squared_cdf(3.0, 1), std::erf(std::sqrt(1.5)), 1e-15);
  EXPECT_NEAR(normal_cdf(1.959963984540054), 0.975, 1e-15);
  EXPECT_NEAR(normal_sf(0.0), 0.5, 1e-16);
  EXPECT_NEAR(normal_sf(10.0) / 7.619853024160527e-24, 1.0, 1e-12);
}

}  // namespace
}  // namespace agglo::stats
