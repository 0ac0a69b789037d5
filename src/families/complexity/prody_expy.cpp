#include "families/complexity/prody_expy.hpp"

#include <cmath>

#include "core/table.hpp"
#include "families/concentration/location_quotient.hpp"

namespace agglo {

Eigen::VectorXd prody(const Eigen::MatrixXd& x, const Eigen::VectorXd& income) {
  const Eigen::VectorXd region_total = row_sums_skip_na(x);
  Eigen::VectorXd out(x.cols());
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    double weighted = 0, weights = 0;
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
      if (region_total(r) <= 0 || std::isnan(x(r, i))) continue;
      const double share = x(r, i) / region_total(r);
      weighted += share * income(r);
      weights += share;
    }
    out(i) = weights > 0 ? weighted / weights : NA;
  }
  return out;
}

Eigen::VectorXd expy(const Eigen::MatrixXd& x, const Eigen::VectorXd& prody_values) {
  const Eigen::VectorXd region_total = row_sums_skip_na(x);
  Eigen::VectorXd out(x.rows());
  for (Eigen::Index r = 0; r < x.rows(); ++r) {
    if (region_total(r) <= 0) {
      out(r) = NA;
      continue;
    }
    double s = 0;
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
      const double v = x(r, i);
      if (std::isnan(v) || v == 0) continue;
      s += v / region_total(r) * prody_values(i);  // NA PRODY with a positive share gives NA
    }
    out(r) = s;
  }
  return out;
}

}  // namespace agglo
