// The totals of a region x industry matrix that the concentration measures share: computed in
// one pass, so that the location quotients, Hoover, Krugman and the locational Gini of a period
// do not each sum the matrix again.
#pragma once

#include <Eigen/Core>

namespace agglo {

struct ConcentrationTotals {
  Eigen::VectorXd region_total;                           // x_r., NA cells skipped
  Eigen::VectorXd industry_total;                         // x_.i, NA cells skipped
  Eigen::Array<bool, Eigen::Dynamic, 1> industry_has_na;  // the industry has an NA cell
  double grand_total = 0;                                 // x = sum_r x_r.

  // An industry's total as a regional distribution: NA when it has NA cells or is not positive.
  double distribution_total(Eigen::Index i) const;
};

// Regional, industry and grand totals of x. The result does not depend on the number of threads.
ConcentrationTotals concentration_totals(const Eigen::MatrixXd& x);

}  // namespace agglo
