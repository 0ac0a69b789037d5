#!/bin/bash
# Plans for `agglo run` (one read of the 10-period CSV per plan) of the two whole-process
# workloads, written to OUTDIR with the hierarchy they need:
#   OUTDIR/growth.json         dynamic shift-share of REGION + Theil's T over GROUPS region groups
#                              (group = (region - 10001) % GROUPS), as run_growth.sh;
#   OUTDIR/concentration.json  LQ, Hoover, Krugman and locational Gini of every year, as
#                              run_concentration.sh.
# Then time e.g. `agglo run OUTDIR/growth.json --output-dir OUTDIR/growth`.
#
#   bench/make_plans.sh IN.csv OUTDIR [REGION] [GROUPS]      (defaults: 10001, 50)
set -euo pipefail
[ $# -ge 2 ] || { sed -n '2,11p' "$0"; exit 2; }
in=$(realpath "$1") out=$2 region=${3:-10001} groups=${4:-50}
mkdir -p "$out"
awk -v n="$groups" 'BEGIN { print "code,parent"; for (g = 0; g < n; ++g) printf "G%02d,\n", g
  for (r = 10001; r <= 13200; ++r) printf "%d,G%02d\n", r, (r - 10001) % n }' > "$out/groups.csv"
cat > "$out/growth.json" <<JSON
{"table": "$in", "columns": {"period": "year"},
 "steps": [{"measure": "shift-share-dynamic", "params": {"region": "$region"}, "output_dir": "ssd"},
           {"measure": "theil-decomposition", "inputs": {"hierarchy": "groups.csv"},
            "columns": {"industry": "industry"}, "output_dir": "theil"}]}
JSON
cat > "$out/concentration.json" <<JSON
{"table": "$in", "columns": {"period": "year"},
 "steps": [{"measure": "location-quotient"}, {"measure": "hoover-concentration"},
           {"measure": "krugman-concentration"}, {"measure": "locational-gini"}]}
JSON
echo "plans in $out: growth.json concentration.json"
