// Input-output workload P3: output multipliers and the consumption-based account of one
// satellite, per region, on the synthetic 9,800-industry MRIO of the shared gen_p3.py
// ($AGGLO_BENCH_DATA/p3: A (n x n), Y (n x regions), F (1 x n), float64 row-major).
//
// The file holds A row-major, which is A' when read column-major. Every quantity of the workload
// is a solve with (I - A)' (1'L, S L) or with (I - A) (x = L Y1), so A' is used as it lies:
// no transpose, no copy, no inverse; the solves are matrix-free GMRES (one pass over A per step).
#include <benchmark/benchmark.h>

#include <filesystem>
#include <fstream>
#include <string>

#include <nlohmann/json.hpp>

#include "bench_data.hpp"
#include "families/input_output/leontief.hpp"
#include "families/input_output/mrio.hpp"

namespace {

struct P3 {
  Eigen::MatrixXd At, Y, F;
  agglo::MrioLayout layout;
  bool ok = false;
  std::string error;
};

bool read_into(const std::string& path, double* data, size_t count) {
  std::ifstream f(path, std::ios::binary);
  f.read(reinterpret_cast<char*>(data), static_cast<std::streamsize>(count * sizeof(double)));
  return static_cast<size_t>(f.gcount()) == count * sizeof(double);
}

const P3& p3() {
  static P3 d = [] {
    P3 p;
    const std::string dir = agglo::bench::data_dir() + "/p3";
    std::ifstream meta_file(dir + "/meta.json");
    if (!meta_file) {
      p.error = "missing " + dir + "/meta.json; run gen_p3.py --out $AGGLO_BENCH_DATA";
      return p;
    }
    const auto meta = nlohmann::json::parse(meta_file);
    const Eigen::Index n = meta["n"], R = meta["regions"], S = meta["sectors"];
    p.At.resize(n, n);
    p.Y.resize(R, n);  // row-major n x R read column-major: Y'
    p.F.resize(1, n);
    if (!read_into(dir + "/A_f64.bin", p.At.data(), static_cast<size_t>(n * n)) ||
        !read_into(dir + "/Y_f64.bin", p.Y.data(), static_cast<size_t>(n * R)) ||
        !read_into(dir + "/F_f64.bin", p.F.data(), static_cast<size_t>(n))) {
      p.error = "short read in " + dir;
      return p;
    }
    p.Y.transposeInPlace();
    std::vector<std::string> regions, sectors, fd;
    for (Eigen::Index k = 0; k < n; ++k) {
      regions.push_back(std::to_string(k / S));
      sectors.push_back(std::to_string(k % S));
    }
    for (Eigen::Index r = 0; r < R; ++r) fd.push_back(std::to_string(r));
    p.layout = agglo::make_mrio_layout(regions, sectors, fd);
    p.ok = true;
    return p;
  }();
  return d;
}

double peak_rss_mb() {
  std::ifstream f("/proc/self/status");
  std::string line;
  while (std::getline(f, line))
    if (line.rfind("VmHWM:", 0) == 0) return std::stod(line.substr(6)) / 1024.0;
  return 0;
}

void BM_P3_multipliers_and_cba(benchmark::State& state) {
  const P3& d = p3();
  if (!d.ok) {
    state.SkipWithError(d.error.c_str());
    return;
  }
  const Eigen::Index n = d.At.rows();
  Eigen::MatrixXd cba_region;
  for (auto _ : state) {
    // The system on A' : solve() is L' b, solve_transposed() is L b.
    const auto sys = agglo::LeontiefSystem::borrowing(d.At, agglo::IoSolver::Iterative);
    const Eigen::VectorXd x = sys.solve_transposed(d.Y.rowwise().sum()).col(0);
    Eigen::MatrixXd rhs(n, 2);
    rhs.col(0).setOnes();                                  // output multipliers 1'L
    rhs.col(1) = d.F.row(0).transpose().cwiseQuotient(x);  // S' -> M = S L
    const Eigen::MatrixXd m = sys.solve(rhs);
    const Eigen::MatrixXd M = m.col(1).transpose();
    const Eigen::MatrixXd cba = agglo::consumption_based_account(M, d.Y, d.layout);
    cba_region = agglo::sum_by_region(cba, d.layout);
    benchmark::DoNotOptimize(m.data());
  }
  state.counters["n"] = static_cast<double>(n);
  state.counters["cba_total"] = cba_region.sum();
  state.counters["F_total"] =
      d.F.sum();  // equals cba_total: every emission ends in some final demand
  state.counters["peak_MB"] = peak_rss_mb();
}
BENCHMARK(BM_P3_multipliers_and_cba)->Unit(benchmark::kSecond)->Iterations(3);

}  // namespace
