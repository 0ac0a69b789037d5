// Workload P2 (economic complexity at HS-6 scale): 250 economies x 5000 products, one year, from
// $AGGLO_BENCH_DATA/p2/trade_f64.bin (shared gen_p2.py). Timed: RCA, ECI/PCI (partial Lanczos),
// discrete proximity (sparse co-occurrence), density and COI/COG; target <= 0.7 s on 2 cores.
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>

#include <nlohmann/json.hpp>

#include "bench_data.hpp"
#include "families/complexity/complexity_index.hpp"
#include "families/complexity/economic_complexity.hpp"
#include "families/complexity/presence.hpp"
#include "families/complexity/relatedness.hpp"

namespace {

// The P2 trade matrix (economies x products), read once; empty when the data are missing.
const Eigen::MatrixXd& p2_trade() {
  static const Eigen::MatrixXd x = [] {
    const std::string dir = agglo::bench::data_dir() + "/p2/";
    std::ifstream meta_file(dir + "meta.json");
    if (!meta_file) return Eigen::MatrixXd();
    const auto meta = nlohmann::json::parse(meta_file);
    const Eigen::Index c = meta.at("C").get<Eigen::Index>(), p = meta.at("P").get<Eigen::Index>();
    // The file is C order (row = economy): read it as a P x C column-major matrix and transpose.
    Eigen::MatrixXd t(p, c);
    std::ifstream bin(dir + "trade_f64.bin", std::ios::binary);
    bin.read(reinterpret_cast<char*>(t.data()),
             static_cast<std::streamsize>(t.size() * sizeof(double)));
    if (!bin) return Eigen::MatrixXd();
    return Eigen::MatrixXd(t.transpose());
  }();
  return x;
}

bool have_data(benchmark::State& state) {
  if (p2_trade().size() > 0) return true;
  state.SkipWithError("missing $AGGLO_BENCH_DATA/p2; run gen_p2.py --out $AGGLO_BENCH_DATA");
  return false;
}

// The whole P2 workload: everything economic_complexity() returns.
void BM_P2_EconomicComplexity(benchmark::State& state) {
  if (!have_data(state)) return;
  for (auto _ : state) {
    const agglo::EconomicComplexity ec = agglo::economic_complexity(p2_trade());
    benchmark::DoNotOptimize(ec.cog.data());
  }
}

// Parts, to see where the time goes.
void BM_P2_EciPci(benchmark::State& state) {
  if (!have_data(state)) return;
  const Eigen::MatrixXd m = agglo::binary_rca(agglo::revealed_comparative_advantage(p2_trade()));
  for (auto _ : state) {
    const agglo::EciPci e = agglo::economic_complexity_index(m);
    benchmark::DoNotOptimize(e.pci.data());
  }
}

void BM_P2_Proximity(benchmark::State& state) {
  if (!have_data(state)) return;
  const Eigen::MatrixXd m = agglo::binary_rca(agglo::revealed_comparative_advantage(p2_trade()));
  for (auto _ : state) {
    const Eigen::MatrixXd phi = agglo::proximity_discrete_from_presence(m);
    benchmark::DoNotOptimize(phi.data());
  }
}

}  // namespace

BENCHMARK(BM_P2_EconomicComplexity)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P2_EciPci)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P2_Proximity)->Unit(benchmark::kMillisecond)->UseRealTime();
