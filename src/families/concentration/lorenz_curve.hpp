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
  //   A_k = cumulative x_ri / x_.i, P_k = cumulative region_share (A_0 = P_0 = 0).
  // `inv_region_total[r]` = 1 / x_r., `region_share[r]` = x_r. / x, `share_total` their sum,
  // `inv_industry_total` = 1 / x_.i. Ties in the LQ do not change the area; equal keys keep the
  // order of the regions, so the result does not depend on the threads.
  double doubled_area(const double* col, const double* inv_region_total, const double* region_share,
                      double share_total, double inv_industry_total);

 private:
  uint32_t order_by_key(size_t count, uint64_t lo, uint64_t hi);

  Eigen::Index regions_;
  std::vector<uint32_t> region_;  // the regions with the industry, in region order
  std::vector<uint64_t> key_;     // their keys x_ri / x_r., as bits in the order of the keys
  std::vector<double> value_;     // x_ri
  std::vector<double> share_;     // x_r. / x
  std::vector<uint32_t> order_;   // positions in region_, along the curve
  std::vector<uint32_t> spare_;   // the radix sort's other buffer
};

}  // namespace agglo
