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

void location_quotient(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                       Eigen::MatrixXd& lq, LqMethod method) {
  const Eigen::Index n = x.rows(), industries = x.cols();
  if (lq.rows() != n || lq.cols() != industries) lq.resize(n, industries);
  const double* region_total = totals.region_total.data();
  const double total = totals.grand_total;
  // The smallest regional total in magnitude: when its product with an industry's total is
  // positive (not 0, not NaN), no denominator of that industry is 0, and the column needs no test
  // per cell (the plain arithmetic loop vectorises). Columns go to the threads in chunks as they
  // come free.
  const double smallest_region = n > 0 ? totals.region_total.cwiseAbs().minCoeff() : 0.0;
#pragma omp parallel for schedule(dynamic, 32)
  for (Eigen::Index i = 0; i < industries; ++i) {
    const double* col = x.col(i).data();
    double* out = lq.col(i).data();
    const double industry_total = totals.industry_total(i);
    const bool has_na = totals.industry_has_na(i);
    if (method == LqMethod::Multiplicative) {
      if (!has_na && smallest_region * std::abs(industry_total) > 0) {
        for (Eigen::Index r = 0; r < n; ++r)
          out[r] = (col[r] * total) / (region_total[r] * industry_total);
        continue;
      }
      for (Eigen::Index r = 0; r < n; ++r)
        out[r] = location_quotient_of(col[r], region_total[r], industry_total, total, method);
    } else {
      const bool undefined = industry_total == 0 || total == 0;
      if (!has_na && !undefined) {
        for (Eigen::Index r = 0; r < n; ++r)
          out[r] = col[r] / industry_total - region_total[r] / total;
        continue;
      }
      for (Eigen::Index r = 0; r < n; ++r)
        out[r] = location_quotient_of(col[r], region_total[r], industry_total, total, method);
    }
  }
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
