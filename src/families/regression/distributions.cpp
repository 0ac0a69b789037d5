#include "families/regression/distributions.hpp"

#include <cmath>
#include <limits>

#include "core/error.hpp"

namespace agglo::stats {

namespace {

constexpr double kEps = 1e-16;
constexpr double kTiny = 1e-300;
constexpr int kMaxIterations = 10000;
constexpr double kNaN = std::numeric_limits<double>::quiet_NaN();

// Continued fraction of I_x(a, b) (NR 6.4.5), modified Lentz. Converges fast for
// x < (a + 1) / (a + b + 2); the caller swaps the arguments otherwise.
double beta_continued_fraction(double a, double b, double x) {
  const double qab = a + b, qap = a + 1.0, qam = a - 1.0;
  double c = 1.0;
  double d = 1.0 - qab * x / qap;
  if (std::fabs(d) < kTiny) d = kTiny;
  d = 1.0 / d;
  double h = d;
  for (int m = 1; m <= kMaxIterations; ++m) {
    const double m2 = 2.0 * m;
    double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    h *= d * c;
    aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
    d = 1.0 + aa * d;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = 1.0 + aa / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < kEps) return h;
  }
  throw Error("incomplete beta function: the continued fraction did not converge");
}

// ln of x^a y^b / (a B(a, b)), the prefactor of the continued fraction.
double log_beta_prefactor(double a, double b, double x, double y) {
  return std::lgamma(a + b) - std::lgamma(a) - std::lgamma(b) + a * std::log(x) + b * std::log(y);
}

}  // namespace

double incomplete_beta(double a, double b, double x, double y) {
  if (std::isnan(a) || std::isnan(b) || std::isnan(x) || std::isnan(y)) return kNaN;
  if (a <= 0 || b <= 0 || x < 0 || x > 1) return kNaN;
  if (x == 0) return 0.0;
  if (y == 0) return 1.0;
  const double log_front = log_beta_prefactor(a, b, x, y);
  if (x < (a + 1.0) / (a + b + 2.0))
    return std::exp(log_front) * beta_continued_fraction(a, b, x) / a;
  // Symmetry I_x(a, b) = 1 - I_y(b, a): the complement is evaluated where it converges.
  return 1.0 - std::exp(log_front) * beta_continued_fraction(b, a, y) / b;
}

double incomplete_gamma_p(double a, double x) {
  if (std::isnan(a) || std::isnan(x) || a <= 0 || x < 0) return kNaN;
  if (x == 0) return 0.0;
  if (x >= a + 1.0) return 1.0 - incomplete_gamma_q(a, x);
  // Series: P(a, x) = e^-x x^a / Gamma(a + 1) * sum_n x^n / ((a+1)...(a+n)).
  double ap = a, sum = 1.0 / a, del = sum;
  for (int n = 0; n < kMaxIterations; ++n) {
    ap += 1.0;
    del *= x / ap;
    sum += del;
    if (std::fabs(del) < std::fabs(sum) * kEps)
      return sum * std::exp(-x + a * std::log(x) - std::lgamma(a));
  }
  throw Error("incomplete gamma function: the series did not converge");
}

double incomplete_gamma_q(double a, double x) {
  if (std::isnan(a) || std::isnan(x) || a <= 0 || x < 0) return kNaN;
  if (x < a + 1.0) return 1.0 - incomplete_gamma_p(a, x);
  // Continued fraction (NR 6.2.7), modified Lentz.
  double b = x + 1.0 - a, c = 1.0 / kTiny, d = 1.0 / b, h = d;
  for (int i = 1; i <= kMaxIterations; ++i) {
    const double an = -i * (i - a);
    b += 2.0;
    d = an * d + b;
    if (std::fabs(d) < kTiny) d = kTiny;
    c = b + an / c;
    if (std::fabs(c) < kTiny) c = kTiny;
    d = 1.0 / d;
    const double del = d * c;
    h *= del;
    if (std::fabs(del - 1.0) < kEps) return std::exp(-x + a * std::log(x) - std::lgamma(a)) * h;
  }
  throw Error("incomplete gamma function: the continued fraction did not converge");
}

double student_t_two_sided_p(double t, double df) {
  if (std::isnan(t) || std::isnan(df) || df <= 0) return kNaN;
  if (std::isinf(t)) return 0.0;
  const double t2 = t * t;
  // P(|T| >= |t|) = I_{df/(df+t^2)}(df/2, 1/2).
  return incomplete_beta(df / 2.0, 0.5, df / (df + t2), t2 / (df + t2));
}

double student_t_sf(double t, double df) {
  const double half = 0.5 * student_t_two_sided_p(t, df);
  return t >= 0 ? half : 1.0 - half;
}

double student_t_cdf(double t, double df) {
  return student_t_sf(-t, df);
}

double f_sf(double f, double df1, double df2) {
  if (std::isnan(f) || std::isnan(df1) || std::isnan(df2) || df1 <= 0 || df2 <= 0) return kNaN;
  if (f <= 0) return 1.0;
  if (std::isinf(f)) return 0.0;
  // P(F > f) = I_{df2/(df2 + df1 f)}(df2/2, df1/2).
  const double denom = df2 + df1 * f;
  return incomplete_beta(df2 / 2.0, df1 / 2.0, df2 / denom, df1 * f / denom);
}

double f_cdf(double f, double df1, double df2) {
  if (std::isnan(f) || std::isnan(df1) || std::isnan(df2) || df1 <= 0 || df2 <= 0) return kNaN;
  if (f <= 0) return 0.0;
  if (std::isinf(f)) return 1.0;
  const double denom = df2 + df1 * f;
  return incomplete_beta(df1 / 2.0, df2 / 2.0, df1 * f / denom, df2 / denom);
}

double chi_squared_cdf(double x, double k) {
  if (std::isnan(x)) return kNaN;
  return x <= 0 ? 0.0 : incomplete_gamma_p(k / 2.0, x / 2.0);
}

double chi_squared_sf(double x, double k) {
  if (std::isnan(x)) return kNaN;
  return x <= 0 ? 1.0 : incomplete_gamma_q(k / 2.0, x / 2.0);
}

double normal_cdf(double z) {
  return 0.5 * std::erfc(-z / std::sqrt(2.0));
}
double normal_sf(double z) {
  return 0.5 * std::erfc(z / std::sqrt(2.0));
}

}  // namespace agglo::stats
