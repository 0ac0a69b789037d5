#!/bin/bash
# Whole process from CSV to result CSVs with the agglo command, on a long CSV
# (year,region,industry,value):
#   1. dynamic shift-share (Dunn, annual steps) of one region against the sum of all regions;
#   2. Theil's T of the regional totals of every year, decomposed over synthetic region groups
#      group = (region - 10001) % GROUPS. agglo's inequality measures read regional values
#      (region, year, value), so the totals are summed first with awk, and a hierarchy file
#      (code, parent) mapping every region to its group is generated.
#
#   bench/run_growth.sh IN.csv OUTDIR [REGION] [GROUPS]      (defaults: 10001, 50)
#
# AGGLO  the agglo binary (default: build-bench/agglo beside this script's repository)
set -euo pipefail
here=$(cd "$(dirname "$0")/.." && pwd)
AGGLO=${AGGLO:-$here/build-bench/agglo}
[ $# -ge 2 ] || { sed -n '2,12p' "$0"; exit 2; }
in=$1 out=$2 region=${3:-10001} groups=${4:-50}
mkdir -p "$out"

"$AGGLO" shift-share-dynamic --table "$in" --period year --set-region "$region" \
  --output-dir "$out/shift_share_dynamic"

# Regional totals per year, and the hierarchy of the regions found (groups are roots).
awk -F, -v totals="$out/regional_totals.csv" -v hier="$out/region_groups.csv" -v n="$groups" '
  NR == 1 { next }
  { key = $1 "," $2; if (!(key in sum)) order[++k] = key; sum[key] += $4; region[$2] = 1 }
  END {
    print "year,region,value" > totals
    for (j = 1; j <= k; ++j) printf "%s,%.17g\n", order[j], sum[order[j]] > totals
    print "code,parent" > hier
    for (g = 0; g < n; ++g) printf "G%02d,\n", g > hier
    for (r in region) printf "%s,G%02d\n", r, (r - 10001) % n > hier
  }' "$in"

"$AGGLO" theil-decomposition --table "$out/regional_totals.csv" --period year \
  --hierarchy "$out/region_groups.csv" --output-dir "$out/theil_decomposition"
