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

Eigen::MatrixXd location_quotient(const Eigen::MatrixXd& x, LqMethod method) {
  const Eigen::VectorXd region_total = row_sums_skip_na(x);
  const Eigen::VectorXd industry_total = col_sums_skip_na(x);
  const double total = region_total.sum();
  Eigen::MatrixXd lq(x.rows(), x.cols());
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
      const double v = x(r, i);
      if (method == LqMethod::Multiplicative) {
        const double denom = region_total(r) * industry_total(i);
        lq(r, i) = (std::isnan(v) || denom == 0) ? NA : (v * total) / denom;
      } else {
        lq(r, i) = (std::isnan(v) || industry_total(i) == 0 || total == 0)
                       ? NA
                       : v / industry_total(i) - region_total(r) / total;
      }
    }
  }
  return lq;
}

Eigen::MatrixXd binary_location_quotient(const Eigen::MatrixXd& lq, double threshold) {
  return lq.unaryExpr(
      [threshold](double v) { return (!std::isnan(v) && v >= threshold) ? 1.0 : 0.0; });
}

}  // namespace agglo
