// Shift-share of every region against the sum of all regions, classic (first -> last) and
// dynamic (annual steps), on workload P1: 3200 regions x 1000 industries x 20 periods in memory
// ($AGGLO_BENCH_DATA/p1/panel_f64.bin from the shared gen_p1.py); and the series of
// `agglo shift-share-dynamic --set-region 10001` read from the 10-period CSV (P6).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "bench_data.hpp"
#include "families/shift_share/all_regions.hpp"
#include "families/shift_share/dynamic_shift_share.hpp"
#include "families/shift_share/focal_series.hpp"
#include "p6_panel.hpp"

namespace {

// The P1 panel as one region x industry matrix per period (the file is t, r, i in C order).
const std::vector<Eigen::MatrixXd>* p1_matrices(std::string& error) {
  static std::vector<Eigen::MatrixXd> periods;
  static bool loaded = false;
  if (loaded) return &periods;
  const std::string dir = agglo::bench::data_dir() + "/p1/";
  std::ifstream meta(dir + "meta.json");
  std::ifstream bin(dir + "panel_f64.bin", std::ios::binary);
  if (!meta || !bin) {
    error = "missing " + dir + "panel_f64.bin; run gen_p1.py --out $AGGLO_BENCH_DATA";
    return nullptr;
  }
  const auto m = nlohmann::json::parse(meta);
  const auto R = m.value("R", 3200), I = m.value("I", 1000), T = m.value("T", 20);
  using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
  RowMajor buffer(R, I);
  for (int t = 0; t < T; ++t) {
    bin.read(reinterpret_cast<char*>(buffer.data()),
             static_cast<std::streamsize>(sizeof(double) * R * I));
    periods.emplace_back(buffer);
  }
  loaded = true;
  return &periods;
}

void BM_P1_ShiftShareAllRegions(benchmark::State& state) {
  std::string error;
  const auto* periods = p1_matrices(error);
  if (!periods) {
    state.SkipWithError(error.c_str());
    return;
  }
  const auto method =
      state.range(0) == 0 ? agglo::ShiftShareMethod::Dunn : agglo::ShiftShareMethod::Gerfin;
  for (auto _ : state) {
    auto res = agglo::shift_share_all_regions(*periods, method);
    benchmark::DoNotOptimize(res.dynamic.data());
  }
  const double cells =
      static_cast<double>(periods->size()) * static_cast<double>((*periods)[0].size());
  state.counters["cells/s"] =
      benchmark::Counter(cells, benchmark::Counter::kIsIterationInvariantRate);
}

// What shift-share-dynamic does after the parse: the series of region 10001 and of the sum of
// all regions over the 10 periods (one pass over the 12.8 M panel rows), then the annual steps.
void BM_P6_ShiftShareDynamicFromPanel(benchmark::State& state) {
  const auto& p6 = agglo::bench::p6_panel();
  if (!p6.error.empty()) {
    state.SkipWithError(p6.error.c_str());
    return;
  }
  const auto periods = p6.panel.sorted_periods();
  for (auto _ : state) {
    const auto s = agglo::focal_series(p6.panel, "10001", std::nullopt, periods);
    const auto d =
        agglo::shift_share_dynamic(agglo::ShiftShareMethod::Dunn, s.region, s.reference,
                                   agglo::GerfinAggregation::Mean, agglo::ZeroBase::Absolute);
    benchmark::DoNotOptimize(d.total);
  }
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(p6.panel.size()),
                                                benchmark::Counter::kIsIterationInvariantRate);
}

}  // namespace

BENCHMARK(BM_P6_ShiftShareDynamicFromPanel)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1_ShiftShareAllRegions)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
