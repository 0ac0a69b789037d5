// Distribution functions for test statistics: regularised incomplete beta and gamma functions
// and the t, F, chi-squared and normal tails built on them. Tails are computed directly (not as
// 1 - cdf), so tiny p-values keep their relative accuracy.
#pragma once

namespace agglo::stats {

// Regularised incomplete beta I_x(a, b) = B(x; a, b) / B(a, b), a, b > 0, 0 <= x <= 1.
// `y` = 1 - x, passed separately so that callers can give it without cancellation.
// Continued fraction (Didonato & Morris 1992 form, evaluated with the modified Lentz method;
// Press et al., Numerical Recipes 3rd ed. 6.4).
double incomplete_beta(double a, double b, double x, double y);
inline double incomplete_beta(double a, double b, double x) {
  return incomplete_beta(a, b, x, 1.0 - x);
}

// Regularised lower and upper incomplete gamma P(a, x), Q(a, x) = 1 - P(a, x), a > 0, x >= 0
// (series for x < a + 1, Lentz continued fraction otherwise; Numerical Recipes 6.2).
double incomplete_gamma_p(double a, double x);
double incomplete_gamma_q(double a, double x);

// Student t with df degrees of freedom: P(T <= t), P(T > t) and P(|T| >= |t|).
double student_t_cdf(double t, double df);
double student_t_sf(double t, double df);
double student_t_two_sided_p(double t, double df);

// F(df1, df2): P(F <= f) and P(F > f).
double f_cdf(double f, double df1, double df2);
double f_sf(double f, double df1, double df2);

// Chi-squared with k degrees of freedom: P(X <= x) and P(X > x).
double chi_squared_cdf(double x, double k);
double chi_squared_sf(double x, double k);

// Standard normal: P(Z <= z) and P(Z > z).
double normal_cdf(double z);
double normal_sf(double z);

}  // namespace agglo::stats
