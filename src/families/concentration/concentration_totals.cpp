#include "families/concentration/concentration_totals.hpp"

#include <algorithm>
#include <cmath>

#include "core/table.hpp"

namespace agglo {

double ConcentrationTotals::distribution_total(Eigen::Index i) const {
  const double total = industry_total(i);
  return (industry_has_na(i) || std::isnan(total) || total <= 0) ? NA : total;
}

ConcentrationTotals concentration_totals(const Eigen::MatrixXd& x) {
  const Eigen::Index n = x.rows(), industries = x.cols();
  ConcentrationTotals t;
  t.industry_total.resize(industries);
  t.industry_has_na.resize(industries);
  // One streaming pass over the columns. The regional totals are summed per fixed block of
  // industries and then over the blocks in order: the same bits with any number of threads.
  constexpr Eigen::Index block = 64;
  const Eigen::Index blocks = (industries + block - 1) / block;
  Eigen::MatrixXd partial(n, blocks);
  const auto skip_na = [](double v) { return std::isnan(v) ? 0.0 : v; };
#pragma omp parallel for schedule(dynamic, 1)
  for (Eigen::Index b = 0; b < blocks; ++b) {
    auto acc = partial.col(b);
    acc.setZero();
    for (Eigen::Index i = b * block; i < std::min(industries, (b + 1) * block); ++i) {
      const auto col = x.col(i);
      const double sum = col.sum();
      if (!std::isnan(sum)) {  // the usual case: no NA cell
        acc += col;
        t.industry_total(i) = sum;
        t.industry_has_na(i) = false;
      } else {
        acc += col.unaryExpr(skip_na);
        t.industry_total(i) = col.unaryExpr(skip_na).sum();
        t.industry_has_na(i) = col.hasNaN();
      }
    }
  }
  t.region_total = partial.rowwise().sum();
  t.grand_total = t.region_total.sum();
  return t;
}

}  // namespace agglo
