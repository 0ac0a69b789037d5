#include "families/spatial/global_autocorrelation.hpp"

#include <algorithm>
#include <cmath>
#include <numeric>

#include <fmt/format.h>

#include "core/error.hpp"
#include "core/table.hpp"
#include "families/spatial/random.hpp"

namespace agglo {

WeightConstants weight_constants(const SpatialWeights& w) {
  const int n = w.n();
  WeightConstants c;
  std::vector<double> row(n, 0.0), col(n, 0.0);
  // w_ji by binary search in row j (rows are sorted by neighbour index).
  auto transposed = [&w](int i, int j) -> std::pair<bool, double> {
    const auto b = w.neighbours.begin() + w.offsets[j], e = w.neighbours.begin() + w.offsets[j + 1];
    const auto it = std::lower_bound(b, e, i);
    if (it == e || *it != i) return {false, 0.0};
    return {true, w.weights[it - w.neighbours.begin()]};
  };
  double ordered_sum = 0;  // sum over ordered pairs of (w_ij + w_ji)^2
  for (int i = 0; i < n; ++i)
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      const int j = w.neighbours[k];
      const auto [linked_back, wji] = transposed(i, j);
      const double wij = w.weights[k];
      c.s0 += wij;
      row[i] += wij;
      col[j] += wij;
      ordered_sum += (wij + wji) * (wij + wji);
      if (!linked_back) ordered_sum += wij * wij;  // the ordered pair (j, i), absent from the list
    }
  c.s1 = ordered_sum / 2;
  for (int i = 0; i < n; ++i) c.s2 += (row[i] + col[i]) * (row[i] + col[i]);
  return c;
}

double normal_p_value(double z, int tails) {
  if (std::isnan(z)) return NA;
  return tails * 0.5 * std::erfc(std::abs(z) / std::sqrt(2.0));
}

namespace {

void check_input(const Eigen::VectorXd& y, const SpatialWeights& w, const char* what) {
  if (y.size() != w.n())
    throw Error(fmt::format("{}: {} values for {} regions of the weights", what, y.size(), w.n()));
  if (y.size() < 3) throw Error(fmt::format("{} needs at least 3 regions, got {}", what, y.size()));
  if (!y.allFinite()) throw Error(fmt::format("{}: the variable has missing values", what));
  if (w.links() == 0)
    throw Error(fmt::format("{}: the weights have no links (every region is an island)", what));
  if ((y.array() == y(0)).all())
    throw Error(fmt::format(
        "{}: the variable has zero variance (every region has {}); autocorrelation is undefined",
        what, format_number(y(0))));
}

double sqrt_or_na(double v) {
  return v >= 0 ? std::sqrt(v) : NA;
}

// sum_i a_i sum_j w_ij b_j
double cross_product(const SpatialWeights& w, const double* a, const double* b) {
  double s = 0;
  for (int i = 0; i < w.n(); ++i) {
    double lag = 0;
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) lag += w.weights[k] * b[w.neighbours[k]];
    s += a[i] * lag;
  }
  return s;
}

double geary_numerator(const SpatialWeights& w, const double* y) {
  double s = 0;
  for (int i = 0; i < w.n(); ++i)
    for (int k = w.offsets[i]; k < w.offsets[i + 1]; ++k) {
      const double d = y[i] - y[w.neighbours[k]];
      s += w.weights[k] * d * d;
    }
  return s;
}

}  // namespace

