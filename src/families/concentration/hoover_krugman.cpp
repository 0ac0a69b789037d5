#include "families/concentration/hoover_krugman.hpp"

#include <cmath>

#include "core/table.hpp"

namespace agglo {

namespace {

// An industry's total, or NA when it has no regional distribution (NA cells, empty).
double distribution_total(const Eigen::MatrixXd& x, Eigen::Index i) {
  const double total = x.col(i).sum();  // NaN propagates from NA cells
  return (std::isnan(total) || total <= 0) ? NA : total;
}

// 1/2 sum_r | x_ri / total_i - ref_r / ref_total | of every industry with a distribution
// (total_i not NA).
// Industries are independent: spread over the threads in chunks handed out as threads come free
// (on a busy machine a descheduled thread then does not hold the others up); each sum is
// vectorised.
Eigen::VectorXd half_distance_to(const Eigen::MatrixXd& x, const Eigen::VectorXd& total,
                                 const Eigen::VectorXd& reference, double reference_total) {
  Eigen::VectorXd h = Eigen::VectorXd::Constant(x.cols(), NA);
#pragma omp parallel for schedule(dynamic, 32)
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    if (std::isnan(total(i))) continue;
    h(i) = half_distance(x.col(i).data(), total(i), reference, reference_total);
  }
  return h;
}

Eigen::VectorXd distribution_totals(const ConcentrationTotals& totals) {
  Eigen::VectorXd total(totals.industry_total.size());
  for (Eigen::Index i = 0; i < total.size(); ++i) total(i) = totals.distribution_total(i);
  return total;
}

}  // namespace

double half_distance(const double* col, double industry_total, const Eigen::VectorXd& reference,
                     double reference_total) {
  const Eigen::Map<const Eigen::ArrayXd> x(col, reference.size());
  return (x * reference_total - reference.array() * industry_total).abs().sum() /
         (2 * reference_total * industry_total);
}

Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x, const Eigen::VectorXd& reference) {
  const Eigen::Index n = x.rows();
  const double ref_total = reference.sum();
  if (reference.size() != n || std::isnan(ref_total) || ref_total <= 0)
    return Eigen::VectorXd::Constant(x.cols(), NA);
  Eigen::VectorXd total(x.cols());
  for (Eigen::Index i = 0; i < x.cols(); ++i) total(i) = distribution_total(x, i);
  return half_distance_to(x, total, reference, ref_total);
}

Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x, const ConcentrationTotals& totals) {
  if (std::isnan(totals.grand_total) || totals.grand_total <= 0)
    return Eigen::VectorXd::Constant(x.cols(), NA);
  return half_distance_to(x, distribution_totals(totals), totals.region_total, totals.grand_total);
}

Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x) {
  return hoover_concentration(x, concentration_totals(x));
}

Eigen::VectorXd krugman_concentration(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                                      KrugmanReference reference) {
  if (reference == KrugmanReference::Nation) return 2 * hoover_concentration(x, totals);
  const Eigen::Index industries = x.cols();
  const Eigen::ArrayXd region_total = totals.region_total.array();
  Eigen::VectorXd k = Eigen::VectorXd::Constant(industries, NA);
#pragma omp parallel for schedule(dynamic, 32)
  for (Eigen::Index i = 0; i < industries; ++i) {
    const double total = totals.distribution_total(i);
    const double rest_total = totals.grand_total - total;
    if (std::isnan(total) || !(rest_total > 0)) continue;
    // sum_r | x_ri (x - x_.i) - (x_r. - x_ri) x_.i | / (x_.i (x - x_.i)): exact sums for counts.
    const auto col = x.col(i).array();
    k(i) = (col * rest_total - (region_total - col) * total).abs().sum() / (total * rest_total);
  }
  return k;
}

Eigen::VectorXd krugman_concentration(const Eigen::MatrixXd& x, KrugmanReference reference) {
  return krugman_concentration(x, concentration_totals(x), reference);
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
