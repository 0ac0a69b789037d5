// Workload P1 in memory: the 20 region x industry matrices of the shared gen_p1.py panel.
#pragma once

#include <fstream>
#include <string>
#include <vector>

#include <Eigen/Core>
#include <nlohmann/json.hpp>

#include "bench_data.hpp"

namespace agglo::bench {

struct P1Panel {
  std::vector<Eigen::MatrixXd> periods;  // regions x industries, one per period
  std::string error;                     // why the data could not be read
  double cells() const {
    return periods.empty()
               ? 0.0
               : static_cast<double>(periods.size()) * static_cast<double>(periods.front().size());
  }
  double bytes() const { return cells() * sizeof(double); }
};

// Read once per process. The file is C order (t, r, i): each period is a row-major R x I block,
// copied into a column-major matrix (industries are columns, as the kernels expect).
inline const P1Panel& p1_panel() {
  static const P1Panel data = [] {
    P1Panel d;
    const std::string dir = data_dir() + "/p1/";
    std::ifstream meta(dir + "meta.json");
    std::ifstream bin(dir + "panel_f64.bin", std::ios::binary);
    if (!meta || !bin) {
      d.error = "missing " + dir + "panel_f64.bin; run gen_p1.py --out $AGGLO_BENCH_DATA";
      return d;
    }
    const auto m = nlohmann::json::parse(meta);
    const Eigen::Index R = m.value("R", 3200), I = m.value("I", 1000), T = m.value("T", 20);
    using RowMajor = Eigen::Matrix<double, Eigen::Dynamic, Eigen::Dynamic, Eigen::RowMajor>;
    RowMajor block(R, I);
    for (Eigen::Index t = 0; t < T; ++t) {
      bin.read(reinterpret_cast<char*>(block.data()),
               static_cast<std::streamsize>(sizeof(double) * block.size()));
      if (!bin) {
        d.periods.clear();
        d.error = dir + "panel_f64.bin is shorter than meta.json says";
        return d;
      }
      d.periods.emplace_back(block);
    }
    return d;
  }();
  return data;
}

}  // namespace agglo::bench
