// Global spatial autocorrelation: Moran's I, Geary's C and Getis-Ord G with their analytic
// moments under normality and randomisation, and permutation pseudo p-values. The weights are
// used as passed (transform them first: binary_weights, row_standardised).
#pragma once

#include <cstdint>
#include <vector>

#include <Eigen/Core>

#include "families/spatial/weights.hpp"

namespace agglo {

// S0 = sum_ij w_ij, S1 = 1/2 sum_ij (w_ij + w_ji)^2, S2 = sum_i (w_i. + w_.i)^2.
struct WeightConstants {
  double s0 = 0, s1 = 0, s2 = 0;
};
WeightConstants weight_constants(const SpatialWeights& w);

// Normal tail of |z| times `tails` (1: one-sided in the direction of z; 2: two-sided).
double normal_p_value(double z, int tails);

struct MoranResult {
  double I, EI, VI_norm, seI_norm, z_norm, p_norm, VI_rand, seI_rand, z_rand, p_rand;
  WeightConstants constants;
};

// Moran's I (Moran 1950; Cliff & Ord 1981): I = (n / S0) sum_ij w_ij z_i z_j / sum_i z_i^2,
// z = y - mean(y); EI = -1/(n-1);
// VI_norm = (n^2 S1 - n S2 + 3 S0^2) / ((n^2 - 1) S0^2) - EI^2;
// VI_rand = [n((n^2-3n+3) S1 - n S2 + 3 S0^2) - b2((n^2-n) S1 - 2n S2 + 6 S0^2)]
//           / ((n-1)(n-2)(n-3) S0^2) - EI^2, b2 = n sum z^4 / (sum z^2)^2.
// Needs n >= 4 for VI_rand (else NA). Throws for zero variance or weights without links.
MoranResult morans_i(const Eigen::VectorXd& y, const SpatialWeights& w, int p_tails = 2);

struct GearyResult {
  double C, EC, VC_norm, seC_norm, z_norm, p_norm, VC_rand, seC_rand, z_rand, p_rand;
};

// Geary's C (Geary 1954; Cliff & Ord 1981): C = (n-1) sum_ij w_ij (y_i - y_j)^2 / (2 S0 sum z^2);
// EC = 1; VC_norm = ((2 S1 + S2)(n-1) - 4 S0^2) / (2 (n+1) S0^2);
// VC_rand = [(n-1) S1 (n^2-3n+3-(n-1) b2) - (n-1) S2 (n^2+3n-6-(n^2-n+2) b2) / 4
//            + S0^2 (n^2-3-(n-1)^2 b2)] / (n (n-2)(n-3) S0^2).
GearyResult gearys_c(const Eigen::VectorXd& y, const SpatialWeights& w, int p_tails = 1);

struct GetisOrdResult {
  double G, EG, VG, z_norm, p_norm;
};

// General G of Getis & Ord (1992): G = sum_(i!=j) w_ij y_i y_j / sum_(i!=j) y_i y_j;
// EG = S0 / (n(n-1)); VG = E[G^2] - EG^2 with E[G^2] from the paper's b0..b4 coefficients.
// Meant for y >= 0 and binary weights (PySAL forces binary; here the caller decides).
GetisOrdResult getis_ord_g(const Eigen::VectorXd& y, const SpatialWeights& w, int p_tails = 1);

// Pseudo p-value from a permutation distribution, folded (PySAL):
//   (min(#{sim >= obs}, P - #{sim >= obs}) + 1) / (P + 1).
double folded_p_value(int64_t larger, int64_t permutations);

struct PermutationTest {
  double observed, p_sim, mean_sim, sd_sim, z_sim, p_z_sim;
};

// Permutation inference for the three global statistics: y is randomly permuted over the
// regions `permutations` times (each permutation its own random stream of `seed`, so the
// result is the same for any number of threads) and the statistics recomputed.
struct GlobalPermutations {
  PermutationTest moran, geary, getis_ord;
};
GlobalPermutations global_permutation_test(const Eigen::VectorXd& y, const SpatialWeights& w_moran,
                                           const SpatialWeights& w_geary,
                                           const SpatialWeights& w_getis_ord, int permutations,
                                           uint64_t seed);

}  // namespace agglo
