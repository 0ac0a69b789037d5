// Shift-share of every region against the sum of all regions, classic (first -> last) and
// dynamic (annual steps), on workload P1: 3200 regions x 1000 industries x 20 periods in memory
// ($AGGLO_BENCH_DATA/p1/panel_f64.bin from the shared gen_p1.py).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "bench_data.hpp"
#include "families/shift_share/all_regions.hpp"

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

}  // namespace

BENCHMARK(BM_P1_ShiftShareAllRegions)->Arg(0)->Arg(1)->Unit(benchmark::kMillisecond)->UseRealTime();
