#!/bin/bash
# Whole process from CSV to result CSVs with the agglo command: location quotients, Hoover,
# Krugman and locational Gini of every period of a long CSV (year,region,industry,value), one
# agglo call per measure and period, one result file each: OUTDIR/<measure>_<year>.csv.
#
#   bench/run_concentration.sh [--split] IN.csv OUTDIR [YEAR ...]
#
# YEAR ...  the periods (default: every value of the year column, found by a scan of IN.csv)
# --split   first split IN.csv by year (one awk pass into OUTDIR/split/), so that every call
#           reads one period's rows instead of the whole file.
# AGGLO     the agglo binary (default: build-bench/agglo beside this script's repository)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
AGGLO=${AGGLO:-$here/build-bench/agglo}
split=0
if [ "${1:-}" = "--split" ]; then split=1; shift; fi
[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
in=$1 out=$2
shift 2
years=("$@")
mkdir -p "$out"
if [ ${#years[@]} -eq 0 ]; then
  mapfile -t years < <(awk -F, 'NR > 1 && !seen[$1]++ { print $1 }' "$in")
fi

if [ $split = 1 ]; then
  mkdir -p "$out/split"
  awk -F, -v dir="$out/split" 'NR == 1 { header = $0; next }
    { f = dir "/" $1 ".csv"; if (!(f in open)) { open[f] = 1; print header > f } print > f }' "$in"
fi

for y in "${years[@]}"; do
  table=$in
  [ $split = 1 ] && table=$out/split/$y.csv
  common=(--table "$table" --period year --set-period "$y")
  "$AGGLO" location-quotient "${common[@]}" --output "$out/lq_$y.csv"
  "$AGGLO" hoover-concentration "${common[@]}" --output-dir "$out/hoover_$y"
  "$AGGLO" krugman-concentration "${common[@]}" --output "$out/krugman_$y.csv"
  "$AGGLO" locational-gini "${common[@]}" --output "$out/locational_gini_$y.csv"
done
