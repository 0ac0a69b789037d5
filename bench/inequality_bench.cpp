// Inequality workload on P1 (3200 regions x 1000 industries x 20 periods, in memory): Theil's
// between/within decomposition of the regional totals of every period over 50 synthetic region
// groups, group = (region_code - 10001) % 50, i.e. row % 50.
// Data: $AGGLO_BENCH_DATA/p1/panel_f64.bin from the shared gen_p1.py. P6: what
// `agglo theil-decomposition --industry industry` does after the parse of the 10-period CSV.
#include <benchmark/benchmark.h>

#include <fstream>
#include <string>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_data.hpp"
#include "families/inequality/theil.hpp"
#include "p1_panel.hpp"
#include "p6_panel.hpp"
#include "registry/regional_series.hpp"

namespace {

constexpr int kGroups = 50;

using P1 = agglo::bench::P1Panel;
const P1& p1() {
  return agglo::bench::p1_panel();
}

std::vector<int> synthetic_groups(Eigen::Index regions) {
  std::vector<int> group(static_cast<size_t>(regions));
  for (Eigen::Index r = 0; r < regions; ++r)
    group[static_cast<size_t>(r)] = static_cast<int>(r % kGroups);
  return group;
}

agglo::inequality::TheilIndex index_of(const benchmark::State& state) {
  return state.range(0) == 0 ? agglo::inequality::TheilIndex::T : agglo::inequality::TheilIndex::L;
}

// From the panel: regional totals of the period (a pass over its cells), then the decomposition.
void BM_P1_TheilDecompositionFromPanel(benchmark::State& state) {
  if (p1().periods.empty()) {
    state.SkipWithError(p1().error.c_str());
    return;
  }
  const auto index = index_of(state);
  state.SetLabel(index == agglo::inequality::TheilIndex::T ? "T" : "L");
  const std::vector<int> group = synthetic_groups(p1().periods.front().rows());
  for (auto _ : state) {
    for (const Eigen::MatrixXd& x : p1().periods) {
      const Eigen::VectorXd totals = x.rowwise().sum();
      const auto d = agglo::inequality::theil_decomposition(totals, group, kGroups, index);
      benchmark::DoNotOptimize(d.between.value);
    }
  }
  const double cells =
      static_cast<double>(p1().periods.size()) * static_cast<double>(p1().periods.front().size());
  state.counters["cells/s"] =
      benchmark::Counter(cells, benchmark::Counter::kIsIterationInvariantRate);
}

// The decomposition alone, on the 20 vectors of regional totals.
void BM_P1_TheilDecomposition(benchmark::State& state) {
  if (p1().periods.empty()) {
    state.SkipWithError(p1().error.c_str());
    return;
  }
  const auto index = index_of(state);
  state.SetLabel(index == agglo::inequality::TheilIndex::T ? "T" : "L");
  std::vector<Eigen::VectorXd> totals;
  for (const Eigen::MatrixXd& x : p1().periods) totals.emplace_back(x.rowwise().sum());
  const std::vector<int> group = synthetic_groups(totals.front().size());
  for (auto _ : state) {
    for (const Eigen::VectorXd& v : totals) {
      const auto d = agglo::inequality::theil_decomposition(v, group, kGroups, index);
      benchmark::DoNotOptimize(d.between.value);
    }
  }
}

// The regional totals of every period in one pass over the 12.8 M rows of the P6 panel, then
// Theil's T decomposed over the groups (region_code - 10001) % 50 in each of the 10 periods.
void BM_P6_TheilDecompositionFromPanel(benchmark::State& state) {
  const auto& p6 = agglo::bench::p6_panel();
  if (!p6.error.empty()) {
    state.SkipWithError(p6.error.c_str());
    return;
  }
  std::vector<int> group;
  for (const auto& code : p6.panel.regions.names())
    group.push_back((std::stoi(code) - 10001) % kGroups);
  for (auto _ : state) {
    const agglo::RegionalSeries s = agglo::regional_totals(p6.panel);
    for (Eigen::Index p = 0; p < s.value.cols(); ++p) {
      const Eigen::VectorXd x = s.value.col(p);
      const auto d = agglo::inequality::theil_decomposition(x, group, kGroups,
                                                            agglo::inequality::TheilIndex::T);
      benchmark::DoNotOptimize(d.between.value);
    }
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(p6.panel.size()),
                                                benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_P6_TheilDecompositionFromPanel)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1_TheilDecompositionFromPanel)
    ->Arg(0)
    ->Arg(1)
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_P1_TheilDecomposition)->Arg(0)->Arg(1)->Unit(benchmark::kMicrosecond)->UseRealTime();
