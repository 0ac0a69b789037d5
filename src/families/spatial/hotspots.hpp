// Hot-spot analysis of one regional variable: local Moran clusters (LISA) and Getis-Ord G_i*
// hot and cold spots with conditional-permutation p-values, as used by the `hotspots` measure
// and the hot-spot section of `agglo profile`.
#pragma once

#include <cstdint>
#include <string>
#include <vector>

#include <Eigen/Core>

#include "families/spatial/local_autocorrelation.hpp"
#include "families/spatial/weights.hpp"

namespace agglo {

struct HotspotOptions {
  int permutations = 999;
  uint64_t seed = 12345;
  double alpha = 0.05;  // significance level of the (adjusted) pseudo p-values
  MultipleTesting multiple_testing = MultipleTesting::None;
};

struct HotspotResult {
  LocalMoranResult moran;  // on the row-standardised weights
  LocalGResult gstar;      // on the binary weights with self weight 1
  std::vector<double> moran_p, moran_p_adjusted, gstar_p, gstar_p_adjusted;  // NA for islands
  std::vector<std::string> quadrant;  // HH, LH, LL, HL; "" for an island
  std::vector<std::string> cluster;   // quadrant where moran_p_adjusted <= alpha, else "ns"
  std::vector<std::string> hotspot;   // "hot" (G_i* z > 0) / "cold" where gstar_p_adjusted
                                      // <= alpha, else "ns"
};

// LISA cluster map and G_i* hot spots (Anselin 1995; Ord & Getis 1995):
//   I_i = (n-1) z_i sum_j w_ij z_j / sum_k z_k^2 on row-standardised w;
//   G_i* = sum_j w*_ij y_j / sum_j y_j on binary w* with w*_ii = 1;
// both tested by the same conditional permutations (p_sim folded), adjusted per
// `multiple_testing`; cluster = the Moran quadrant of a region with p <= alpha.
// `w` holds the contiguity (or other) links; it is transformed here.
HotspotResult hotspot_analysis(const Eigen::VectorXd& y, const SpatialWeights& w,
                               const HotspotOptions& options = {});

}  // namespace agglo
