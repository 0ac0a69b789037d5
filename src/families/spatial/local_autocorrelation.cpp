#include "families/spatial/local_autocorrelation.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <numeric>

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

// Per thread, allocated once: `stamp[j] == epoch` marks region j as taken in the current draw
// (region i itself included), so a repeat costs one load instead of a scan; `pool` serves the
// shuffle of regions with many neighbours.
struct PermutationWorkspace {
  std::vector<uint32_t> stamp;
  uint32_t epoch = 0;
  std::vector<int> pool;
};

// P conditional permutations of region i (k neighbours) for NS statistics that share the
// draws. The draws depend only on (seed, i), so groups of statistics run separately still see
// the same draws. Uniform: every statistic has equal weights on i's neighbours (row-standardised
// or binary weights), so the weight moves out of the sum.
template <int NS, bool Uniform>
void permute_region(int i, int k, int n, int permutations, uint64_t seed, const StatRow* st,
                    PermutationWorkspace& ws, Tally* out) {
  CounterRng rng(seed, static_cast<uint64_t>(i));
  std::array<Tally, NS> tally{};
  std::array<double, NS> a, b, observed;
  std::array<const double*, NS> w, x;
  for (int s = 0; s < NS; ++s) {
    a[s] = st[s].a, b[s] = Uniform ? st[s].b * st[s].w[0] : st[s].b;
    observed[s] = st[s].observed, w[s] = st[s].w, x[s] = st[s].x;
  }
  auto add = [&](std::array<double, NS>& acc, int m, int j) {
    for (int s = 0; s < NS; ++s) acc[s] += Uniform ? x[s][j] : w[s][m] * x[s][j];
  };
  auto count = [&](const std::array<double, NS>& acc) {
    for (int s = 0; s < NS; ++s) {
      const double t = a[s] + b[s] * acc[s];
      tally[s].larger += t >= observed[s];
      tally[s].sum += t;
      tally[s].sumsq += t * t;
    }
  };
  if (4 * static_cast<int64_t>(k) <= n) {
    // Few neighbours among many regions: draw and reject repeats (rare).
    uint32_t* const stamp = ws.stamp.data();
    const auto range = static_cast<uint32_t>(n);
    const uint32_t bias_floor = static_cast<uint32_t>(-range) % range;  // 2^32 mod n
    for (int p = 0; p < permutations; ++p) {
      if (ws.epoch == UINT32_MAX) std::fill(ws.stamp.begin(), ws.stamp.end(), ws.epoch = 0);
      const uint32_t epoch = ++ws.epoch;
      stamp[i] = epoch;
      std::array<double, NS> acc{};
      // Two 32-bit draws per random word (Lemire's multiply-shift; a biased or repeated draw
      // is skipped and the next one taken).
      for (int m = 0; m < k;) {
        uint64_t bits = rng.next();
        for (int half = 0; half < 2 && m < k; ++half, bits >>= 32) {
          const uint64_t product = (bits & 0xFFFFFFFFULL) * range;
          if (static_cast<uint32_t>(product) < bias_floor) continue;
          const auto j = static_cast<uint32_t>(product >> 32);
          if (stamp[j] == epoch) continue;
          stamp[j] = epoch;
          add(acc, m++, static_cast<int>(j));
        }
      }
      count(acc);
    }
  } else {
    // Many neighbours: a partial Fisher-Yates shuffle of the n - 1 other regions, reset per
    // region for determinism.
    ws.pool.resize(static_cast<size_t>(n - 1));
    std::iota(ws.pool.begin(), ws.pool.end(), 0);
    int* const pool = ws.pool.data();
    for (int p = 0; p < permutations; ++p) {
      std::array<double, NS> acc{};
      for (int m = 0; m < k; ++m) {
        const uint32_t r = m + rng.below(static_cast<uint32_t>(n - 1 - m));
        std::swap(pool[m], pool[r]);
        add(acc, m, pool[m] + (pool[m] >= i));  // skip region i itself
      }
      count(acc);
    }
  }
  std::copy(tally.begin(), tally.end(), out);
}

bool uniform_weights(const double* w, int k) {
  return std::all_of(w, w + k, [&](double v) { return v == w[0]; });
}

template <int NS>
void permute_region(int i, int k, int n, int permutations, uint64_t seed, const StatRow* st,
                    PermutationWorkspace& ws, Tally* out) {
  bool uniform = true;
  for (int s = 0; s < NS; ++s) uniform = uniform && uniform_weights(st[s].w, k);
  if (uniform)
    permute_region<NS, true>(i, k, n, permutations, seed, st, ws, out);
  else
    permute_region<NS, false>(i, k, n, permutations, seed, st, ws, out);
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
#pragma omp parallel
  {
    PermutationWorkspace ws;
    ws.stamp.assign(static_cast<size_t>(n), 0);
    std::vector<StatRow> st(ns);
    std::vector<Tally> tally(ns);
#pragma omp for schedule(dynamic, 16)
    for (int i = 0; i < n; ++i) {
      const int begin = rows.offsets[i];
      const int k = rows.offsets[i + 1] - begin;
      if (k == 0) continue;
      for (size_t s = 0; s < ns; ++s)
        st[s] = {rows.weights[s].data() + begin, stats[s].x.data(), stats[s].a(i), stats[s].b(i),
                 stats[s].observed(i)};
      // Two statistics at a time keep the accumulators in registers.
      for (size_t s = 0; s < ns; s += 2) {
        if (ns - s >= 2)
          permute_region<2>(i, k, n, permutations, seed, &st[s], ws, &tally[s]);
        else
          permute_region<1>(i, k, n, permutations, seed, &st[s], ws, &tally[s]);
      }
      for (size_t s = 0; s < ns; ++s) {
        if (std::isnan(stats[s].observed(i))) continue;
        const double mean = tally[s].sum / permutations;
        const double sd = std::sqrt(std::max(0.0, tally[s].sumsq / permutations - mean * mean));
        out[s].p_sim(i) = folded_p_value(tally[s].larger, permutations);
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
