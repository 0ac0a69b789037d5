#include "families/concentration/location_quotient.hpp"

#include <cmath>

#include "core/table.hpp"

namespace agglo {

Eigen::VectorXd row_sums_skip_na(const Eigen::MatrixXd& x) {
  return x.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; }).rowwise().sum();
}

Eigen::VectorXd col_sums_skip_na(const Eigen::MatrixXd& x) {
  return x.unaryExpr([](double v) { return std::isnan(v) ? 0.0 : v; }).colwise().sum().transpose();
}

// The divisions are the column's bottleneck: where the processor has AVX2 they run four at a
// time (a clone chosen at load time). IEEE products and quotients: the same bits on either path.
#if defined(__x86_64__) && defined(__GNUC__) && !defined(__clang__)
#define AGGLO_AVX2_CLONE __attribute__((target_clones("avx2", "default")))
#else
#define AGGLO_AVX2_CLONE
#endif

AGGLO_AVX2_CLONE void location_quotient_column(const double* col, const ConcentrationTotals& totals,
                                               Eigen::Index i, double smallest_region,
                                               LqMethod method, double* out) {
  const Eigen::Index n = totals.region_total.size();
  const double* region_total = totals.region_total.data();
  const double total = totals.grand_total;
  const double industry_total = totals.industry_total(i);
  const bool has_na = totals.industry_has_na(i);
  if (method == LqMethod::Multiplicative) {
    if (!has_na && smallest_region * std::abs(industry_total) > 0) {
      for (Eigen::Index r = 0; r < n; ++r)
        out[r] = (col[r] * total) / (region_total[r] * industry_total);
      return;
    }
  } else if (!has_na && industry_total != 0 && total != 0) {
    for (Eigen::Index r = 0; r < n; ++r) out[r] = col[r] / industry_total - region_total[r] / total;
    return;
  }
  for (Eigen::Index r = 0; r < n; ++r)
    out[r] = location_quotient_of(col[r], region_total[r], industry_total, total, method);
}

double smallest_region_total(const ConcentrationTotals& totals) {
  return totals.region_total.size() > 0 ? totals.region_total.cwiseAbs().minCoeff() : 0.0;
}

void location_quotient(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                       Eigen::MatrixXd& lq, LqMethod method) {
  if (lq.rows() != x.rows() || lq.cols() != x.cols()) lq.resize(x.rows(), x.cols());
  const double smallest_region = smallest_region_total(totals);
  // Columns go to the threads in chunks as they come free.
#pragma omp parallel for schedule(dynamic, 32)
  for (Eigen::Index i = 0; i < x.cols(); ++i)
    location_quotient_column(x.col(i).data(), totals, i, smallest_region, method, lq.col(i).data());
}

Eigen::MatrixXd location_quotient(const Eigen::MatrixXd& x, LqMethod method) {
  Eigen::MatrixXd lq;
  location_quotient(x, concentration_totals(x), lq, method);
  return lq;
}

Eigen::MatrixXd binary_location_quotient(const Eigen::MatrixXd& lq, double threshold) {
  return lq.unaryExpr([threshold](double v) { return binary_location_quotient_of(v, threshold); });
}

}  // namespace agglo
