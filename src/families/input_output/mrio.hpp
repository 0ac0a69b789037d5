// Multi-regional input-output (MRIO) accounts in the algebra of pymrio's calc_all (Stadler
// 2021): industries are (region, sector) pairs, every region has the same sector list.
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/input_output/leontief.hpp"

namespace agglo {

// Where each industry and final-demand column sits: region and sector indices.
struct MrioLayout {
  std::vector<std::string> regions;                   // in order of first appearance
  std::vector<std::string> sectors;                   // in order of first appearance
  std::vector<int> industry_region, industry_sector;  // per industry (row/column of Z)
  std::vector<int> fd_region;                         // per final-demand column of Y
  std::vector<Eigen::Index> at;  // industry index of (region, sector): at[r * S + s], -1 if absent

  Eigen::Index index(int region, int sector) const {
    return at[static_cast<size_t>(region) * sectors.size() + static_cast<size_t>(sector)];
  }
  int n_regions() const { return static_cast<int>(regions.size()); }
};

// Builds the layout from the region and sector of every industry and the region of every
// final-demand column; throws when a (region, sector) pair is missing or repeated.
MrioLayout make_mrio_layout(const std::vector<std::string>& industry_regions,
                            const std::vector<std::string>& industry_sectors,
                            const std::vector<std::string>& fd_regions);

// Gross output x = Z1 + Y1 (pymrio calc_x).
Eigen::VectorXd industry_output(const Eigen::MatrixXd& Z, const Eigen::MatrixXd& Y);

// Final demand summed per consuming region: Y_agg (n x R).
Eigen::MatrixXd final_demand_by_region(const Eigen::MatrixXd& Y, const MrioLayout& layout);

// Stressor coefficients S = F diag(x)^-1 (pymrio calc_S; 0 where x = 0, the sector emits per
// nothing produced).
Eigen::MatrixXd stressor_coefficients(const Eigen::MatrixXd& F, const Eigen::VectorXd& x);

// Total (upstream) multipliers M = S L (pymrio calc_M), by solves with (I - A)'.
Eigen::MatrixXd total_multipliers(const Eigen::MatrixXd& S, const LeontiefSystem& leontief);

// Downstream multipliers M_down = S (G' - I) (pymrio calc_M_down), G = (I - B)^-1.
Eigen::MatrixXd downstream_multipliers(const Eigen::MatrixXd& S, const LeontiefSystem& ghosh);

struct MrioAccounts {
  Eigen::MatrixXd cba, pba, imp, exp;  // stressors x n (pymrio D_cba, D_pba, D_imp, D_exp)
};

// Consumption-, production-, import- and export-based accounts (pymrio calc_accounts;
// Peters 2008, Lenzen et al. 2007): with x_diag = L Y_diag (column (s, j): region s's final
// demand for product j from every supplier),
//   D_cba = S x_diag,  D_pba = S diag(L Y_agg 1),
//   D_imp = S x_trade (x_diag without the blocks of the consuming region),
//   D_exp = S diag(x_trade 1).
// Computed with 1 + 2R solves with (I - A)' per stressor row block and R solves with (I - A);
// L and x_diag are never formed. `with_trade` = false leaves imp and exp empty.
MrioAccounts calc_accounts(const Eigen::MatrixXd& S, const LeontiefSystem& leontief,
                           const Eigen::MatrixXd& Y_agg, const MrioLayout& layout,
                           bool with_trade = true);

// The consumption-based account from the multipliers M = S L alone:
// D_cba[k, (s, j)] = sum_r M[k, (r, j)] Y_agg[(r, j), s].
Eigen::MatrixXd consumption_based_account(const Eigen::MatrixXd& M, const Eigen::MatrixXd& Y_agg,
                                          const MrioLayout& layout);

// Sums the columns of a stressors x n account per region of the industry (R columns).
Eigen::MatrixXd sum_by_region(const Eigen::MatrixXd& D, const MrioLayout& layout);

}  // namespace agglo
