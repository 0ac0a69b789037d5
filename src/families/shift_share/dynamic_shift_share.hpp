// Dynamic shift-share (Barff & Knight 1988): the decomposition applied to every pair of
// consecutive periods and aggregated, and the shift-share prognosis. Series are matrices with one
// row per industry and one column per period, in chronological order.
#pragma once

#include <vector>

#include <Eigen/Core>

#include "families/shift_share/shift_share.hpp"

namespace agglo {

// How the yearly Gerfin factors are aggregated (the additive methods are always summed).
enum class GerfinAggregation {
  Mean,     // arithmetic mean of the yearly factors (REAT shiftd(), gerfin.shifts = "mean")
  Sum,      // sum of the yearly factors (REAT, gerfin.shifts = "sum"; near the number of steps)
  Product,  // chained factor prod_t f_t: the factor of the whole period
};

struct DynamicShiftShare {
  std::vector<ShiftShareComponents> steps;  // step k: period k -> k+1
  ShiftShareComponents total;               // aggregated over the steps
};

// Dynamic shift-share (Barff & Knight 1988; REAT shiftd()): for every step t -> t+1 the
// decomposition of `method` on (region(:, t), region(:, t+1), reference(:, t), reference(:, t+1)),
// then the components summed over the steps (Gerfin: aggregated by `gerfin`). An NA step makes
// the aggregate NA.
DynamicShiftShare shift_share_dynamic(ShiftShareMethod method, const Eigen::MatrixXd& region,
                                      const Eigen::MatrixXd& reference,
                                      GerfinAggregation gerfin = GerfinAggregation::Mean,
                                      ZeroBase zero_base = ZeroBase::Absolute);

// Aggregate of yearly components: additive components summed, Gerfin factors by `gerfin`.
ShiftShareComponents aggregate_steps(ShiftShareMethod method,
                                     const std::vector<ShiftShareComponents>& steps,
                                     GerfinAggregation gerfin);

// Dynamic shift-share of every industry on its own (REAT shiftid()): row i of the series alone.
std::vector<ShiftShareComponents> shift_share_dynamic_by_industry(
    ShiftShareMethod method, const Eigen::MatrixXd& region, const Eigen::MatrixXd& reference,
    GerfinAggregation gerfin = GerfinAggregation::Mean, ZeroBase zero_base = ZeroBase::Absolute);

// Shift-share prognosis (REAT shiftp()): the Gerfin regional-share factor RS of t1 -> t2 is
// assumed to persist, and every industry follows its national growth t2 -> t3:
//   e_i3 = (E_i3 / E_i2) * e_i2 * RS
// NA where E_i2 = 0 (no national growth rate) or a value is NA.
Eigen::VectorXd shift_share_prognosis(const Eigen::VectorXd& region_t2,
                                      const Eigen::VectorXd& reference_t2,
                                      const Eigen::VectorXd& reference_t3, double regional_share);

}  // namespace agglo
