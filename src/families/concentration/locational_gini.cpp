#include "families/concentration/locational_gini.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
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
  // Sort key x_ri / x_r. is the LQ up to a factor of the industry; empty regions (no
  // employment at all) add nothing to either curve, so their place in the order is irrelevant.
  std::vector<double> key(static_cast<size_t>(n));
  std::vector<Eigen::Index> order(static_cast<size_t>(n));
  for (Eigen::Index i = 0; i < x.cols(); ++i) {
    const double total = x.col(i).sum();
    if (std::isnan(total) || total <= 0) continue;
    const double* col = x.col(i).data();
    for (Eigen::Index r = 0; r < n; ++r)
      key[static_cast<size_t>(r)] = region_total(r) > 0 ? col[r] / region_total(r) : 0.0;
    std::iota(order.begin(), order.end(), Eigen::Index{0});
    std::sort(order.begin(), order.end(), [&](Eigen::Index a, Eigen::Index b) {
      return key[static_cast<size_t>(a)] < key[static_cast<size_t>(b)];
    });
    double a_prev = 0, p_prev = 0, sum = 0;
    for (const Eigen::Index r : order) {
      const double a = a_prev + col[r] / total;
      const double p = p_prev + region_share(r);
      sum += p_prev * a - p * a_prev;
      a_prev = a;
      p_prev = p;
    }
    gini(i) = halved ? sum / 2 : sum;
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
