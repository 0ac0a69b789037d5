// Where the benchmark workloads are: $AGGLO_BENCH_DATA (the --out folder of the shared generators).
#pragma once

#include <cstdlib>
#include <string>

namespace agglo::bench {

inline std::string data_dir() {
  const char* d = std::getenv("AGGLO_BENCH_DATA");
  return d ? d : "bench/data";
}

}  // namespace agglo::bench
