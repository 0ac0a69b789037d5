// Shift-share decompositions of a region's change (employment, value added, ...) between two
// periods against a reference economy. Every kernel takes four vectors over the same industries:
// the region's values at t1 and t2 (e_i1, e_i2) and the reference's (E_i1, E_i2). NA cells are
// NaN and make the components that use them NaN; undefined ratios are NaN, never inf. The
// registration explains every NA (see shift_share_issues).
#pragma once

#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "core/table.hpp"

namespace agglo {

enum class ShiftShareMethod { Dunn, EstebanMarquillas, Gerfin };

// How a regional industry with no base-period value (e_i1 = 0) enters the regional share
// e_i1 (e_i2/e_i1 - E_i2/E_i1), whose growth rate e_i2/e_i1 is undefined.
enum class ZeroBase {
  Absolute,  // the term is read as e_i2 - e_i1 E_i2/E_i1 (= e_i2): the decomposition stays exact
  NA,        // the term is NA, so is the regional share (REAT shift())
};

// The components of one decomposition; a component the method does not have stays NA.
// Dunn and Esteban-Marquillas are additive (in the units of the data), Gerfin's are factors.
struct ShiftShareComponents {
  double growth = NA;             // e2 - e1
  double national_share = NA;     // e1 (E2/E1) - e1
  double industrial_mix = NA;     // sum_i e_i1 E_i2/E_i1 - e1 E2/E1   (Gerfin: a factor)
  double regional_share = NA;     // sum_i e_i1 (e_i2/e_i1 - E_i2/E_i1) (Gerfin: a factor)
  double net_total_shift = NA;    // e2 - e1 E2/E1                      (Gerfin: a factor)
  double allocation_effect = NA;  // Esteban-Marquillas only
};

// Classic shift-share (Dunn 1960; REAT shift(), "Dunn"), with e = sum_i e_i, E = sum_i E_i:
//   growth = e2 - e1 = national_share + industrial_mix + regional_share
//   national_share  = e1 E2/E1 - e1
//   industrial_mix  = sum_i e_i1 E_i2/E_i1 - e1 E2/E1
//   regional_share  = sum_i e_i1 (e_i2/e_i1 - E_i2/E_i1)
//   net_total_shift = e2 - e1 E2/E1 = industrial_mix + regional_share
ShiftShareComponents shift_share_dunn(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                      const Eigen::VectorXd& E1, const Eigen::VectorXd& E2,
                                      ZeroBase zero_base = ZeroBase::Absolute);

// Esteban-Marquillas (1972) shift-share with homothetic employment h_i = e1 E_i1/E1 (the
// region's base employment with the reference's industry structure):
//   national_share, industrial_mix as Dunn
//   regional_share    = sum_i h_i (e_i2/e_i1 - E_i2/E_i1)          (competitive effect)
//   allocation_effect = sum_i (e_i1 - h_i) (e_i2/e_i1 - E_i2/E_i1)  (specialisation x advantage)
// An industry with e_i1 = 0 has no growth rate: both are NA unless h_i = e_i2 = 0.
ShiftShareComponents shift_share_esteban_marquillas(const Eigen::VectorXd& e1,
                                                    const Eigen::VectorXd& e2,
                                                    const Eigen::VectorXd& E1,
                                                    const Eigen::VectorXd& E2);

// Multiplicative shift-share (Gerfin 1964; REAT shift(), "Gerfin"), m = sum_i e_i1 (E_i2/E_i1) /
// e1:
//   industrial_mix  = m / (E2/E1)
//   regional_share  = (e2/e1) / m
//   net_total_shift = (e2/e1) / (E2/E1) = industrial_mix * regional_share
ShiftShareComponents shift_share_gerfin(const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
                                        const Eigen::VectorXd& E1, const Eigen::VectorXd& E2);

ShiftShareComponents shift_share(ShiftShareMethod method, const Eigen::VectorXd& e1,
                                 const Eigen::VectorXd& e2, const Eigen::VectorXd& E1,
                                 const Eigen::VectorXd& E2,
                                 ZeroBase zero_base = ZeroBase::Absolute);

// Shift-share of every industry on its own (REAT shifti()): the decomposition with e1 = e_i1,
// E1 = E_i1, ..., so the national share uses the industry's own national growth.
std::vector<ShiftShareComponents> shift_share_by_industry(
    ShiftShareMethod method, const Eigen::VectorXd& e1, const Eigen::VectorXd& e2,
    const Eigen::VectorXd& E1, const Eigen::VectorXd& E2, ZeroBase zero_base = ZeroBase::Absolute);

// The components a method reports, in REAT's order, as (snake_case name, value). For a single
// industry (`per_industry`) the industrial mix is dropped: it is identically 0 (Gerfin: 1).
using ComponentList = std::vector<std::pair<std::string, double>>;
ComponentList component_list(ShiftShareMethod method, const ShiftShareComponents& c,
                             bool per_industry = false);

// Relative change t2/t1 - 1 of every element; NA where t1 = 0 (no base) or a value is NA.
Eigen::VectorXd relative_growth(const Eigen::VectorXd& t1, const Eigen::VectorXd& t2);

// Why components of a decomposition t1 -> t2 are NA: one sentence per cause, naming the
// industry and the periods (`step`, e.g. "2008-2017"). Empty when everything is defined.
std::vector<std::string> shift_share_issues(ShiftShareMethod method, const Eigen::VectorXd& e1,
                                            const Eigen::VectorXd& e2, const Eigen::VectorXd& E1,
                                            const Eigen::VectorXd& E2,
                                            const std::vector<std::string>& industries,
                                            const std::string& step, ZeroBase zero_base,
                                            bool per_industry = false);

}  // namespace agglo
