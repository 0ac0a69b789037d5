// Workload P6 in memory: the 10-period long CSV of the shared gen_p1.py (year, region, industry,
// value; 3200 regions x 1000 industries) read once per process into a Panel, as `agglo` reads it.
#pragma once

#include <filesystem>
#include <string>

#include "bench_data.hpp"
#include "core/panel.hpp"
#include "io/panel_reader.hpp"

namespace agglo::bench {

struct P6Panel {
  Panel panel;
  std::string error;  // why the data could not be read
};

inline const P6Panel& p6_panel() {
  static const P6Panel data = [] {
    P6Panel d;
    const std::string path = data_dir() + "/p1/p6_10periods.csv";
    if (!std::filesystem::exists(path)) {
      d.error = "missing " + path + "; run gen_p1.py --out $AGGLO_BENCH_DATA";
      return d;
    }
    PanelColumns cols;
    cols.period = "year";
    cols.period_explicit = true;
    d.panel = read_panel(path, CsvOptions{}, cols);
    return d;
  }();
  return data;
}

}  // namespace agglo::bench
