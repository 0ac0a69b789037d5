// Concentration workloads.
// P1a: location quotients + Hoover + Krugman + locational Gini of every industry for all 20
//      periods of the P1 panel (3200 regions x 1000 industries), data in memory; target <= 0.6 s
//      on 2 cores, and "within 2x of one streaming pass" over the same cells
//      (BM_P1a_StreamingPass).
// P5:  Ellison-Glaeser index of every industry from 200,000 plants (3200 regions, 1000
//      industries), plants in memory; target <= 0.02 s.
// Data: $AGGLO_BENCH_DATA/p1 (gen_p1.py) and $AGGLO_BENCH_DATA/p5 (gen_p5.py).
#include <benchmark/benchmark.h>

#include <cstdint>
#include <filesystem>
#include <fstream>
#include <string>
#include <unordered_map>
#include <vector>

#include <nlohmann/json.hpp>

#include "bench_data.hpp"
#include "families/agglomeration/ellison_glaeser.hpp"
#include "families/concentration/concentration_totals.hpp"
#include "families/concentration/hoover_krugman.hpp"
#include "families/concentration/industry_concentration.hpp"
#include "families/concentration/location_quotient.hpp"
#include "families/concentration/locational_gini.hpp"
#include "io/text_table.hpp"
#include "p1_panel.hpp"

