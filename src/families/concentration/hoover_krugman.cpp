#include "families/concentration/hoover_krugman.hpp"

#include <cmath>

#include "core/table.hpp"
#include "families/concentration/location_quotient.hpp"

namespace agglo {

namespace {

// An industry's total, or NA when it has no regional distribution (NA cells, empty).
double distribution_total(const Eigen::MatrixXd& x, Eigen::Index i) {
  const double total = x.col(i).sum();  // NaN propagates from NA cells
  return (std::isnan(total) || total <= 0) ? NA : total;
}

}  // namespace

Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x, const Eigen::VectorXd& reference) {
  const Eigen::Index n = x.rows();
  Eigen::VectorXd h = Eigen::VectorXd::Constant(x.cols(), NA);
  const double ref_total = reference.sum();
  if (reference.size() != n || std::isnan(ref_total) || ref_total <= 0) return h;
  const Eigen::VectorXd ref_share = reference / ref_total;
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const double total = distribution_total(x, i);
    if (std::isnan(total)) continue;
    const double* col = x.col(i).data();
    const double inv = 1.0 / total;
    double sum = 0;
    for (Eigen::Index r = 0; r < n; ++r) sum += std::abs(col[r] * inv - ref_share(r));
    h(i) = sum / 2;
  }
  return h;
}

Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x) {
  return hoover_concentration(x, row_sums_skip_na(x));
}

Eigen::VectorXd krugman_concentration(const Eigen::MatrixXd& x, KrugmanReference reference) {
  if (reference == KrugmanReference::Nation) return 2 * hoover_concentration(x);
  const Eigen::Index n = x.rows();
  const Eigen::VectorXd region_total = row_sums_skip_na(x);
  const double grand_total = region_total.sum();
  Eigen::VectorXd k = Eigen::VectorXd::Constant(x.cols(), NA);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const double total = distribution_total(x, i);
    const double rest_total = grand_total - total;
    if (std::isnan(total) || !(rest_total > 0)) continue;
    const double* col = x.col(i).data();
    double sum = 0;
    for (Eigen::Index r = 0; r < n; ++r)
      sum += std::abs(col[r] / total - (region_total(r) - col[r]) / rest_total);
    k(i) = sum;
  }
  return k;
}

Eigen::VectorXd krugman_concentration_other_industries(const Eigen::MatrixXd& x) {
  const Eigen::Index n = x.rows();
  Eigen::VectorXd total(x.cols());
  Eigen::VectorXd share_sum = Eigen::VectorXd::Zero(n);  // sum over industries of x_ru / x_.u
  Eigen::Index industries = 0;
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    total(i) = distribution_total(x, i);
    if (std::isnan(total(i))) continue;
    share_sum += x.col(i) / total(i);
    ++industries;
  }
  Eigen::VectorXd k = Eigen::VectorXd::Constant(x.cols(), NA);
  if (industries < 2) return k;
  const double others = static_cast<double>(industries - 1);
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    if (std::isnan(total(i))) continue;
    const double* col = x.col(i).data();
    double sum = 0;
    for (Eigen::Index r = 0; r < n; ++r) {
      const double own = col[r] / total(i);
      sum += std::abs(own - (share_sum(r) - own) / others);
    }
    k(i) = sum;
  }
  return k;
}

}  // namespace agglo
