// Herfindahl index and concentration ratio of every industry (column) across the regions (rows).
#pragma once

#include <cstdint>

#include <Eigen/Core>

namespace agglo {

struct Herfindahl {
  Eigen::VectorXd hhi;       // sum_r s_ri^2
  Eigen::VectorXd hhi_norm;  // (hhi - 1/n) / (1 - 1/n), NA for a single region
  Eigen::VectorXd hhi_eq;    // 1 / hhi, the equivalent number of equal-sized regions
};

// Herfindahl-Hirschman index (Herfindahl 1950; Hirschman 1945) of the regional shares
// s_ri = x_ri / x_.i of every industry, with n = the number of regions (rows), zero cells
// included. REAT herf(x[, i]) (coefnorm = TRUE, output = "eq"); EconGeo Herfindahl(t(x)).
// NA for an empty industry or one with NA cells.
Herfindahl herfindahl_concentration(const Eigen::MatrixXd& x);

// Concentration ratio CR_n: the sum of the n largest regional shares of every industry,
//   CR_n,i = sum_{k=1..n} s_(k)i,  s_(1)i >= s_(2)i >= ...
// (1 when n >= the number of regions). NA for an empty industry or one with NA cells.
Eigen::VectorXd concentration_ratio(const Eigen::MatrixXd& x, int64_t n);

}  // namespace agglo
