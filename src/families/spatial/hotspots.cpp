#include "families/spatial/hotspots.hpp"

#include <cmath>

namespace agglo {

HotspotResult hotspot_analysis(const Eigen::VectorXd& y, const SpatialWeights& w,
                               const HotspotOptions& options) {
  const SpatialWeights w_row = row_standardised(w);
  const SpatialWeights w_star = with_self_weight(binary_weights(w), 1.0);
  HotspotResult r;
  r.moran = local_moran(y, w_row);
  r.gstar = local_getis_ord(y, w_star, true);
  const auto perm =
      conditional_permutation_test({local_moran_affine(y, w_row), local_g_affine(y, w_star, true)},
                                   options.permutations, options.seed);
  const auto n = static_cast<size_t>(y.size());
  r.moran_p.assign(perm[0].p_sim.data(), perm[0].p_sim.data() + n);
  r.gstar_p.assign(perm[1].p_sim.data(), perm[1].p_sim.data() + n);
  r.moran_p_adjusted = adjust_p_values(r.moran_p, options.multiple_testing);
  r.gstar_p_adjusted = adjust_p_values(r.gstar_p, options.multiple_testing);
  for (size_t i = 0; i < n; ++i) {
    const int q = r.moran.quadrant[i];
    r.quadrant.push_back(quadrant_name(q));
    r.cluster.push_back(q && r.moran_p_adjusted[i] <= options.alpha ? quadrant_name(q) : "ns");
    const auto e = static_cast<Eigen::Index>(i);
    r.hotspot.push_back(!std::isnan(r.gstar_p_adjusted[i]) && r.gstar_p_adjusted[i] <= options.alpha
                            ? (r.gstar.z(e) > 0 ? "hot" : "cold")
                            : "ns");
  }
  return r;
}

}  // namespace agglo
