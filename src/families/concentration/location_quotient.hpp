// Location quotients of a region x industry matrix (rows = regions, columns = industries).
#pragma once

#include <Eigen/Core>
#include <limits>

#include "families/concentration/concentration_totals.hpp"

namespace agglo {

enum class LqMethod { Multiplicative, Additive };

// Location quotient (Florence 1939; Isard 1960):
//   multiplicative  LQ_ri = (x_ri / x_r.) / (x_.i / x)
//   additive        LQ_ri = x_ri / x_.i - x_r. / x   (difference of regional shares, REAT locq "a")
// Totals are sums over the cells of the matrix. A cell whose quotient is undefined (empty region
// or industry) is NaN (NA); NA cells in x count as missing in the totals and give NA.
Eigen::MatrixXd location_quotient(const Eigen::MatrixXd& x,
                                  LqMethod method = LqMethod::Multiplicative);
// The same from the totals of x (concentration_totals(x)) into `lq`, which keeps its storage
// when it already has the shape of x (no fresh matrix for every period).
void location_quotient(const Eigen::MatrixXd& x, const ConcentrationTotals& totals,
                       Eigen::MatrixXd& lq, LqMethod method = LqMethod::Multiplicative);

// The quotients of industry i (its column `col` of x) into out[0..n): the arithmetic of the
// matrix form. `smallest_region` = smallest_region_total(totals): when its product with the
// industry's total is positive (not 0, not NaN), no denominator of the column is 0 and the plain
// arithmetic loop (it vectorises) needs no test per cell.
void location_quotient_column(const double* col, const ConcentrationTotals& totals, Eigen::Index i,
                              double smallest_region, LqMethod method, double* out);
double smallest_region_total(const ConcentrationTotals& totals);

// The quotient of one cell x_ri from x_r., x_.i and x: the arithmetic of the matrix form, so both
// give the same bits. A measure with one output row per input row uses it without a matrix.
inline double location_quotient_of(double x_ri, double region_total, double industry_total,
                                   double total, LqMethod method) {
  if (method == LqMethod::Multiplicative) {
    const double denom = region_total * industry_total;
    return (x_ri != x_ri || denom == 0) ? std::numeric_limits<double>::quiet_NaN()
                                        : (x_ri * total) / denom;
  }
  return (x_ri != x_ri || industry_total == 0 || total == 0)
             ? std::numeric_limits<double>::quiet_NaN()
             : x_ri / industry_total - region_total / total;
}

// Binary LQ of one quotient: 1 when LQ >= threshold, else 0 (an NA quotient counts as 0).
inline double binary_location_quotient_of(double lq, double threshold) {
  return (lq == lq && lq >= threshold) ? 1.0 : 0.0;
}

// Binary LQ: 1 where LQ >= threshold, else 0 (an NA quotient counts as 0).
Eigen::MatrixXd binary_location_quotient(const Eigen::MatrixXd& lq, double threshold = 1.0);

// Sums that ignore NA cells (NaN), as totals of a table with suppressed cells.
Eigen::VectorXd row_sums_skip_na(const Eigen::MatrixXd& x);
Eigen::VectorXd col_sums_skip_na(const Eigen::MatrixXd& x);

}  // namespace agglo
