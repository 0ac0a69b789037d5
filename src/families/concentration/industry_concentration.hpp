// The concentration of every industry of one period in one pass over each industry's column.
#pragma once

#include <Eigen/Core>

#include "families/concentration/concentration_totals.hpp"

namespace agglo {

struct IndustryConcentration {
  Eigen::VectorXd hoover;           // hoover_concentration(x, totals)
  Eigen::VectorXd krugman;          // krugman_concentration(x, totals), against the nation
  Eigen::VectorXd locational_gini;  // locational_gini(x, totals, halved)
};

// The multiplicative location quotients of x (into `lq`, which keeps its storage when it has
// the shape of x), the Hoover index, Krugman's index against the nation (= 2 Hoover) and the
// locational Gini of every industry, from the totals of x: the same definitions, NA rules and
// bits as location_quotient(), hoover_concentration(), krugman_concentration() and
// locational_gini(), but each column is read from memory once for all four (the data of a
// period do not fit in the cache: four separate passes read them four times).
IndustryConcentration industry_concentration(const Eigen::MatrixXd& x,
                                             const ConcentrationTotals& totals, Eigen::MatrixXd& lq,
                                             bool halved_gini = true);

}  // namespace agglo
