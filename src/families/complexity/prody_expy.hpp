// Income content of industries and of regional industry mixes (Hausmann, Hwang & Rodrik 2007).
#pragma once

#include <Eigen/Core>

namespace agglo {

// PRODY_i = sum_r [ (x_ri / x_r.) / sum_s (x_si / x_s.) ] y_r, the income y of the regions weighted
// by their revealed comparative advantage in i (equal to EconGeo prody() with unrounded RCA, as the
// factor x / x_.i cancels). Regions with a zero total carry no weight; an industry with no
// employment anywhere is NA.
Eigen::VectorXd prody(const Eigen::MatrixXd& x, const Eigen::VectorXd& income);

// EXPY_r = sum_i (x_ri / x_r.) PRODY_i, the region's employment-weighted PRODY (HHR 2007).
// NA for an empty region or when a PRODY it needs is NA.
Eigen::VectorXd expy(const Eigen::MatrixXd& x, const Eigen::VectorXd& prody);

}  // namespace agglo