namespace {

// ---- P1: one region x industry matrix per period -----------------------------------------------

using P1 = agglo::bench::P1Panel;
const P1& p1() {
  return agglo::bench::p1_panel();
}

bool have_p1(benchmark::State& state) {
  if (!p1().periods.empty()) return true;
  state.SkipWithError(p1().error.c_str());
  return false;
}

// Throughput counters of a pass over the whole panel: cells/s and bytes of input per second.
void count_panel(benchmark::State& state) {
  state.SetBytesProcessed(static_cast<int64_t>(state.iterations()) *
                          static_cast<int64_t>(p1().bytes()));
  state.counters["cells/s"] =
      benchmark::Counter(p1().cells(), benchmark::Counter::kIsIterationInvariantRate);
  state.counters["GB/s"] =
      benchmark::Counter(p1().bytes() / 1e9, benchmark::Counter::kIsIterationInvariantRate);
}

// The whole P1a workload: the four measures of every period, from the period's totals computed
// once, in one pass over each industry's column (industry_concentration); the LQ matrix of each
// period is written into the same buffer.
void BM_P1a_Concentration(benchmark::State& state) {
  if (!have_p1(state)) return;
  Eigen::MatrixXd lq;
  for (auto _ : state) {
    for (const Eigen::MatrixXd& x : p1().periods) {
      const agglo::ConcentrationTotals totals = agglo::concentration_totals(x);
      const agglo::IndustryConcentration c = agglo::industry_concentration(x, totals, lq);
      benchmark::DoNotOptimize(lq.data());
      benchmark::DoNotOptimize(c.hoover.data());
      benchmark::DoNotOptimize(c.krugman.data());
      benchmark::DoNotOptimize(c.locational_gini.data());
    }
  }
  count_panel(state);
}

// LQ + Hoover + Krugman without the locational Gini, in one pass over each column: how much of
// P1a the Gini's ordering is.
void BM_P1a_WithoutGini(benchmark::State& state) {
  if (!have_p1(state)) return;
  Eigen::MatrixXd lq;
  for (auto _ : state) {
    for (const Eigen::MatrixXd& x : p1().periods) {
      const agglo::ConcentrationTotals totals = agglo::concentration_totals(x);
      lq.resize(x.rows(), x.cols());
      Eigen::VectorXd hoover(x.cols()), krugman(x.cols());
      const double smallest = agglo::smallest_region_total(totals);
#pragma omp parallel for schedule(dynamic, 16)
      for (Eigen::Index i = 0; i < x.cols(); ++i) {
        agglo::location_quotient_column(x.col(i).data(), totals, i, smallest,
                                        agglo::LqMethod::Multiplicative, lq.col(i).data());
        hoover(i) = agglo::half_distance(x.col(i).data(), totals.industry_total(i),
                                         totals.region_total, totals.grand_total);
        krugman(i) = 2 * hoover(i);
      }
      benchmark::DoNotOptimize(lq.data());
      benchmark::DoNotOptimize(krugman.data());
    }
  }
  count_panel(state);
}

// The same with the four measures' own functions on the shared totals: four passes a period.
void BM_P1a_SeparateKernels(benchmark::State& state) {
  if (!have_p1(state)) return;
  Eigen::MatrixXd lq;
  for (auto _ : state) {
    for (const Eigen::MatrixXd& x : p1().periods) {
      const agglo::ConcentrationTotals totals = agglo::concentration_totals(x);
      agglo::location_quotient(x, totals, lq);
      const Eigen::VectorXd hoover = agglo::hoover_concentration(x, totals);
      const Eigen::VectorXd krugman = agglo::krugman_concentration(x, totals);
      const Eigen::VectorXd gini = agglo::locational_gini(x, totals);
      benchmark::DoNotOptimize(lq.data());
      benchmark::DoNotOptimize(hoover.data());
      benchmark::DoNotOptimize(krugman.data());
      benchmark::DoNotOptimize(gini.data());
    }
  }
  count_panel(state);
}

// One measure at a time over all periods, to see where the time goes: each computes the totals
// it needs, as a single measure run per period does.
enum Measure { Lq, Hoover, Krugman, Gini };

void BM_P1a_Measure(benchmark::State& state) {
  if (!have_p1(state)) return;
  const auto measure = static_cast<Measure>(state.range(0));
  state.SetLabel(std::vector<std::string>{"location_quotient", "hoover_concentration",
                                          "krugman_concentration",
                                          "locational_gini"}[static_cast<size_t>(measure)]);
  Eigen::MatrixXd lq;
  for (auto _ : state) {
    for (const Eigen::MatrixXd& x : p1().periods) {
      switch (measure) {
        case Lq:
          agglo::location_quotient(x, agglo::concentration_totals(x), lq);
          benchmark::DoNotOptimize(lq.data());
          break;
        case Hoover:
          benchmark::DoNotOptimize(agglo::hoover_concentration(x).data());
          break;
        case Krugman:
          benchmark::DoNotOptimize(agglo::krugman_concentration(x).data());
          break;
        case Gini:
          benchmark::DoNotOptimize(agglo::locational_gini(x).data());
          break;
      }
    }
  }
  count_panel(state);
}

// The totals pass that the four measures share.
void BM_P1a_Totals(benchmark::State& state) {
  if (!have_p1(state)) return;
  for (auto _ : state) {
    for (const Eigen::MatrixXd& x : p1().periods) {
      const agglo::ConcentrationTotals totals = agglo::concentration_totals(x);
      benchmark::DoNotOptimize(totals.region_total.data());
    }
  }
  count_panel(state);
}

// The reference of the target "within 2x of one streaming pass": a plain sum over every cell.
void BM_P1a_StreamingPass(benchmark::State& state) {
  if (!have_p1(state)) return;
  for (auto _ : state) {
    double sum = 0;
    for (const Eigen::MatrixXd& x : p1().periods) sum += x.sum();
    benchmark::DoNotOptimize(sum);
  }
  count_panel(state);
}

// A streaming pass that also writes a matrix of the same size (each cell scaled into one reused
// buffer, as the LQs are): the least that any kernel producing the LQ matrix must move.
void BM_P1a_StreamingReadWritePass(benchmark::State& state) {
  if (!have_p1(state)) return;
  Eigen::MatrixXd out;
  for (auto _ : state) {
    for (const Eigen::MatrixXd& x : p1().periods) {
      out.resize(x.rows(), x.cols());
#pragma omp parallel for schedule(static)
      for (Eigen::Index i = 0; i < x.cols(); ++i) out.col(i) = x.col(i) * 2.0;
      benchmark::DoNotOptimize(out.data());
    }
  }
  count_panel(state);
}

// ---- P5: plants ---------------------------------------------------------------------------------

struct P5 {
  agglo::Plants plants;
  std::string error;
};

// plants.csv (plant_id, industry, region, employment) parsed once, codes turned into dense ids.
const P5& p5() {
  static const P5 data = [] {
    P5 d;
    const std::string path = agglo::bench::data_dir() + "/p5/plants.csv";
    if (!std::filesystem::exists(path)) {
      d.error = "missing " + path + "; run gen_p5.py --out $AGGLO_BENCH_DATA";
      return d;
    }
    const agglo::TextTable t = agglo::read_text_table(path);
    const size_t industry_col = t.column("industry"), region_col = t.column("region");
    const std::vector<double> employment = t.numbers(t.column("employment"));
    std::unordered_map<std::string, Eigen::Index> industry_id, region_id;
    auto id = [](std::unordered_map<std::string, Eigen::Index>& ids, const std::string& code) {
      return ids.try_emplace(code, static_cast<Eigen::Index>(ids.size())).first->second;
    };
    for (size_t k = 0; k < t.rows(); ++k) {
      d.plants.industry.push_back(id(industry_id, t.text(k, industry_col)));
      d.plants.region.push_back(id(region_id, t.text(k, region_col)));
    }
    d.plants.size = employment;
    d.plants.industries = static_cast<Eigen::Index>(industry_id.size());
    d.plants.regions = static_cast<Eigen::Index>(region_id.size());
    return d;
  }();
  return data;
}

// Internal reference (all plants' regional shares), then the index of every industry.
void BM_P5_EllisonGlaeser(benchmark::State& state) {
  if (p5().plants.size.empty()) {
    state.SkipWithError(p5().error.c_str());
    return;
  }
  const agglo::Plants& plants = p5().plants;
  for (auto _ : state) {
    const Eigen::VectorXd x = agglo::plant_region_shares(plants);
    const agglo::EllisonGlaeser eg = agglo::ellison_glaeser(plants, x);
    benchmark::DoNotOptimize(eg.gamma.data());
  }
  state.counters["plants"] = static_cast<double>(plants.size.size());
  state.counters["industries"] = static_cast<double>(plants.industries);
  state.counters["regions"] = static_cast<double>(plants.regions);
}

}  // namespace

BENCHMARK(BM_P1a_Concentration)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1a_SeparateKernels)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1a_WithoutGini)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1a_Measure)
    ->DenseRange(Lq, Gini)
    ->ArgName("measure")
    ->Unit(benchmark::kMillisecond)
    ->UseRealTime();
BENCHMARK(BM_P1a_Totals)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1a_StreamingPass)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P1a_StreamingReadWritePass)->Unit(benchmark::kMillisecond)->UseRealTime();
BENCHMARK(BM_P5_EllisonGlaeser)->Unit(benchmark::kMillisecond)->UseRealTime();
