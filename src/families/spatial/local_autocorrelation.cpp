#include "families/spatial/local_autocorrelation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>
#include <utility>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/spatial/global_autocorrelation.hpp"
#include "families/spatial/random.hpp"

namespace agglo {

int geoda_cluster_code(int quadrant) {
  switch (quadrant) {
    case HH:
      return 1;
    case LL:
      return 2;
    case LH:
      return 3;
    case HL:
      return 4;
    default:
      return 0;
  }
}

const char* quadrant_name(int quadrant) {
  switch (quadrant) {
    case HH:
      return "HH";
    case LH:
      return "LH";
    case LL:
      return "LL";
    case HL:
      return "HL";
    default:
      return "";
  }
}

namespace {

void check_local_input(const Eigen::VectorXd& y, const SpatialWeights& w, const char* what) {
  if (y.size() != w.n())
    throw Error(fmt::format("{}: {} values for {} regions of the weights", what, y.size(), w.n()));
  if (y.size() < 3) throw Error(fmt::format("{} needs at least 3 regions, got {}", what, y.size()));
  if (!y.allFinite()) throw Error(fmt::format("{}: the variable has missing values", what));
  if ((y.array() == y(0)).all())
    throw Error(fmt::format(
        "{}: the variable has zero variance (every region has {}); the statistic is undefined",
        what, format_number(y(0))));
}

double moran_scale(LocalMoranScaling scaling, double n, double sum_z2) {
  return scaling == LocalMoranScaling::NMinus1 ? (n - 1) / sum_z2 : n / sum_z2;
}

Eigen::VectorXd standardised(const Eigen::VectorXd& y) {
  const Eigen::VectorXd d = y.array() - y.mean();
  return d / std::sqrt(d.squaredNorm() / static_cast<double>(y.size()));
}

}  // namespace

LocalMoranResult local_moran(const Eigen::VectorXd& y, const SpatialWeights& w,
                             LocalMoranScaling scaling) {
  check_local_input(y, w, "local Moran");
  const int n = w.n();
  const double dn = n;
  LocalMoranResult r;
  r.z = standardised(y);
  const double den = r.z.squaredNorm(), m2 = den / dn;
  const double b2 = (r.z.array().pow(4).sum() / dn) / (m2 * m2);
  const double c = moran_scale(scaling, dn, den);
  r.Is.resize(n), r.lag_z.resize(n), r.EI.resize(n), r.VI.resize(n), r.EIc.resize(n),
      r.VIc.resize(n);
  r.quadrant.assign(n, 0);
  for (int i = 0; i < n; ++i) {
    if (w.cardinality(i) == 0) {
      r.Is(i) = r.lag_z(i) = r.EI(i) = r.VI(i) = r.EIc(i) = r.VIc(i) = NA;
      continue;
    }
    double lag = 0, wi = 0, wi2 = 0;
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      lag += w.weights[k] * r.z(w.neighbours[k]);
      wi += w.weights[k];
      wi2 += w.weights[k] * w.weights[k];
    }
    const double zi = r.z(i);
    r.lag_z(i) = lag;
    r.Is(i) = c * zi * lag;
    r.quadrant[i] = zi > 0 ? (lag > 0 ? HH : HL) : (lag > 0 ? LH : LL);
    r.EI(i) = -wi / (dn - 1);
    r.VI(i) = wi2 * (dn - b2) / (dn - 1) + (wi * wi - wi2) * (2 * b2 - dn) / ((dn - 1) * (dn - 2)) -
              r.EI(i) * r.EI(i);
    r.EIc(i) = -(zi * zi * wi) / ((dn - 1) * m2);
    r.VIc(i) = (zi / m2) * (zi / m2) * (dn / (dn - 2)) * (wi2 - wi * wi / (dn - 1)) *
               (m2 - zi * zi / (dn - 1));
  }
  return r;
}

