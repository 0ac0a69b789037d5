// Specialisation of every region (row) of a region x industry matrix across the industries
// (columns). Each index is the concentration index of the same name on the transposed matrix
// (a region's industry structure against the nation's), so both families share one kernel.
#pragma once

#include <Eigen/Core>

#include "families/concentration/herfindahl.hpp"
#include "families/concentration/hoover_krugman.hpp"

namespace agglo {

// Krugman (1991) specialisation index against the national industry structure:
//   nation:          K_r = sum_i | x_ri / x_r. - x_.i / x |          (REAT krugman.spec; EconGeo
//   Krugman.index) rest of nation:  K_r = sum_i | x_ri / x_r. - (x_.i - x_ri) / (x - x_r.) |
// NA for an empty region or one with NA cells (rest of nation: also for the only region).
Eigen::VectorXd krugman_specialization(const Eigen::MatrixXd& x,
                                       KrugmanReference reference = KrugmanReference::Nation);

// Hoover's coefficient of specialisation, half of Krugman's index against the nation:
//   H_r = 1/2 sum_i | x_ri / x_r. - x_.i / x |      (EconGeo spec.coeff; REAT hoover(x[r, ], x[.,
//   ]))
Eigen::VectorXd hoover_specialization(const Eigen::MatrixXd& x);

// Gini coefficient of a region's I location quotients, unweighted (REAT gini.spec; `gini` of
// spec()):
//   G_r = 2 / (I^2 mean(R)) sum_k k (R_(k) - mean(R))
Eigen::VectorXd gini_specialization(const Eigen::MatrixXd& x);

// Krugman's index against the mean industry structure of the other regions (REAT krugman.spec2,
// the `krugman` of REAT spec()):
//   K_r = sum_i | x_ri / x_r. - 1/(n-1) sum_{l != r} x_li / x_l. |
Eigen::VectorXd krugman_specialization_other_regions(const Eigen::MatrixXd& x);

// Herfindahl-Hirschman index of every region's industry shares s_ri = x_ri / x_r., normalised
// with I = the number of industries, and the equivalent number 1 / hhi (REAT herf(x[r, ])).
Herfindahl herfindahl_specialization(const Eigen::MatrixXd& x);

}  // namespace agglo
