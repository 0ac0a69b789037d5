#include "families/convergence/sigma_convergence.hpp"

#include <algorithm>
#include <cmath>

#include "core/error.hpp"
#include "families/regression/distributions.hpp"

namespace agglo::convergence {

double sigma_dispersion(const Eigen::VectorXd& z, SigmaMeasure measure, bool sample) {
  const auto n = z.size();
  if (n == 0 || (sample && n < 2)) return NA;
  const double mean = z.mean();
  const double sd =
      std::sqrt((z.array() - mean).square().sum() / static_cast<double>(sample ? n - 1 : n));
  if (measure == SigmaMeasure::SD) return sd;
  return mean == 0 ? NA : sd / std::abs(mean);
}

SigmaConvergence sigma_convergence(const Eigen::VectorXd& z1, const Eigen::VectorXd& z2,
                                   SigmaMeasure measure, bool sample) {
  SigmaConvergence s;
  s.sigma1 = sigma_dispersion(z1, measure, sample);
  s.sigma2 = sigma_dispersion(z2, measure, sample);
  if (!std::isnan(s.sigma1) && !std::isnan(s.sigma2) && s.sigma2 != 0)
    s.quotient = s.sigma1 / s.sigma2;
  if (z1.size() >= 2 && z2.size() >= 2) {
    const double v1 = (z1.array() - z1.mean()).square().sum() / static_cast<double>(z1.size() - 1);
    const double v2 = (z2.array() - z2.mean()).square().sum() / static_cast<double>(z2.size() - 1);
    s.df1 = static_cast<double>(z1.size() - 1);
    s.df2 = static_cast<double>(z2.size() - 1);
    if (v2 > 0) {
      s.f_value = v1 / v2;
      // Both tails computed directly, so a tiny p keeps its digits.
      s.p_value = std::min(1.0, 2.0 * std::min(stats::f_cdf(s.f_value, s.df1, s.df2),
                                               stats::f_sf(s.f_value, s.df1, s.df2)));
    }
  }
  return s;
}

regression::OlsFit sigma_trend(const Eigen::VectorXd& years, const Eigen::VectorXd& sigma) {
  if (years.size() != sigma.size())
    throw Error("sigma trend: years and dispersions differ in length");
  if (years.size() < 3) throw Error("sigma trend: a trend test needs at least three years");
  Eigen::MatrixXd X(years.size(), 2);
  X.col(0).setOnes();
  X.col(1) = years;
  return regression::ordinary_least_squares(X, sigma);
}

}  // namespace agglo::convergence
