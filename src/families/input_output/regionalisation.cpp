#include "families/input_output/regionalisation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

Eigen::VectorXd simple_location_quotients(const Eigen::VectorXd& regional,
                                          const Eigen::VectorXd& national) {
  const double er = regional.sum(), en = national.sum();
  if (!(er > 0) || !(en > 0))
    throw Error("location quotients need positive regional and national totals");
  Eigen::VectorXd slq(regional.size());
  for (Eigen::Index i = 0; i < slq.size(); ++i)
    slq(i) = national(i) == 0 ? NA : (regional(i) / er) / (national(i) / en);
  return slq;
}

double flq_lambda(double regional_total, double national_total, double delta) {
  return std::pow(std::log2(1.0 + regional_total / national_total), delta);
}

Eigen::MatrixXd regionalisation_quotients(const Eigen::VectorXd& regional,
                                          const Eigen::VectorXd& national,
                                          RegionalisationMethod method, double delta) {
  if (delta < 0 || delta >= 1) throw UsageError("delta must lie in [0, 1)");
  const Eigen::VectorXd slq = simple_location_quotients(regional, national);
  const Eigen::Index n = slq.size();
  const double lambda = flq_lambda(regional.sum(), national.sum(), delta);
  const double inf = std::numeric_limits<double>::infinity();
  Eigen::MatrixXd q(n, n);
  for (Eigen::Index j = 0; j < n; ++j)
    for (Eigen::Index i = 0; i < n; ++i) {
      if (method == RegionalisationMethod::Slq) {
        q(i, j) = slq(i);
        continue;
      }
      // A sector absent from the region (SLQ_j = 0) buys nothing there: the cap of 1 applies.
      double cilq = i == j ? slq(i) : (slq(j) == 0 ? inf : slq(i) / slq(j));
      if (method == RegionalisationMethod::Cilq) {
        q(i, j) = cilq;
        continue;
      }
      double flq = lambda * cilq;
      if (method == RegionalisationMethod::Aflq && slq(j) > 1) flq *= std::log2(1.0 + slq(j));
      q(i, j) = flq;
    }
  return q;
}

Eigen::MatrixXd regional_coefficients(const Eigen::MatrixXd& A_national,
                                      const Eigen::VectorXd& regional,
                                      const Eigen::VectorXd& national, RegionalisationMethod method,
                                      double delta) {
  const Eigen::MatrixXd q = regionalisation_quotients(regional, national, method, delta);
  return A_national.binaryExpr(
      q, [](double a, double qq) { return std::isnan(qq) ? NA : a * std::min(1.0, qq); });
}

}  // namespace agglo