MoranResult morans_i(const Eigen::VectorXd& y, const SpatialWeights& w, int p_tails) {
  check_input(y, w, "Moran's I");
  const double n = static_cast<double>(y.size());
  const Eigen::VectorXd z = y.array() - y.mean();
  const double z2 = z.squaredNorm(), z4 = z.array().pow(4).sum();
  const WeightConstants c = weight_constants(w);
  const double s02 = c.s0 * c.s0, n2 = n * n;
  MoranResult r;
  r.constants = c;
  r.I = n / c.s0 * cross_product(w, z.data(), z.data()) / z2;
  r.EI = -1.0 / (n - 1);
  r.VI_norm = (n2 * c.s1 - n * c.s2 + 3 * s02) / ((n - 1) * (n + 1) * s02) - r.EI * r.EI;
  const double b2 = n * z4 / (z2 * z2);
  r.VI_rand = n < 4 ? NA
                    : (n * ((n2 - 3 * n + 3) * c.s1 - n * c.s2 + 3 * s02) -
                       b2 * ((n2 - n) * c.s1 - 2 * n * c.s2 + 6 * s02)) /
                              ((n - 1) * (n - 2) * (n - 3) * s02) -
                          r.EI * r.EI;
  r.seI_norm = sqrt_or_na(r.VI_norm);
  r.seI_rand = sqrt_or_na(r.VI_rand);
  r.z_norm = (r.I - r.EI) / r.seI_norm;
  r.z_rand = (r.I - r.EI) / r.seI_rand;
  r.p_norm = normal_p_value(r.z_norm, p_tails);
  r.p_rand = normal_p_value(r.z_rand, p_tails);
  return r;
}

GearyResult gearys_c(const Eigen::VectorXd& y, const SpatialWeights& w, int p_tails) {
  check_input(y, w, "Geary's C");
  const double n = static_cast<double>(y.size());
  const Eigen::VectorXd z = y.array() - y.mean();
  const double z2 = z.squaredNorm(), z4 = z.array().pow(4).sum();
  const WeightConstants c = weight_constants(w);
  const double s02 = c.s0 * c.s0, n2 = n * n;
  const double b2 = (z4 / n) / ((z2 / n) * (z2 / n));
  GearyResult r;
  r.C = (n - 1) * geary_numerator(w, y.data()) / (2 * c.s0 * z2);
  r.EC = 1.0;
  r.VC_norm = ((2 * c.s1 + c.s2) * (n - 1) - 4 * s02) / (2 * (n + 1) * s02);
  const double A = (n - 1) * c.s1 * (n2 - 3 * n + 3 - (n - 1) * b2);
  const double B = 0.25 * ((n - 1) * c.s2 * (n2 + 3 * n - 6 - (n2 - n + 2) * b2));
  const double C = s02 * (n2 - 3 - (n - 1) * (n - 1) * b2);
  r.VC_rand = n < 4 ? NA : (A - B + C) / (n * (n - 2) * (n - 3) * s02);
  r.seC_norm = sqrt_or_na(r.VC_norm);
  r.seC_rand = sqrt_or_na(r.VC_rand);
  r.z_norm = (r.C - r.EC) / r.seC_norm;
  r.z_rand = (r.C - r.EC) / r.seC_rand;
  r.p_norm = normal_p_value(r.z_norm, p_tails);
  r.p_rand = normal_p_value(r.z_rand, p_tails);
  return r;
}

GetisOrdResult getis_ord_g(const Eigen::VectorXd& y, const SpatialWeights& w, int p_tails) {
  check_input(y, w, "Getis-Ord G");
  const double n = static_cast<double>(y.size());
  const WeightConstants c = weight_constants(w);
  const double s02 = c.s0 * c.s0, n2 = n * n;
  const double sy = y.sum(), sy2 = y.squaredNorm(), sy3 = y.array().pow(3).sum(),
               sy4 = y.array().pow(4).sum();
  const double den = sy * sy - sy2;
  if (den == 0) throw Error("Getis-Ord G: sum_(i!=j) y_i y_j is 0; the statistic is undefined");
  GetisOrdResult r;
  r.G = cross_product(w, y.data(), y.data()) / den;
  r.EG = c.s0 / (n * (n - 1));
  const double b0 = (n2 - 3 * n + 3) * c.s1 - n * c.s2 + 3 * s02;
  const double b1 = -((n2 - n) * c.s1 - 2 * n * c.s2 + 6 * s02);
  const double b2 = -(2 * n * c.s1 - (n + 3) * c.s2 + 6 * s02);
  const double b3 = 4 * (n - 1) * c.s1 - 2 * (n + 1) * c.s2 + 8 * s02;
  const double b4 = c.s1 - c.s2 + s02;
  const double eg2 =
      (b0 * sy2 * sy2 + b1 * sy4 + b2 * sy * sy * sy2 + b3 * sy * sy3 + b4 * std::pow(sy, 4)) /
      (den * den * n * (n - 1) * (n - 2) * (n - 3));
  r.VG = n < 4 ? NA : eg2 - r.EG * r.EG;
  r.z_norm = (r.G - r.EG) / sqrt_or_na(r.VG);
  r.p_norm = normal_p_value(r.z_norm, p_tails);
  return r;
}

