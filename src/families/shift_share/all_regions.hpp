// Shift-share of every region of a panel at once against the sum of all regions: what the
// profile report and large panels need (counties x 6-digit industries x 20 years).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "core/panel.hpp"
#include "families/shift_share/dynamic_shift_share.hpp"

namespace agglo {

struct RegionalShiftShare {
  std::vector<std::string> regions;     // panel region labels, in panel order
  std::vector<std::string> periods;     // the periods used, chronological
  std::vector<std::string> components;  // column names of the matrices (REAT order)
  Eigen::MatrixXd classic;              // regions x components: first -> last period
  Eigen::MatrixXd dynamic;              // regions x components: consecutive steps aggregated
  std::vector<std::string> warnings;    // why rows are NA (counts of regions, not one per region)
};

// Classic (first -> last period) and dynamic (annual-step) shift-share of every region of
// `panel` against the reference economy sum_r x_ri (the sum of all regions), for the periods
// from `first` to `last` (ids of panel.periods; default: the whole panel). Method Dunn or Gerfin
// (Esteban-Marquillas needs cell-level rates: use shift_share_esteban_marquillas per region).
// Two passes over the rows of the panel and O(regions x periods) memory: no dense matrix is
// built. Regional shares use e_i1 (e_i2/e_i1 - G_i) = e_i2 - e_i1 G_i (ZeroBase::Absolute).
// A region with an NA cell in a period gets NA components for the steps touching that period;
// NA cells are left out of the reference totals.
RegionalShiftShare shift_share_all_regions(const Panel& panel,
                                           ShiftShareMethod method = ShiftShareMethod::Dunn,
                                           GerfinAggregation gerfin = GerfinAggregation::Mean,
                                           const std::string& first = "",
                                           const std::string& last = "");

// The same on dense region x industry matrices, one per period in chronological order (all with
// the same rows and columns); `regions` and `periods` of the result stay empty. Per period one
// column-sum pass and one product X_t [G_t, G_first->last, 1]: O(cells) with Eigen's kernels.
RegionalShiftShare shift_share_all_regions(const std::vector<Eigen::MatrixXd>& by_period,
                                           ShiftShareMethod method = ShiftShareMethod::Dunn,
                                           GerfinAggregation gerfin = GerfinAggregation::Mean);

}  // namespace agglo
