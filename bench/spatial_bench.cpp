// Spatial workload P4: local Moran with 9,999 conditional permutations on the ~3,230 US counties
// (queen contiguity, row-standardised). Data: $AGGLO_BENCH_DATA/p4 from the shared gen_p4.py
// (counties.csv, queen_edges.csv); without them the same weights are built here from the
// bundled us-atlas counties (GDAL TopoJSON, empty geometries dropped, sorted by FIPS, queen) and
// y = exp(N(0, 1)) is drawn with this program's own generator (the timing does not depend on y).
// Run: AGGLO_BENCH_DATA=DIR build/bench/agglo_bench --benchmark_filter=P4 (OMP_NUM_THREADS=1 for
// the single-core time); BM_TightPassReference_P4 is the floor without random draws.
#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <filesystem>
#include <numeric>
#include <random>

#include "bench_data.hpp"
#include "families/spatial/local_autocorrelation.hpp"
#include "families/spatial/weights.hpp"
#include "io/geo.hpp"
#include "io/text_table.hpp"

namespace {

struct P4 {
  agglo::SpatialWeights w;  // row-standardised
  Eigen::VectorXd y;
  std::string source;
};

// From the generator's files: counties.csv (idx, fips, name, y) and queen_edges.csv (i, j).
bool load_generated(P4& p) {
  const std::string dir = agglo::bench::data_dir() + "/p4/";
  if (!std::filesystem::exists(dir + "counties.csv") ||
      !std::filesystem::exists(dir + "queen_edges.csv"))
    return false;
  const agglo::TextTable c = agglo::read_text_table(dir + "counties.csv");
  const agglo::TextTable e = agglo::read_text_table(dir + "queen_edges.csv");
  const size_t n = c.rows();
  std::vector<std::string> ids(n);
  p.y.resize(static_cast<Eigen::Index>(n));
  for (size_t k = 0; k < n; ++k)
    ids[k] = c.text(k, c.column("fips")), p.y(k) = c.number(k, c.column("y"));
  std::vector<std::vector<std::pair<int, double>>> rows(n);
  for (size_t r = 0; r < e.rows(); ++r)
    rows[static_cast<size_t>(e.number(r, 0))].emplace_back(static_cast<int>(e.number(r, 1)), 1.0);
  p.w = agglo::row_standardised(agglo::SpatialWeights::from_lists(ids, rows));
  p.source = dir;
  return true;
}

bool build_from_boundaries(P4& p) {
  std::string path;
  for (const char* c :
       {"examples/boundaries/us/counties-10m.json", "../examples/boundaries/us/counties-10m.json",
        "../../examples/boundaries/us/counties-10m.json",
        "../shared/datasets/boundaries-us/counties-10m.json"})
    if (std::filesystem::exists(c)) {
      path = c;
      break;
    }
  if (path.empty()) return false;
  agglo::GeoReadOptions o;
  o.layer = "counties";
  o.validate = agglo::GeoReadOptions::Validation::Off;
  agglo::GeoLayer layer = agglo::read_geo_layer(path, o);
  std::sort(layer.features.begin(), layer.features.end(),
            [](const agglo::GeoFeature& a, const agglo::GeoFeature& b) { return a.id < b.id; });
  const auto w =
      agglo::contiguity_weights(layer.ids(), layer.geometries(), agglo::Contiguity::Queen);
  p.w = agglo::row_standardised(w);
  std::mt19937_64 rng(20261125);
  std::normal_distribution<double> normal(0.0, 1.0);
  p.y.resize(p.w.n());
  for (int i = 0; i < p.w.n(); ++i) p.y(i) = std::exp(normal(rng));
  p.source = path;
  return true;
}

const P4* workload() {
  static P4 p;
  static const bool ok = load_generated(p) || build_from_boundaries(p);
  return ok ? &p : nullptr;
}

void BM_LocalMoranPermutations_P4(benchmark::State& state) {
  const P4* p = workload();
  if (!p) {
    state.SkipWithError(
        "no P4 data: run gen_p4.py --out $AGGLO_BENCH_DATA, or run from the repository root");
    return;
  }
  const int permutations = static_cast<int>(state.range(0));
  for (auto _ : state) {
    const auto stat = agglo::local_moran_affine(p->y, p->w);
    const auto r = agglo::conditional_permutation_test({stat}, permutations, 12345);
    benchmark::DoNotOptimize(r[0].p_sim.data());
  }
  state.counters["regions"] = p->w.n();
  state.counters["links"] = static_cast<double>(p->w.links());
  state.SetLabel(p->source);
}
BENCHMARK(BM_LocalMoranPermutations_P4)->Arg(9999)->Unit(benchmark::kMillisecond)->UseRealTime();

// The floor to compare with: the same loops (regions x permutations x neighbours, on all
// cores) with the random draws taken from a precomputed table, i.e. only the gather, the sum
// and the count of one tight pass per permutation; no generator, no check for repeats. (The
// real path shares each permutation's draws across regions as esda does, so it also reads a
// table, but draws it inside the timed call and keeps the mean and sd besides the count.)
void BM_TightPassReference_P4(benchmark::State& state) {
  const P4* p = workload();
  if (!p) {
    state.SkipWithError("no P4 data");
    return;
  }
  const int permutations = static_cast<int>(state.range(0));
  const int n = p->w.n();
  int max_k = 0;
  for (int i = 0; i < n; ++i) max_k = std::max(max_k, p->w.cardinality(i));
  std::mt19937 rng(7);
  std::uniform_int_distribution<int> pick(0, n - 1);
  std::vector<int> table(static_cast<size_t>(permutations) * max_k);
  for (auto& v : table) v = pick(rng);
  const Eigen::VectorXd z =
      (p->y.array() - p->y.mean()) / std::sqrt((p->y.array() - p->y.mean()).square().mean());
  std::vector<int64_t> larger(n);
  for (auto _ : state) {
#pragma omp parallel for schedule(dynamic, 16)
    for (int i = 0; i < n; ++i) {
      const int k = p->w.cardinality(i);
      const double b = z(i) / k, observed = 0.0;
      int64_t count = 0;
      for (int q = 0; q < permutations; ++q) {
        const int* d = table.data() + static_cast<size_t>(q) * max_k;
        double acc = 0;
        for (int m = 0; m < k; ++m) acc += z(d[m]);
        count += b * acc >= observed;
      }
      larger[i] = count;
    }
    benchmark::DoNotOptimize(larger.data());
  }
}
BENCHMARK(BM_TightPassReference_P4)->Arg(9999)->Unit(benchmark::kMillisecond)->UseRealTime();

}  // namespace
