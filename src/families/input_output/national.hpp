// Single-region input-output analysis on the active sectors (x > 0): multipliers, linkages,
// hypothetical extraction, the Leontief price model and final-demand shocks.
#pragma once

#include <Eigen/Core>

#include "families/input_output/leontief.hpp"

namespace agglo {

// Simple (type I) output multipliers (Miller & Blair 2009, sect. 6.2.1): m' = 1' L.
Eigen::VectorXd output_multipliers(const LeontiefSystem& sys);

// Coefficient multipliers (value added, income, taxes, imports, employment, emissions):
//   for every row k of the coefficient matrix C (k x n, c_kj = input_kj / x_j): C L
// (Miller & Blair 2009, sect. 6.2.2-6.2.4). Returns k x n.
Eigen::MatrixXd coefficient_multipliers(const LeontiefSystem& sys, const Eigen::MatrixXd& C);

// Type II output multipliers with households made endogenous (Miller & Blair 2009, sect. 6.3):
// the n+1 system [[A, hc], [hr', 0]] with household input coefficients hr_j (labour income /
// x_j) and household consumption coefficients hc_i (household consumption of i / total labour
// income); the multiplier of sector j is the column sum of the first n rows of the inverse.
Eigen::VectorXd type2_output_multipliers(const Eigen::MatrixXd& A,
                                         const Eigen::VectorXd& household_row,
                                         const Eigen::VectorXd& household_column);

struct RasmussenHirschman {
  Eigen::VectorXd colsum_L, rowsum_L, rowsum_G;
  Eigen::VectorXd backward, forward_leontief, forward_ghosh;
  Eigen::VectorXd key_leontief, key_ghosh;  // 1 = key sector (bl > 1 and fl > 1), else 0
};

// Rasmussen (1956) / Hirschman (1958) linkage indices, normalised by the number of sectors n:
//   BL_j = n (1'L)_j / 1'L1,  FL_i = n (L1)_i / 1'L1 (Leontief),  FL^G_i = n (G1)_i / 1'G1 (Ghosh;
// Beyers 1976, Jones 1976), G1 = diag(x)^-1 L x. Key sector: BL > 1 and FL > 1 (strict).
RasmussenHirschman rasmussen_hirschman_linkages(const LeontiefSystem& sys,
                                                const Eigen::VectorXd& x);

struct HypotheticalExtraction {
  Eigen::VectorXd total, total_pct, backward, forward, cella;
};

enum class HemMethod {
  ClosedForm,  // partitioned-inverse closed forms from L (no subtraction of two large totals)
  Direct,      // the definition: one solve of the reduced system per extracted sector
};

// Hypothetical extraction of every sector j, in units of x (Miller & Lahr 2001; Miller & Blair
// 2009, sect. 12.2.5; Cella 1984), with f = x - Z1 and w = x - Z'1:
//   total    T_j = 1'x - 1'(I - A_{-j,-j})^-1 f_{-j}       = x_j c_j / L_jj
//   backward B_j = 1'x - 1'(I - A with column j = 0)^-1 f  = x_j (c_j - 1) / L_jj
//   forward  F_j = 1'x - w'(I - B with row j = 0)^-1 1     = x_j ((G1)_j - 1) / G_jj
//   Cella   TL_j = 1'x - 1'(I - A with A[j,-j], A[-j,j] = 0)^-1 f
//                = (sum_{k != j} z_jk) / (1 - a_jj) + x_j (c_j - L_jj) / L_jj
// with c = 1'L; total_pct = 100 T_j / 1'x.
HypotheticalExtraction hypothetical_extraction(const Eigen::MatrixXd& Z, const Eigen::VectorXd& x,
                                               HemMethod method = HemMethod::ClosedForm);

// Leontief cost-push price model (Miller & Blair 2009, sect. 2.6): p' = p'A + v', base prices 1.
// A change dc of the primary-input cost per unit of output gives dp' = dc' L. Each row of
// `cost_changes` (k x n) is one scenario; returns k x n price changes.
Eigen::MatrixXd leontief_price_change(const LeontiefSystem& sys,
                                      const Eigen::MatrixXd& cost_changes);

// Output change for final-demand shocks (Miller & Blair 2009, eq. 2.12): dx = L df, one column
// per shock.
Eigen::MatrixXd output_change(const LeontiefSystem& sys, const Eigen::MatrixXd& df);

}  // namespace agglo