LocalGResult local_getis_ord(const Eigen::VectorXd& y, const SpatialWeights& w, bool star,
                             LocalGVariance variance, int p_tails) {
  check_local_input(y, w, star ? "local G*" : "local G");
  const int n = w.n();
  const double sy = y.sum(), sy2 = y.squaredNorm();
  LocalGResult r;
  for (auto* v : {&r.G, &r.EG, &r.VG, &r.z, &r.p_norm}) v->setConstant(n, NA);
  for (int i = 0; i < n; ++i) {
    double num = 0, W = 0, S1 = 0;
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      const int j = w.neighbours[k];
      if (j == i && !star) continue;
      num += w.weights[k] * y(j);
      W += w.weights[k];
      S1 += w.weights[k] * w.weights[k];
    }
    if (W == 0) continue;  // no neighbours: undefined
    const double N = star ? n : n - 1;
    const double total = star ? sy : sy - y(i);
    const double ybar = total / N;
    const double s2 = (star ? sy2 : sy2 - y(i) * y(i)) / N - ybar * ybar;
    if (total == 0) continue;
    const double V = variance == LocalGVariance::BinaryFormula ? W * (N - W) : N * S1 - W * W;
    r.G(i) = num / total;
    r.EG(i) = W / N;
    r.VG(i) = V / (N - 1) / (N * N) * s2 / (ybar * ybar);
    r.z(i) = r.VG(i) > 0 ? (r.G(i) - r.EG(i)) / std::sqrt(r.VG(i)) : NA;
    r.p_norm(i) = normal_p_value(r.z(i), p_tails);
  }
  return r;
}

AffineLocalStatistic local_moran_affine(const Eigen::VectorXd& y, const SpatialWeights& w,
                                        LocalMoranScaling scaling) {
  const LocalMoranResult lm = local_moran(y, w, scaling);
  AffineLocalStatistic s;
  s.w = &w;
  s.x = lm.z;
  s.a = Eigen::VectorXd::Zero(w.n());
  s.b = lm.z * moran_scale(scaling, w.n(), lm.z.squaredNorm());
  s.observed = lm.Is;
  return s;
}

AffineLocalStatistic local_g_affine(const Eigen::VectorXd& y, const SpatialWeights& w, bool star) {
  const LocalGResult g = local_getis_ord(y, w, star);
  AffineLocalStatistic s;
  s.w = &w;
  s.x = y;
  s.a = Eigen::VectorXd::Zero(w.n());
  s.b.resize(w.n());
  const double sy = y.sum();
  for (int i = 0; i < w.n(); ++i) {
    s.b(i) = 1.0 / (star ? sy : sy - y(i));
    if (star)
      for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k)
        if (w.neighbours[k] == i) s.a(i) = w.weights[k] * y(i) / sy;
  }
  s.observed = g.G;
  return s;
}

namespace {

// The neighbours of every region without self links, and each statistic's weights on them.
struct SharedRows {
  std::vector<int> offsets{0}, neighbours;
  std::vector<std::vector<double>> weights;  // per statistic, aligned with neighbours
};

SharedRows shared_rows(const std::vector<AffineLocalStatistic>& stats) {
  SharedRows rows;
  const SpatialWeights& w0 = *stats[0].w;
  rows.weights.resize(stats.size());
  for (int i = 0; i < w0.n(); ++i) {
    for (size_t s = 0; s < stats.size(); ++s) {
      const SpatialWeights& w = *stats[s].w;
      if (w.n() != w0.n())
        throw Error("conditional permutation: the statistics have different regions");
      size_t count = 0;
      for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
        if (w.neighbours[k] == i) continue;
        if (s == 0)
          rows.neighbours.push_back(w.neighbours[k]);
        else if (rows.offsets[i] + count >= rows.neighbours.size() ||
                 rows.neighbours[rows.offsets[i] + count] != w.neighbours[k])
          throw Error("conditional permutation: the statistics must have the same neighbours");
        rows.weights[s].push_back(w.weights[k]);
        ++count;
      }
      if (s > 0 && rows.offsets[i] + count != rows.neighbours.size())
        throw Error("conditional permutation: the statistics must have the same neighbours");
    }
    rows.offsets.push_back(static_cast<int>(rows.neighbours.size()));
  }
  return rows;
}

}  // namespace

