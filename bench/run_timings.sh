#!/bin/bash
# Every timing of bench/README.md in one go: the Google Benchmark workloads of the concentration
# and inequality benches (median of 5 repetitions), and the whole-process timings (hyperfine) of
# the agglo command against the numpy/pandas baselines. Results go to RESULTS (default
# /tmp/agglo-bench-<date>/): hyperfine JSON files, the benchmark JSON, the baselines' output and
# the load average before and after every step (load.txt).
#
#   AGGLO_BENCH_DATA=/work/bench-data bench/run_timings.sh [RESULTS]
#
# AGGLO (default build-bench/agglo), AGGLO_BENCH (default build-bench/bench/agglo_bench),
# PYTHON (default /usr/bin/python3), RUNS (hyperfine runs of the quick commands, default 10).
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
data=${AGGLO_BENCH_DATA:?set AGGLO_BENCH_DATA to the out folder of the generators}
export AGGLO=${AGGLO:-$here/build-bench/agglo}
bench=${AGGLO_BENCH:-$here/build-bench/bench/agglo_bench}
py=${PYTHON:-/usr/bin/python3}
runs=${RUNS:-10}
res=${1:-/tmp/agglo-bench-$(date +%Y%m%d)}
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
mkdir -p "$res"
p1b=$data/p1/p1b_t00.csv p6=$data/p1/p6_10periods.csv
load() { echo "$(date +%T) $1: $(cut -d' ' -f1-3 /proc/loadavg)" | tee -a "$res/load.txt"; }
hf() {  # name, hyperfine arguments...
  local name=$1; shift
  load "$name start"
  hyperfine --style basic --export-json "$res/$name.json" "$@"
  load "$name end"
}

# In-memory kernels (Google Benchmark).
load "agglo_bench start"
"$bench" --benchmark_filter='P1a|P5_|Theil|ShiftShare' --benchmark_repetitions=5 \
  --benchmark_report_aggregates_only=true --benchmark_out="$res/agglo_bench.json" \
  --benchmark_out_format=json
load "agglo_bench end"
load "numpy p1a start"
"$py" "$here/bench/concentration_numpy.py" p1a "$data" 3 | tee "$res/numpy_p1a.json"
load "numpy p1a end"

# Whole processes.
hf p1b_agglo --warmup 2 --runs "$runs" "$AGGLO location-quotient --table $p1b --output $work/lq.csv"
hf p1b_numpy --warmup 1 --runs 3 "$py $here/bench/concentration_numpy.py p1b $p1b $work/lq_np.csv"
years="2001 2002 2003 2004 2005 2006 2007 2008 2009 2010"
hf p6_concentration_agglo --warmup 1 --runs 3 \
  "$here/bench/run_concentration.sh $p6 $work/conc $years" \
  "$here/bench/run_concentration.sh --split $p6 $work/conc_split $years"
hf p6_concentration_numpy --warmup 0 --runs 3 \
  "$py $here/bench/concentration_numpy.py p6 $p6 $work/conc_np"
hf p6_growth_agglo --warmup 1 --runs 3 "$here/bench/run_growth.sh $p6 $work/growth"
hf p6_growth_agglo_parts --warmup 1 --runs 3 \
  "$AGGLO shift-share-dynamic --table $p6 --period year --set-region 10001 --output-dir $work/ssd" \
  "$AGGLO theil-decomposition --table $work/growth/regional_totals.csv --period year --hierarchy $work/growth/region_groups.csv --output-dir $work/theil"
hf p6_growth_numpy --warmup 0 --runs 3 "$py $here/bench/growth_numpy.py $p6 $work/growth_np"
AGGLO_BENCH_COMPUTE_ONLY=1 "$py" "$here/bench/growth_numpy.py" "$p6" "$work/growth_np" 2>&1 |
  tee "$res/numpy_growth_parts.txt"
