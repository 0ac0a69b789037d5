// Core I/O workloads: P6 (parse the 10-period long CSV into a panel, ~260 MB) and the read part
// of P1b (one-period CSV, ~20 MB). Data: $AGGLO_BENCH_DATA/p1 from the shared gen_p1.py.
#include <benchmark/benchmark.h>

#include <filesystem>

#include "bench_data.hpp"
#include "io/panel_reader.hpp"

namespace {

void parse_panel(benchmark::State& state, const std::string& file) {
  const std::string path = agglo::bench::data_dir() + "/p1/" + file;
  if (!std::filesystem::exists(path)) {
    state.SkipWithError(("missing " + path + "; run gen_p1.py --out $AGGLO_BENCH_DATA").c_str());
    return;
  }
  const auto bytes = std::filesystem::file_size(path);
  agglo::PanelColumns cols;
  cols.period = "year";
  size_t rows = 0;
  for (auto _ : state) {
    agglo::Panel p = agglo::read_panel(path, {}, cols, {.nonnegative = true});
    rows = p.size();
    benchmark::DoNotOptimize(p.value.data());
  }
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations() * bytes));
  state.counters["rows"] = static_cast<double>(rows);
}

void BM_P6_ParseTenPeriodCsv(benchmark::State& state) {
  parse_panel(state, "p6_10periods.csv");
}
void BM_P1b_ParseOnePeriodCsv(benchmark::State& state) {
  parse_panel(state, "p1b_t00.csv");
}

}  // namespace

BENCHMARK(BM_P6_ParseTenPeriodCsv)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1b_ParseOnePeriodCsv)->Unit(benchmark::kMillisecond)->UseRealTime();
