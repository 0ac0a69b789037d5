// Spatial decomposition of the Gini coefficient into the part from neighbouring pairs of regions
// and the part from non-neighbours (Rey & Smith 2013).
#pragma once

#include <cstdint>
#include <string>
#include <utility>
#include <vector>

#include <Eigen/Core>

#include "core/table.hpp"

namespace agglo::inequality {

struct SpatialGini {
  double gini = NA;
  double wg = NA;               // sum of |x_i - x_j| over ordered neighbour pairs
  double wcg = NA;              // the same over ordered non-neighbour pairs (D - wg)
  double wcg_share = NA;        // wcg / (2 n^2 mean): the non-neighbour part of the Gini
  double polarization = NA;     // (wcg / wg) (n_nb / (n(n-1)/2 - n_nb))
  int64_t neighbour_pairs = 0;  // unordered
  // Permutation inference on wcg (values shuffled over the regions), when asked for.
  double p_sim = NA;
  double e_wcg = NA;  // mean of the permuted wcg
  double z_wcg = NA;  // (wcg - e_wcg) / population SD of the permuted wcg
};

// Rey & Smith (2013) "A spatial decomposition of the Gini coefficient", Letters in Spatial and
// Resource Sciences 6: with D = sum_i sum_j |x_i - x_j| over all ordered pairs,
//   gini = D / (2 n^2 m),  wg = sum_i sum_{j in N(i)} |x_i - x_j|,  wcg = D - wg,
//   gini = wg / (2 n^2 m) + wcg / (2 n^2 m).
// `pairs` are the unordered neighbour pairs (i < j, binary contiguity, no duplicates); D comes from
// the sorted values in O(n log n), wg in O(pairs). With permutations > 0 the values are shuffled
// over the regions (seeded) and p_sim = (min(#{wcg_perm >= wcg}, perms - that) + 1) / (perms + 1),
// as PySAL's Gini_Spatial. `why_na` receives the reason of an NA polarization or gini.
SpatialGini spatial_gini(const Eigen::VectorXd& x,
                         const std::vector<std::pair<Eigen::Index, Eigen::Index>>& pairs,
                         int permutations, uint64_t seed, std::string* why_na = nullptr);

}  // namespace agglo::inequality
