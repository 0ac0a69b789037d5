#include "families/concentration/locational_gini.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <utility>
#include <vector>

#include "core/table.hpp"
#include "families/concentration/location_quotient.hpp"

namespace agglo {

Eigen::VectorXd locational_gini(const Eigen::MatrixXd& x, bool halved) {
  const Eigen::Index n = x.rows();
  const Eigen::VectorXd region_total = row_sums_skip_na(x);
  const double grand_total = region_total.sum();
  Eigen::VectorXd gini = Eigen::VectorXd::Constant(x.cols(), NA);
  if (!(grand_total > 0)) return gini;
  const Eigen::VectorXd region_share = region_total / grand_total;
  // (x_ri / x_r., r): the key is the LQ up to a factor of the industry. Regions without the
  // industry come first in the order and leave A at 0, so they only advance P: they are not
  // sorted (most cells of a fine industry table are 0).
  // Industries are independent: one sort each, spread over the threads.
#pragma omp parallel
  {
    std::vector<std::pair<double, Eigen::Index>> cells;
    cells.reserve(static_cast<size_t>(n));
#pragma omp for schedule(dynamic, 16)
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
      const double total = x.col(i).sum();
      if (std::isnan(total) || total <= 0) continue;
      const double* col = x.col(i).data();
      cells.clear();
      double p_prev = 0;  // P after the regions without the industry
      for (Eigen::Index r = 0; r < n; ++r) {
        if (col[r] > 0)
          cells.emplace_back(col[r] / region_total(r), r);
        else
          p_prev += region_share(r);
      }
      std::sort(cells.begin(), cells.end(),
                [](const auto& a, const auto& b) { return a.first < b.first; });
      double a_prev = 0, sum = 0;
      for (const auto& [key, r] : cells) {
        const double a = a_prev + col[r] / total;
        const double p = p_prev + region_share(r);
        sum += p_prev * a - p * a_prev;
        a_prev = a;
        p_prev = p;
      }
      gini(i) = halved ? sum / 2 : sum;
    }
  }
  return gini;
}

Eigen::VectorXd gini_of_location_quotients(const Eigen::MatrixXd& x) {
  const Eigen::MatrixXd lq = location_quotient(x);
  const Eigen::Index n = lq.rows();
  Eigen::VectorXd gini = Eigen::VectorXd::Constant(x.cols(), NA);
  std::vector<double> sorted(static_cast<size_t>(n));
  for (Eigen::Index i = 0; i < lq.cols(); ++i) {
    const double* col = lq.col(i).data();
    std::copy(col, col + n, sorted.begin());
    const double total = std::accumulate(sorted.begin(), sorted.end(), 0.0);
    if (n == 0 || std::isnan(total) || total <= 0) continue;
    std::sort(sorted.begin(), sorted.end());
    const double mean = total / static_cast<double>(n);
    double sum = 0;
    for (Eigen::Index k = 0; k < n; ++k)
      sum += static_cast<double>(k + 1) * (sorted[static_cast<size_t>(k)] - mean);
    gini(i) = 2 * sum / (static_cast<double>(n) * static_cast<double>(n) * mean);
  }
  return gini;
}

}  // namespace agglo
