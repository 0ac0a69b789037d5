// The conditional-permutation engine: determinism across threads and statistic groups, and
// the permutation moments against the analytic conditional-randomisation moments.
#include <gtest/gtest.h>
#include <omp.h>

#include <cmath>
#include <cstring>

#include <fmt/format.h>

#include "families/spatial/local_autocorrelation.hpp"
#include "families/spatial/weights.hpp"

namespace agglo {
namespace {

// Symmetric links of n regions with varied cardinalities: region 0 is a hub linked to
// 1..hub, the others form a ring 1..n-2 with a chord from every third region; region n - 1
// is an island. Link weights 1 + (i + j) % 3 (not uniform).
SpatialWeights mixed_graph(int n, int hub) {
  std::vector<std::string> ids;
  std::vector<std::vector<std::pair<int, double>>> rows(static_cast<size_t>(n));
  auto link = [&rows](int i, int j) {
    for (const auto& [k, v] : rows[i])
      if (k == j) return;
    rows[i].emplace_back(j, 1.0 + (i + j) % 3);
    rows[j].emplace_back(i, 1.0 + (i + j) % 3);
  };
  const int ring = n - 2;  // regions 1..n-2
  for (int r = 1; r <= hub; ++r) link(0, r);
  for (int r = 1; r <= ring; ++r) {
    link(r, r % ring + 1);
    if (r % 3 == 0) link(r, (r + 6) % ring + 1);
  }
  for (int i = 0; i < n; ++i) ids.push_back(fmt::format("r{}", i));
  return SpatialWeights::from_lists(ids, rows);
}

Eigen::VectorXd values(int n) {
  Eigen::VectorXd y(n);
  for (int i = 0; i < n; ++i) y(i) = 3 + std::sin(1.3 * i) + 0.1 * (i % 7);
  return y;
}

bool same_bits(const Eigen::VectorXd& a, const Eigen::VectorXd& b) {
  return a.size() == b.size() &&
         std::memcmp(a.data(), b.data(), sizeof(double) * static_cast<size_t>(a.size())) == 0;
}

void expect_same_bits(const LocalPermutationResult& a, const LocalPermutationResult& b) {
  EXPECT_TRUE(same_bits(a.p_sim, b.p_sim));
  EXPECT_TRUE(same_bits(a.mean_sim, b.mean_sim));
  EXPECT_TRUE(same_bits(a.sd_sim, b.sd_sim));
  EXPECT_TRUE(same_bits(a.z_sim, b.z_sim));
}

TEST(LocalAutocorrelation, PermutationsDoNotDependOnThreads) {
  // Non-uniform (Moran, row-standardised), uniform (G, G*), k from 2 to 20 (the unrolled and
  // the run-time kernels), an island, and statistics in a pair and alone.
  const int n = 40;
  const SpatialWeights w = mixed_graph(n, 20);
  const Eigen::VectorXd y = values(n);
  const SpatialWeights wb = binary_weights(w), row = row_standardised(w);
  const SpatialWeights star = with_self_weight(wb, 1.0);
  const std::vector<AffineLocalStatistic> stats = {
      local_moran_affine(y, row), local_g_affine(y, wb, false), local_g_affine(y, star, true)};
  const int saved = omp_get_max_threads();
  omp_set_num_threads(1);
  const auto one = conditional_permutation_test(stats, 999, 42);
  for (int threads : {2, 3, 4}) {
    omp_set_num_threads(threads);
    const auto many = conditional_permutation_test(stats, 999, 42);
    for (size_t s = 0; s < stats.size(); ++s) expect_same_bits(one[s], many[s]);
  }
  omp_set_num_threads(saved);
  for (size_t s = 0; s < stats.size(); ++s) {
    EXPECT_TRUE(std::isnan(one[s].p_sim(n - 1)));  // the island
    for (int i = 0; i + 1 < n; ++i) {
      EXPECT_GE(one[s].p_sim(i), 1.0 / 1000);
      EXPECT_LE(one[s].p_sim(i), 0.5);
    }
  }
  const auto other_seed = conditional_permutation_test(stats, 999, 43);
  EXPECT_NE(one[0].mean_sim.head(n - 1), other_seed[0].mean_sim.head(n - 1));
}

TEST(ConditionalPermutation, DrawsDependOnlyOnSeedAndPermutation) {
  // The draws are shared by all statistics: a statistic run alone or in a group sees the same.
  const int n = 30;
  const SpatialWeights w = mixed_graph(n, 14);
  const Eigen::VectorXd y = values(n);
  // The statistics point to their weights: keep them alive.
  const SpatialWeights wb = binary_weights(w), row = row_standardised(w);
  const SpatialWeights wstar = with_self_weight(wb, 1.0);
  const auto moran = local_moran_affine(y, row);
  const auto g = local_g_affine(y, wb, false);
  const auto star = local_g_affine(y, wstar, true);
  const auto group = conditional_permutation_test({moran, g, star}, 499, 5);
  const auto alone = conditional_permutation_test({star}, 499, 5);
  expect_same_bits(group[2], alone[0]);
  const auto g_again = conditional_permutation_test({g}, 499, 5);
  expect_same_bits(group[1], g_again[0]);
}

TEST(ConditionalPermutation, MomentsMatchConditionalRandomisation) {
  // k_i values drawn without replacement from the other n - 1: the permutation mean and
  // variance of z_i lag_i / m2 converge to EIc and VIc (Sokal, Oden & Thomson 1998). Drawing
  // i itself or a repeat would bias both.
  const int n = 25;
  const SpatialWeights w = row_standardised(mixed_graph(n, 12));
  Eigen::VectorXd y = values(n);
  y(3) = 40;  // an outlier makes drawing it (or region 3 drawing itself) visible
  const int permutations = 40000;
  const auto r = conditional_permutation_test({local_moran_affine(y, w, LocalMoranScaling::N)},
                                              permutations, 11)[0];
  const LocalMoranResult lm = local_moran(y, w, LocalMoranScaling::N);
  for (int i = 0; i + 1 < n; ++i) {
    const double se = std::sqrt(lm.VIc(i) / permutations);
    EXPECT_NEAR(r.mean_sim(i), lm.EIc(i), 5 * se) << "region " << i;
    EXPECT_NEAR(r.sd_sim(i) * r.sd_sim(i), lm.VIc(i), 0.06 * lm.VIc(i)) << "region " << i;
  }
}

}  // namespace
}  // namespace agglo
