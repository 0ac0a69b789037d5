#include "families/concentration/herfindahl.hpp"

#include <algorithm>
#include <cmath>
#include <functional>
#include <vector>

#include "core/error.hpp"
#include "core/table.hpp"

namespace agglo {

Herfindahl herfindahl_concentration(const Eigen::MatrixXd& x) {
  const Eigen::Index industries = x.cols();
  const double n = static_cast<double>(x.rows());
  Herfindahl h{Eigen::VectorXd::Constant(industries, NA), Eigen::VectorXd::Constant(industries, NA),
               Eigen::VectorXd::Constant(industries, NA)};
  for (Eigen::Index i = 0; i < industries; ++i) {
    const double total = x.col(i).sum();
    if (std::isnan(total) || total <= 0) continue;
    const double hhi = (x.col(i) / total).squaredNorm();
    h.hhi(i) = hhi;
    h.hhi_eq(i) = 1 / hhi;
    if (n > 1) h.hhi_norm(i) = (hhi - 1 / n) / (1 - 1 / n);
  }
  return h;
}

Eigen::VectorXd concentration_ratio(const Eigen::MatrixXd& x, int64_t n) {
  if (n < 1) throw UsageError("concentration_ratio: n must be at least 1");
  const Eigen::Index regions = x.rows();
  const auto top = static_cast<Eigen::Index>(std::min<int64_t>(n, regions));
  Eigen::VectorXd cr = Eigen::VectorXd::Constant(x.cols(), NA);
  std::vector<double> values(static_cast<size_t>(regions));
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const double total = x.col(i).sum();
    if (std::isnan(total) || total <= 0) continue;
    const double* col = x.col(i).data();
    std::copy(col, col + regions, values.begin());
    std::nth_element(values.begin(), values.begin() + (top - 1), values.end(), std::greater<>());
    double sum = 0;
    for (Eigen::Index k = 0; k < top; ++k) sum += values[static_cast<size_t>(k)];
    cr(i) = sum / total;
  }
  return cr;
}

}  // namespace agglo
