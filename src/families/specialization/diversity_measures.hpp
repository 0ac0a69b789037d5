// Diversity measures of every region's industry structure: Hachman, entropy, and diversity /
// ubiquity of the binary RCA matrix.
#pragma once

#include <Eigen/Core>

namespace agglo {

struct Hachman {
  Eigen::VectorXd hachman;  // 1 / lq_avg, in (0, 1]; 1 = the nation's structure
  Eigen::VectorXd lq_avg;   // share-weighted mean LQ, >= 1
};

// Hachman (1994) index of every region (EconGeo Hachman(), location.quotient.avg()):
//   lq_avg_r = sum_i s_ri LQ_ri = sum_i s_ri^2 / S_i,   HI_r = 1 / lq_avg_r
// with s_ri = x_ri / x_r. and S_i = x_.i / x; industries without employment (S_i = 0) add 0.
// NA for an empty region or one with NA cells.
Hachman hachman(const Eigen::MatrixXd& x);

// Shannon (1948) entropy of every region's industry structure, in units of log_base:
//   E_r = - sum_i p_ri log(p_ri) / log(log_base),  p_ri = x_ri / x_r.,  0 log 0 = 0
// (EconGeo entropy() adds 1e-9 inside the log and rounds to 3 decimals; this is the exact value).
// NA for an empty region or one with NA cells. log_base must be positive and not 1.
Eigen::VectorXd entropy(const Eigen::MatrixXd& x, double log_base = 2.0);

struct DiversityUbiquity {
  Eigen::VectorXd diversity;  // per region (row): sum_i B_ri
  Eigen::VectorXd ubiquity;   // per industry (column): sum_r B_ri
};

// Diversity and ubiquity (Hidalgo & Hausmann 2009) of a binary region x industry matrix B
// (EconGeo diversity(), ubiquity() with RCA = FALSE): row and column sums; the caller checks
// that B holds only 0 and 1.
DiversityUbiquity diversity_ubiquity(const Eigen::MatrixXd& binary);

}  // namespace agglo
