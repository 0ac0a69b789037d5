#include "families/inequality_spatial/spatial_gini.hpp"

#include <algorithm>
#include <cmath>
#include <random>

namespace agglo::inequality {

namespace {

double neighbour_differences(const Eigen::VectorXd& x,
                             const std::vector<std::pair<Eigen::Index, Eigen::Index>>& pairs,
                             const std::vector<Eigen::Index>& at) {
  double sum = 0;
  for (const auto& [i, j] : pairs)
    sum += std::abs(x(at[static_cast<size_t>(i)]) - x(at[static_cast<size_t>(j)]));
  return 2.0 * sum;  // ordered pairs: i -> j and j -> i
}

}  // namespace

SpatialGini spatial_gini(const Eigen::VectorXd& x,
                         const std::vector<std::pair<Eigen::Index, Eigen::Index>>& pairs,
                         int permutations, uint64_t seed, std::string* why_na) {
  SpatialGini out;
  auto fail = [&](const char* why) {
    if (why_na) *why_na = why;
    return out;
  };
  const auto n = x.size();
  if (n < 2) return fail("the spatial Gini needs at least two regions");
  if ((x.array() < 0).any()) return fail("a value is negative");
  const double sum = x.sum();
  if (sum <= 0) return fail("the values sum to zero");

  // D = 2 sum_k (2k - n - 1) x_(k) over the sorted values (k = 1..n).
  std::vector<double> sorted(x.data(), x.data() + n);
  std::sort(sorted.begin(), sorted.end());
  double half_d = 0;
  for (Eigen::Index k = 0; k < n; ++k)
    half_d += static_cast<double>(2 * (k + 1) - n - 1) * sorted[static_cast<size_t>(k)];
  const double D = 2.0 * half_d;
  const double nn = static_cast<double>(n);
  const double scale = 2.0 * nn * nn * (sum / nn);

  std::vector<Eigen::Index> identity(static_cast<size_t>(n));
  for (Eigen::Index i = 0; i < n; ++i) identity[static_cast<size_t>(i)] = i;
  out.neighbour_pairs = static_cast<int64_t>(pairs.size());
  out.gini = D / scale;
  out.wg = neighbour_differences(x, pairs, identity);
  out.wcg = D - out.wg;
  out.wcg_share = out.wcg / scale;
  const double all_pairs = nn * (nn - 1.0) / 2.0;
  const double nb = static_cast<double>(pairs.size());
  if (out.wg <= 0 || nb >= all_pairs) {
    if (why_na)
      *why_na = out.wg <= 0 ? "polarization is NA: no difference between neighbours (wg = 0)"
                            : "polarization is NA: every pair of regions is a neighbour pair";
  } else {
    out.polarization = (out.wcg / out.wg) * (nb / (all_pairs - nb));
  }

  if (permutations > 0) {
    std::mt19937_64 rng(seed);
    std::vector<Eigen::Index> at = identity;
    double larger = 0, mean = 0, m2 = 0;
    for (int k = 0; k < permutations; ++k) {
      std::shuffle(at.begin(), at.end(), rng);
      const double wcg = D - neighbour_differences(x, pairs, at);
      if (wcg >= out.wcg) larger += 1;
      const double delta = wcg - mean;  // Welford's running mean and variance
      mean += delta / (k + 1);
      m2 += delta * (wcg - mean);
    }
    if (permutations - larger < larger) larger = permutations - larger;
    out.p_sim = (larger + 1.0) / (permutations + 1.0);
    out.e_wcg = mean;
    const double sd = std::sqrt(m2 / permutations);  // population SD, as numpy's std()
    out.z_wcg = sd > 0 ? (out.wcg - mean) / sd : NA;
  }
  return out;
}

}  // namespace agglo::inequality
