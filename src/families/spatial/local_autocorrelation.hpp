// Local indicators of spatial association: local Moran's I_i (LISA) with quadrants and
// analytic moments, local Getis-Ord G_i and G_i*, conditional-permutation pseudo p-values and
// multiple-testing adjustments. Regions without neighbours (islands) get NA, never a number.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/spatial/weights.hpp"

namespace agglo {

enum class LocalMoranScaling {
  NMinus1,  // I_i = (n-1) z_i lag_i / sum_k z_k^2 (PySAL esda; spdep mlvar = FALSE)
  N,        // I_i = z_i lag_i / m2, m2 = sum_k z_k^2 / n (Anselin 1995; GeoDa; spdep default)
};

// Moran scatterplot quadrants (PySAL codes) and LISA cluster codes (GeoDa's map codes).
enum Quadrant { HH = 1, LH = 2, LL = 3, HL = 4 };
int geoda_cluster_code(int quadrant);     // HH 1, LL 2, LH 3, HL 4
const char* quadrant_name(int quadrant);  // "HH", "LH", "LL", "HL"

struct LocalMoranResult {
  Eigen::VectorXd Is, z, lag_z;  // z = standardised y (population sd), lag_z = sum_j w_ij z_j
  std::vector<int> quadrant;     // 0 for an island
  Eigen::VectorXd EI, VI;        // total randomisation (Sokal, Oden & Thomson 1998, A3/A4*)
  Eigen::VectorXd EIc, VIc;      // conditional randomisation (Sokal et al. 1998, A7/A8)
};

// Local Moran (Anselin 1995): I_i = c z_i sum_j w_ij z_j, c per `scaling`. Quadrant: HH if
// z_i > 0 and lag_i > 0, LH if z_i <= 0 < lag_i, LL if both <= 0, HL if z_i > 0 >= lag_i.
// Moments of z_i lag_i / m2 (w_i = sum_j w_ij, w_i2 = sum_j w_ij^2, b2 = m4 / m2^2):
//   EI_i = -w_i/(n-1); VI_i = w_i2 (n - b2)/(n-1) + (w_i^2 - w_i2)(2 b2 - n)/((n-1)(n-2)) - EI_i^2
//   EIc_i = -z_i^2 w_i / ((n-1) m2);
//   VIc_i = (z_i/m2)^2 n/(n-2) (w_i2 - w_i^2/(n-1)) (m2 - z_i^2/(n-1)).
// (b2 uses the sum of z^4 over all regions; esda 2.5.1 wrongly used z_i^4 per region.)
LocalMoranResult local_moran(const Eigen::VectorXd& y, const SpatialWeights& w,
                             LocalMoranScaling scaling = LocalMoranScaling::NMinus1);

enum class LocalGVariance {
  BinaryFormula,  // W_i (N - W_i) as in the binary case, also for other weights (esda)
  General,        // N S1_i - W_i^2 with S1_i = sum_j w_ij^2 (Ord & Getis 1995)
};

struct LocalGResult {
  Eigen::VectorXd G, EG, VG, z, p_norm;
};

// Local G_i (Getis & Ord 1992; Ord & Getis 1995): G_i = sum_(j!=i) w_ij y_j / sum_(j!=i) y_j,
// N = n - 1, mean and population variance s2 of the y_j, j != i; G_i* (star): the weights
// carry a self weight w_ii and sums run over all j, N = n.
// EG_i = W_i / N (W_i = sum_j w_ij); VG_i = V_i / ((N - 1) N^2) * s2 / ybar^2 with V_i per
// `variance`; z_i = (G_i - EG_i)/sqrt(VG_i); p_norm = P(Z > |z_i|) x tails.
// For G_i* pass weights that already hold the self weight (with_self_weight), then transformed.
LocalGResult local_getis_ord(const Eigen::VectorXd& y, const SpatialWeights& w, bool star,
                             LocalGVariance variance = LocalGVariance::BinaryFormula,
                             int p_tails = 1);

// A local statistic that is affine in the weighted sum of the neighbours' values:
//   T_i = a_i + b_i sum_j w_ij x_j  (j over the neighbours of i, without i itself).
// Local Moran, G_i and G_i* all have this form, so one conditional-permutation engine serves.
struct AffineLocalStatistic {
  const SpatialWeights* w = nullptr;  // neighbours (self links are ignored) and weights
  Eigen::VectorXd x, a, b, observed;
};

struct LocalPermutationResult {
  Eigen::VectorXd p_sim, mean_sim, sd_sim, z_sim, p_z_sim;  // NA for islands
};

// Conditional permutation (Anselin 1995): region i keeps its value, its k_i neighbours get k_i
// values drawn without replacement from the other n - 1 regions; p_sim is folded:
// (min(#{T >= obs}, P - #{T >= obs}) + 1)/(P + 1). As in PySAL esda, permutation q draws one
// vector of max_i k_i distinct indices of the n - 1 others, shared by all regions and all
// statistics (region i takes its first k_i; each region's test is exact, the regions' p-values
// are correlated). Each permutation has its own counter-based random stream of (`seed`, q),
// so the result is the same whatever the number of threads. Runs on all cores (OpenMP).
std::vector<LocalPermutationResult> conditional_permutation_test(
    const std::vector<AffineLocalStatistic>& statistics, int permutations, uint64_t seed);

// The affine forms of the three local statistics (same weights as their analytic versions).
AffineLocalStatistic local_moran_affine(const Eigen::VectorXd& y, const SpatialWeights& w,
                                        LocalMoranScaling scaling = LocalMoranScaling::NMinus1);
AffineLocalStatistic local_g_affine(const Eigen::VectorXd& y, const SpatialWeights& w, bool star);

enum class MultipleTesting { None, Bonferroni, FalseDiscoveryRate };

// Adjusted p-values: Bonferroni min(1, m p); false discovery rate by the Benjamini-Hochberg
// (1995) step-up rule, p_(k) m / k made monotone. m counts the non-NA p-values; NA stays NA.
std::vector<double> adjust_p_values(const std::vector<double>& p, MultipleTesting method);

}  // namespace agglo