namespace {

// One statistic's view of region i: its weights on the neighbours, the permuted variable and
// the affine form.
struct StatRow {
  const double* w;
  const double* x;
  double a, b, observed;
};

struct Tally {
  int64_t larger = 0;
  double sum = 0, sumsq = 0;
};

// The random draws of a block of permutations, shared by every region as in esda: permutation
// q holds `kmax` distinct indices of [0, n - 1), the first steps of a Fisher-Yates shuffle
// driven by the counter-based stream (seed, q) alone, so the draws do not depend on threads or
// on the block size. Region i takes the first k_i of them and reads index i as region n - 1
// (a bijection onto the other regions, so i itself is never drawn and no index is shifted).
struct DrawTable {
  int kmax = 0, rows = 0;       // rows = permutations per block
  std::vector<uint32_t> draws;  // row by row, kmax per permutation
};

// Fills permutation q's draws into row `row`. `pool` is the identity on [0, n - 1) on entry
// and on exit (the swaps are undone), so each permutation starts afresh.
void draw_permutation(uint64_t seed, int q, int row, int n, DrawTable& t, std::vector<int>& pool,
                      std::vector<uint32_t>& swapped) {
  CounterRng rng(seed, static_cast<uint64_t>(q));
  const auto others = static_cast<uint32_t>(n - 1);
  uint32_t* const out = t.draws.data() + static_cast<size_t>(row) * t.kmax;
  for (int m = 0; m < t.kmax; ++m) {
    const uint32_t r = m + rng.below(others - m);
    std::swap(pool[m], pool[r]);
    swapped[m] = r;
    out[m] = static_cast<uint32_t>(pool[m]);
  }
  for (int m = t.kmax; m-- > 0;) std::swap(pool[m], pool[swapped[m]]);
}

// Permutations [0, count) of the block for region i (k neighbours) and NS statistics that
// share the draws; `x` arrays hold x(n - 1) at position i (see DrawTable). Uniform: every
// statistic has equal weights on i's neighbours (row-standardised or binary weights), so the
// weight moves out of the sum. K > 0 is k known at compile time: the neighbour loop unrolls to
// one load and one add per draw (K = 0: k at run time). Every permutation sums its draws in
// order and tallies accumulate in permutation order, so all kernels give the same bits.
template <int NS, bool Uniform, int K>
void permute_block(int k_run, int count, const DrawTable& t, const StatRow* st, Tally* inout) {
  const int k = K > 0 ? K : k_run;
  std::array<Tally, NS> tally;
  std::array<double, NS> a, b, observed;
  std::array<const double*, NS> w, x;
  for (int s = 0; s < NS; ++s) {
    a[s] = st[s].a, b[s] = Uniform ? st[s].b * st[s].w[0] : st[s].b;
    observed[s] = st[s].observed, w[s] = st[s].w, x[s] = st[s].x, tally[s] = inout[s];
  }
  const uint32_t* d = t.draws.data();
  for (int q = 0; q < count; ++q, d += t.kmax) {
    std::array<double, NS> acc{};
    for (int m = 0; m < k; ++m)
      for (int s = 0; s < NS; ++s) acc[s] += Uniform ? x[s][d[m]] : w[s][m] * x[s][d[m]];
    for (int s = 0; s < NS; ++s) {
      const double v = a[s] + b[s] * acc[s];
      tally[s].larger += v >= observed[s];
      tally[s].sum += v;
      tally[s].sumsq += v * v;
    }
  }
  std::copy(tally.begin(), tally.end(), inout);
}

using BlockKernel = void (*)(int, int, const DrawTable&, const StatRow*, Tally*);

// Kernels for k = 0 (run time), 1, ..., 12: contiguity weights rarely have more neighbours.
template <int NS, bool Uniform, int... K>
constexpr std::array<BlockKernel, sizeof...(K)> block_kernels(std::integer_sequence<int, K...>) {
  return {&permute_block<NS, Uniform, K>...};
}

template <int NS, bool Uniform>
void permute_block(int k, int count, const DrawTable& t, const StatRow* st, Tally* inout) {
  static constexpr auto kernels = block_kernels<NS, Uniform>(std::make_integer_sequence<int, 13>());
  kernels[k < static_cast<int>(kernels.size()) ? k : 0](k, count, t, st, inout);
}

bool uniform_weights(const double* w, int k) {
  return std::all_of(w, w + k, [&](double v) { return v == w[0]; });
}

template <int NS>
void permute_block(int k, int count, const DrawTable& t, const StatRow* st, Tally* inout) {
  bool uniform = true;
  for (int s = 0; s < NS; ++s) uniform = uniform && uniform_weights(st[s].w, k);
  if (uniform)
    permute_block<NS, true>(k, count, t, st, inout);
  else
    permute_block<NS, false>(k, count, t, st, inout);
}

}  // namespace

