// Gini-type indices of the concentration of every industry (column) across the regions (rows).
#pragma once

#include <Eigen/Core>

#include "families/concentration/concentration_totals.hpp"

namespace agglo {

// Krugman's (1991) locational Gini from the localisation curve: regions sorted by LQ ascending,
// A_k = cumulative share of the industry, P_k = cumulative share of all employment (A_0 = P_0 = 0):
//   G_i = sum_{k=1..n} (P_{k-1} A_k - P_k A_{k-1})      (twice the area between curve and diagonal)
// `halved` = true reports G_i / 2 as EconGeo Gini.index()/locational.Gini() do (range 0 to 0.5);
// false gives the coefficient itself (range 0 to 1). Ties in the LQ do not change the value. For
// counts (integer cells) the curve is summed exactly and the value is correctly rounded.
// NA for an empty industry or one with NA cells.
Eigen::VectorXd locational_gini(const Eigen::MatrixXd& x, bool halved = true);
// The same from the totals of x (concentration_totals(x)), shared with the other measures.
Eigen::VectorXd locational_gini(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                                bool halved = true);

// Gini coefficient of an industry's n location quotients, unweighted (Farhauer/Kroell; REAT
// gini.conc(), the `gini` of REAT conc()), C_(1) <= ... <= C_(n):
//   G_i = 2 / (n^2 mean(C)) sum_k k (C_(k) - mean(C))
// NA when an LQ of the industry is undefined (empty industry or region, NA cell).
Eigen::VectorXd gini_of_location_quotients(const Eigen::MatrixXd& x);

}  // namespace agglo
