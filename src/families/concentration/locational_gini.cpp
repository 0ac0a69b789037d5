#include "families/concentration/locational_gini.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>
#include <vector>

#include "core/table.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/concentration/lorenz_curve.hpp"

namespace agglo {

Eigen::VectorXd locational_gini(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                                bool halved) {
  const Eigen::Index n = x.rows();
  const double grand_total = totals.grand_total;
  Eigen::VectorXd gini = Eigen::VectorXd::Constant(x.cols(), NA);
  if (!(grand_total > 0)) return gini;
  const Eigen::VectorXd inv_region_total = totals.region_total.cwiseInverse();
  // Industries are independent: one curve each, spread over the threads.
#pragma omp parallel
  {
    LorenzCurve curve(n);
#pragma omp for schedule(dynamic, 16)
    for (Eigen::Index i = 0; i < x.cols(); ++i) {
      const double total = totals.distribution_total(i);
      if (std::isnan(total)) continue;
      const double area = curve.doubled_area(x.col(i).data(), totals.region_total.data(),
                                             inv_region_total.data(), grand_total, total);
      gini(i) = halved ? area / 2 : area;
    }
  }
  return gini;
}

Eigen::VectorXd locational_gini(const Eigen::MatrixXd& x, bool halved) {
  return locational_gini(x, concentration_totals(x), halved);
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