std::vector<LocalPermutationResult> conditional_permutation_test(
    const std::vector<AffineLocalStatistic>& stats, int permutations, uint64_t seed) {
  if (stats.empty()) return {};
  if (permutations < 1) throw UsageError("permutations must be at least 1");
  const SharedRows rows = shared_rows(stats);
  const int n = stats[0].w->n();
  const size_t ns = stats.size();
  std::vector<LocalPermutationResult> out(ns);
  for (auto& o : out)
    for (auto* v : {&o.p_sim, &o.mean_sim, &o.sd_sim, &o.z_sim, &o.p_z_sim}) v->setConstant(n, NA);
  DrawTable table;
  for (int i = 0; i < n; ++i)
    table.kmax = std::max(table.kmax, rows.offsets[i + 1] - rows.offsets[i]);
  if (table.kmax == 0) return out;  // only islands
  // At most ~4 MB of draws at a time: P4 (9,999 x 14) fits in one block.
  constexpr size_t kTableEntries = size_t{1} << 20;
  table.rows = static_cast<int>(
      std::clamp<size_t>(kTableEntries / static_cast<size_t>(table.kmax), 1, permutations));
  table.draws.resize(static_cast<size_t>(table.kmax) * table.rows);
  std::vector<Tally> tallies(ns * static_cast<size_t>(n));  // region-major
#pragma omp parallel
  {
    std::vector<int> pool(static_cast<size_t>(n - 1));
    std::iota(pool.begin(), pool.end(), 0);
    std::vector<uint32_t> swapped(static_cast<size_t>(table.kmax));
    // Thread-local copies of the permuted variables: region i swaps in x(n - 1) at i.
    std::vector<std::vector<double>> x(ns);
    for (size_t s = 0; s < ns; ++s) x[s].assign(stats[s].x.data(), stats[s].x.data() + n);
    std::vector<StatRow> st(ns);
    for (int start = 0; start < permutations; start += table.rows) {
      const int count = std::min(table.rows, permutations - start);
#pragma omp for schedule(static)
      for (int q = 0; q < count; ++q) draw_permutation(seed, start + q, q, n, table, pool, swapped);
#pragma omp for schedule(dynamic, 16)
      for (int i = 0; i < n; ++i) {
        const int begin = rows.offsets[i];
        const int k = rows.offsets[i + 1] - begin;
        if (k == 0) continue;
        for (size_t s = 0; s < ns; ++s) {
          x[s][i] = stats[s].x(n - 1);
          st[s] = {rows.weights[s].data() + begin, x[s].data(), stats[s].a(i), stats[s].b(i),
                   stats[s].observed(i)};
        }
        Tally* tally = &tallies[static_cast<size_t>(i) * ns];
        // Two statistics at a time keep the accumulators in registers.
        for (size_t s = 0; s < ns; s += 2) {
          if (ns - s >= 2)
            permute_block<2>(k, count, table, &st[s], tally + s);
          else
            permute_block<1>(k, count, table, &st[s], tally + s);
        }
        for (size_t s = 0; s < ns; ++s) x[s][i] = stats[s].x(i);
      }
    }
#pragma omp for schedule(static)
    for (int i = 0; i < n; ++i) {
      if (rows.offsets[i + 1] == rows.offsets[i]) continue;
      for (size_t s = 0; s < ns; ++s) {
        if (std::isnan(stats[s].observed(i))) continue;
        const Tally& t = tallies[static_cast<size_t>(i) * ns + s];
        const double mean = t.sum / permutations;
        const double sd = std::sqrt(std::max(0.0, t.sumsq / permutations - mean * mean));
        out[s].p_sim(i) = folded_p_value(t.larger, permutations);
        out[s].mean_sim(i) = mean;
        out[s].sd_sim(i) = sd;
        out[s].z_sim(i) = sd > 0 ? (stats[s].observed(i) - mean) / sd : NA;
        out[s].p_z_sim(i) = normal_p_value(out[s].z_sim(i), 1);
      }
    }
  }
  return out;
}

std::vector<double> adjust_p_values(const std::vector<double>& p, MultipleTesting method) {
  std::vector<double> out = p;
  std::vector<size_t> idx;
  for (size_t k = 0; k < p.size(); ++k)
    if (!std::isnan(p[k])) idx.push_back(k);
  const double m = static_cast<double>(idx.size());
  if (method == MultipleTesting::Bonferroni) {
    for (size_t k : idx) out[k] = std::min(1.0, p[k] * m);
  } else if (method == MultipleTesting::FalseDiscoveryRate) {
    std::stable_sort(idx.begin(), idx.end(), [&p](size_t a, size_t b) { return p[a] < p[b]; });
    double running = 1.0;
    for (size_t r = idx.size(); r-- > 0;) {
      running = std::min(running, p[idx[r]] * m / static_cast<double>(r + 1));
      out[idx[r]] = running;
    }
  }
  return out;
}

}  // namespace agglo
