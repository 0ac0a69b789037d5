#include "families/specialization/diversity_measures.hpp"

#include <cmath>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/concentration/location_quotient.hpp"

namespace agglo {

Hachman hachman(const Eigen::MatrixXd& x) {
  const Eigen::Index regions = x.rows();
  const Eigen::VectorXd industry_total = col_sums_skip_na(x);
  const Eigen::VectorXd region_total = x.rowwise().sum();  // NaN for a region with NA cells
  const double grand_total = industry_total.sum();
  Eigen::VectorXd weighted = Eigen::VectorXd::Zero(regions);  // sum_i x_ri^2 / S_i
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    if (!(industry_total(i) > 0)) continue;  // its x_ri are all 0: adds nothing
    const double national_share = industry_total(i) / grand_total;
    weighted += x.col(i).cwiseAbs2() / national_share;
  }
  Hachman h{Eigen::VectorXd::Constant(regions, NA), Eigen::VectorXd::Constant(regions, NA)};
  for (Eigen::Index r = 0; r < regions; ++r) {
    const double total = region_total(r);
    if (std::isnan(total) || total <= 0) continue;
    h.lq_avg(r) = weighted(r) / (total * total);
    h.hachman(r) = 1 / h.lq_avg(r);
  }
  return h;
}

Eigen::VectorXd entropy(const Eigen::MatrixXd& x, double log_base) {
  if (!(log_base > 0) || log_base == 1 || std::isinf(log_base))
    throw UsageError(fmt::format("entropy: log_base must be positive and not 1, got {}", log_base));
  const double log_of_base = std::log(log_base);
  const Eigen::VectorXd region_total = x.rowwise().sum();  // NaN for a region with NA cells
  Eigen::VectorXd sum = Eigen::VectorXd::Zero(x.rows());
  for (Eigen::Index i = 0; i < x.cols(); ++i)
    for (Eigen::Index r = 0; r < x.rows(); ++r) {
      const double p = x(r, i) / region_total(r);
      if (p > 0) sum(r) -= p * std::log(p);
    }
  Eigen::VectorXd e(x.rows());
  for (Eigen::Index r = 0; r < x.rows(); ++r)
    e(r) = (std::isnan(region_total(r)) || region_total(r) <= 0) ? NA : sum(r) / log_of_base;
  return e;
}

DiversityUbiquity diversity_ubiquity(const Eigen::MatrixXd& binary) {
  return {binary.rowwise().sum(), binary.colwise().sum().transpose()};
}

}  // namespace agglo
