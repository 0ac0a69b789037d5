#include "families/concentration/concentration_totals.hpp"

#include <algorithm>
#include <cmath>

#include "core/table.hpp"

namespace agglo {

namespace {

// acc[r] += col[r] for every r; returns the sum of col. Four lanes, so that both vectorise and
// the column is read once.
double add_column(const double* __restrict col, double* __restrict acc, Eigen::Index n) {
  double l0 = 0, l1 = 0, l2 = 0, l3 = 0;
  Eigen::Index r = 0;
  for (; r + 4 <= n; r += 4) {
    const double a = col[r], b = col[r + 1], c = col[r + 2], d = col[r + 3];
    acc[r] += a;
    acc[r + 1] += b;
    acc[r + 2] += c;
    acc[r + 3] += d;
    l0 += a;
    l1 += b;
    l2 += c;
    l3 += d;
  }
  double sum = (l0 + l1) + (l2 + l3);
  for (; r < n; ++r) {
    acc[r] += col[r];
    sum += col[r];
  }
  return sum;
}

}  // namespace

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
    const Eigen::Index first = b * block, last = std::min(industries, (b + 1) * block);
    acc.setZero();
    bool clean = true;
    for (Eigen::Index i = first; i < last; ++i) {
      t.industry_total(i) = add_column(x.col(i).data(), acc.data(), n);
      t.industry_has_na(i) = false;
      clean = clean && !std::isnan(t.industry_total(i));
    }
    if (clean) continue;
    // NA cells in the block (rare): sum it again, skipping them.
    acc.setZero();
    for (Eigen::Index i = first; i < last; ++i) {
      const auto col = x.col(i);
      acc += col.unaryExpr(skip_na);
      t.industry_total(i) = col.unaryExpr(skip_na).sum();
      t.industry_has_na(i) = col.hasNaN();
    }
  }
  t.region_total = partial.rowwise().sum();
  t.grand_total = t.region_total.sum();
  return t;
}

}  // namespace agglo
