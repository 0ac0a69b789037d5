#include "families/concentration/industry_concentration.hpp"

#include <cmath>

#include "core/table.hpp"
#include "families/concentration/hoover_krugman.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/concentration/lorenz_curve.hpp"

namespace agglo {

IndustryConcentration industry_concentration(const Eigen::MatrixXd& x,
                                             const ConcentrationTotals& totals, Eigen::MatrixXd& lq,
                                             bool halved_gini) {
  const Eigen::Index n = x.rows(), industries = x.cols();
  if (lq.rows() != n || lq.cols() != industries) lq.resize(n, industries);
  IndustryConcentration c{Eigen::VectorXd::Constant(industries, NA),
                          Eigen::VectorXd::Constant(industries, NA),
                          Eigen::VectorXd::Constant(industries, NA)};
  const double grand_total = totals.grand_total;
  const bool distributions = grand_total > 0;  // else every index is NA
  const Eigen::VectorXd inv_region_total = totals.region_total.cwiseInverse();
  const double smallest_region = smallest_region_total(totals);
#pragma omp parallel
  {
    LorenzCurve curve(n);
#pragma omp for schedule(dynamic, 16)
    for (Eigen::Index i = 0; i < industries; ++i) {
      const double* col = x.col(i).data();
      location_quotient_column(col, totals, i, smallest_region, LqMethod::Multiplicative,
                               lq.col(i).data());
      const double total = totals.distribution_total(i);
      if (!distributions || std::isnan(total)) continue;
      c.hoover(i) = half_distance(col, total, totals.region_total, grand_total);
      c.krugman(i) = 2 * c.hoover(i);
      const double area = curve.doubled_area(col, totals.region_total.data(),
                                             inv_region_total.data(), grand_total, total);
      c.locational_gini(i) = halved_gini ? area / 2 : area;
    }
  }
  return c;
}

}  // namespace agglo
