// Entry point of agglo_bench; the workloads live in *_bench.cpp files beside it.
#include <benchmark/benchmark.h>

BENCHMARK_MAIN();
