// Hoover and Krugman indices of the concentration of every industry (column) of a region x
// industry matrix across the regions (rows). Totals are sums over the cells of the matrix;
// regional totals skip NA cells. An industry with an NA cell, or an empty one, gets NA.
#pragma once

#include <Eigen/Core>

#include "families/concentration/concentration_totals.hpp"

namespace agglo {

// Hoover (1936) concentration index against a reference distribution over the regions:
//   H_i = 1/2 sum_r | x_ri / x_.i - ref_r / sum(ref) |     (0 = like the reference, -> 1 = one
//   region)
// REAT hoover(x[, i], ref); EconGeo Hoover.index() reports 100 H. `reference` has one entry per
// row of x; NA in it, or a sum that is not positive, gives NA everywhere.
Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x, const Eigen::VectorXd& reference);
// The same against the regional totals of x (all industries): the usual Hoover index.
Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x);
// The same from the totals of x (concentration_totals(x)), shared with the other measures.
Eigen::VectorXd hoover_concentration(const Eigen::MatrixXd& x, const ConcentrationTotals& totals);

// The Hoover index of one industry column against a reference distribution over the regions,
//   1/2 sum_r | col_r / industry_total - ref_r / reference_total |,
// summed as 1/2 sum_r | col_r R - ref_r T | / (R T) (R, T: the two totals), the arithmetic every
// Hoover and Krugman function here uses: for counts the sum is exact and the index correctly
// rounded.
double half_distance(const double* col, double industry_total, const Eigen::VectorXd& reference,
                     double reference_total);

// What the industry's regional distribution is compared with.
enum class KrugmanReference {
  Nation,        // all industries' regional totals, the industry itself included (REAT, EconGeo)
  RestOfNation,  // the regional totals of all other industries: x_r. - x_ri over x - x_.i
};

// Krugman (1991) concentration index:
//   nation:          K_i = sum_r | x_ri / x_.i - x_r. / x |    (= 2 x Hoover against the totals)
//   rest of nation:  K_i = sum_r | x_ri / x_.i - (x_r. - x_ri) / (x - x_.i) |
// REAT krugman.conc(x[, i], e_uj = rowSums(x)). Rest of nation is NA for the only industry.
Eigen::VectorXd krugman_concentration(const Eigen::MatrixXd& x,
                                      KrugmanReference reference = KrugmanReference::Nation);
// The same from the totals of x (concentration_totals(x)).
Eigen::VectorXd krugman_concentration(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                                      KrugmanReference reference = KrugmanReference::Nation);

// Krugman's index against the mean regional distribution of the other industries (REAT
// krugman.conc2, the `krugman` of REAT conc()):
//   K_i = sum_r | x_ri / x_.i - 1/(I-1) sum_{u != i} x_ru / x_.u |
// Empty industries and industries with NA cells have no distribution: they are NA and left out
// of the mean of the others (I counts the remaining ones). NA when no other industry remains.
Eigen::VectorXd krugman_concentration_other_industries(const Eigen::MatrixXd& x);

}  // namespace agglo
