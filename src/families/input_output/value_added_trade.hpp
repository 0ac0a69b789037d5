// Value added in trade from an MRIO: gross trade, value added embodied in exports (Hummels,
// Ishii & Yi 2001; Koopman, Wang & Wei 2014, the "v L e" terms) and value-added absorption
// (Johnson & Noguera 2012).
#pragma once

#include <Eigen/Core>

#include "families/input_output/leontief.hpp"
#include "families/input_output/mrio.hpp"

namespace agglo {

struct GrossTrade {
  Eigen::MatrixXd bilateral;  // n x R: flows of industry (r, i) to region s (Z + Y), 0 for s = r
  Eigen::VectorXd exports;    // n: row sums of bilateral
  Eigen::VectorXd imports;    // n: imports of product i into region r from every other region
};

// Gross trade (pymrio calc_gross_trade): bilateral[(r,i), s] = sum of Z and Y of row (r,i) in
// the columns of region s != r; exports = row sums; imports[(r,i)] = sum_{r'} bilateral[(r',i), r].
GrossTrade gross_trade(const Eigen::MatrixXd& Z, const Eigen::MatrixXd& Y,
                       const MrioLayout& layout);

struct ValueAddedInExports {
  Eigen::MatrixXd vax;  // R x R: value added of source region (row) in exports of region (column)
  Eigen::VectorXd gross_exports, dva, fva;  // per exporting region
  Eigen::VectorXd sector_dva, sector_fva;   // per exporting industry
};

// Value added in exports: VAX = R_agg diag(v) L E with E[:, r] the gross exports of region r's
// industries; DVA_r = VAX[r, r], FVA_r = sum_{s != r} VAX[s, r] (Hummels-Ishii-Yi VS);
// per industry c in region r: dva_c = sum_{k in r} v_k L_kc e_c, fva_c = sum_{k not in r} v_k L_kc
// e_c.
ValueAddedInExports value_added_in_exports(const Eigen::VectorXd& v, const LeontiefSystem& leontief,
                                           const Eigen::VectorXd& exports,
                                           const MrioLayout& layout);

// Value-added absorption VAY = R_agg diag(v) L Y_agg (R x R): value added generated in region s
// (row) and absorbed by the final demand of region r (column). Its off-diagonal row sums are
// the value-added exports VAX of Johnson & Noguera (2012).
Eigen::MatrixXd value_added_absorption(const Eigen::VectorXd& v, const LeontiefSystem& leontief,
                                       const Eigen::MatrixXd& Y_agg, const MrioLayout& layout);

}  // namespace agglo
