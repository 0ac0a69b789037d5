// Theil's T and L indices with their exact decomposition into a between-group and a within-group
// part over a partition of the regions (macro-regions, provinces of a country, ...).
#pragma once

#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/inequality/scalar.hpp"

namespace agglo::inequality {

enum class TheilIndex {
  T,  // GE(1), income-share weighted
  L   // GE(0), the mean log deviation, population-share weighted
};

struct TheilGroup {
  int regions = 0;
  double population_share = 0;  // P_g = sum_{i in g} omega_i
  double income_share = 0;      // Q_g = sum_{i in g} q_i
  Scalar index;                 // the index inside the group (0 for a group of one region)
};

struct TheilDecomposition {
  Scalar total;
  Scalar between;
  Scalar within;
  Scalar between_share;  // between / total
  std::vector<TheilGroup> groups;
};

// Theil decomposition (Theil 1967; Shorrocks 1980; Akita 2003), omega_i = w_i/W (1/n without
// weights), q_i = omega_i x_i / m_w, group sums P_g, Q_g:
//   T = sum_i q_i ln(q_i/omega_i) = sum_g Q_g ln(Q_g/P_g) + sum_g Q_g T_g
//   L = sum_i omega_i ln(omega_i/q_i) = sum_g P_g ln(P_g/Q_g) + sum_g P_g L_g
// (between + within; T_g and L_g the index inside group g). One pass over the regions: per group
// the sums P_g, Q_g and sum q ln(q/omega) (or omega ln(omega/q)) give T_g = A_g/Q_g - ln(Q_g/P_g).
// `group` holds the group number (0 .. n_groups-1) of every region. Zeros contribute 0 to T
// (limit of q ln q) and make L undefined; negative values make both undefined.
TheilDecomposition theil_decomposition(const Eigen::VectorXd& x, const std::vector<int>& group,
                                       int n_groups, TheilIndex index,
                                       const Eigen::VectorXd& w = {});

}  // namespace agglo::inequality