double folded_p_value(int64_t larger, int64_t permutations) {
  return static_cast<double>(std::min(larger, permutations - larger) + 1) /
         static_cast<double>(permutations + 1);
}

namespace {

PermutationTest summarise(double observed, const std::vector<double>& sims) {
  PermutationTest t;
  t.observed = observed;
  const double P = static_cast<double>(sims.size());
  int64_t larger = 0;
  double sum = 0;
  for (double s : sims) larger += s >= observed, sum += s;
  t.mean_sim = sum / P;
  double ss = 0;
  for (double s : sims) ss += (s - t.mean_sim) * (s - t.mean_sim);
  t.sd_sim = std::sqrt(ss / P);
  t.p_sim = folded_p_value(larger, static_cast<int64_t>(sims.size()));
  t.z_sim = t.sd_sim > 0 ? (observed - t.mean_sim) / t.sd_sim : NA;
  t.p_z_sim = normal_p_value(t.z_sim, 1);
  return t;
}

}  // namespace

GlobalPermutations global_permutation_test(const Eigen::VectorXd& y, const SpatialWeights& w_moran,
                                           const SpatialWeights& w_geary,
                                           const SpatialWeights& w_getis_ord, int permutations,
                                           uint64_t seed) {
  if (permutations < 1) throw UsageError("permutations must be at least 1");
  const MoranResult mi = morans_i(y, w_moran);
  const GearyResult gc = gearys_c(y, w_geary);
  const GetisOrdResult go = getis_ord_g(y, w_getis_ord);
  const int n = static_cast<int>(y.size());
  const Eigen::VectorXd z = y.array() - y.mean();
  const double z2 = z.squaredNorm();
  const double s0_moran = weight_constants(w_moran).s0, s0_geary = weight_constants(w_geary).s0;
  const double g_den = y.sum() * y.sum() - y.squaredNorm();
  std::vector<double> moran(permutations), geary(permutations), getis(permutations);
#pragma omp parallel
  {
    std::vector<double> yp(n), zp(n);
#pragma omp for schedule(static)
    for (int p = 0; p < permutations; ++p) {
      StreamRng rng(seed, static_cast<uint64_t>(p));
      std::vector<int> order(n);
      std::iota(order.begin(), order.end(), 0);
      for (int k = n - 1; k > 0; --k)
        std::swap(order[k], order[rng.below(static_cast<uint32_t>(k + 1))]);
      for (int k = 0; k < n; ++k) yp[k] = y(order[k]), zp[k] = z(order[k]);
      moran[p] = n / s0_moran * cross_product(w_moran, zp.data(), zp.data()) / z2;
      geary[p] = (n - 1) * geary_numerator(w_geary, yp.data()) / (2 * s0_geary * z2);
      getis[p] = cross_product(w_getis_ord, yp.data(), yp.data()) / g_den;
    }
  }
  return {summarise(mi.I, moran), summarise(gc.C, geary), summarise(go.G, getis)};
}

}  // namespace agglo
