// The localisation curve of one industry (Krugman 1991), shared by locational_gini() and the
// one-pass industry_concentration(): regions ordered by LQ, cumulative share of the industry
// against cumulative share of all employment.
#pragma once

#include <Eigen/Core>
#include <cstdint>
#include <vector>

namespace agglo {

class LorenzCurve {
 public:
  explicit LorenzCurve(Eigen::Index regions);

  // Twice the area between the curve and the diagonal of the industry column `col`:
  //   sum_{k=1..n} (P_{k-1} A_k - P_k A_{k-1}),  regions by x_ri / x_r. ascending,
  //   A_k = cumulative x_ri / x_.i, P_k = cumulative x_r. / x (A_0 = P_0 = 0),
  // from `region_total[r]` = x_r. (and its inverse), `grand_total` x = sum_r x_r. and
  // `industry_total` x_.i. The sums run on the unscaled values, divided by x x_.i once at the
  // end: for counts (integers below 2^53, products and sums included) they are exact, so the area
  // is the correctly rounded quotient. Ties in the LQ do not change the area; equal keys keep the
  // order of the regions, so the result does not depend on the threads.
  double doubled_area(const double* col, const double* region_total, const double* inv_region_total,
                      double grand_total, double industry_total);

 private:
  uint32_t order_by_key(size_t count, uint64_t lo, uint64_t hi);

  Eigen::Index regions_;
  std::vector<uint32_t> region_;  // the regions with the industry, in region order
  std::vector<uint64_t> key_;     // their keys x_ri / x_r., as bits in the order of the keys
  std::vector<double> value_;     // x_ri
  std::vector<double> total_;     // x_r.
  std::vector<uint32_t> order_;   // positions in region_, along the curve
  std::vector<uint32_t> spare_;   // the radix sort's other buffer
};

}  // namespace agglo
