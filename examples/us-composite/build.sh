#!/usr/bin/env bash
# A regional industrial-competitiveness index of the 50 US states from County Business Patterns
# 2017-2021 (3-digit NAICS paid employment), built only from measures agglo computes itself:
#   specialisation  Krugman specialisation index, Hachman index          (2021)
#   growth          employment growth, shift-share competitive effect    (2017 -> 2021)
#   complexity      economic complexity index (ECI), diversity (RCA >= 1) (2021)
#   diversity       Shannon entropy of the industry structure            (2021)
# then `agglo index` with examples/us-composite/framework.csv and the HTML report.
#
# Usage (from anywhere): AGGLO=path/to/agglo examples/us-composite/build.sh
# The binary defaults to build/agglo of the repository; output goes to out/us-composite/.
# Needs bash, awk and python3 (standard library only).
set -euo pipefail

here=$(cd "$(dirname "$0")" && pwd)
repo=$(cd "$here/../.." && pwd)
AGGLO=${AGGLO:-$repo/build/agglo}
case "$AGGLO" in /*) ;; *) AGGLO="$PWD/$AGGLO" ;; esac
[ -x "$AGGLO" ] || { echo "agglo binary not found at $AGGLO (set AGGLO=...)" >&2; exit 1; }
cd "$repo"

cbp=examples/us-cbp/cbp_state_naics3_2017_2021.csv
out=out/us-composite
work=$out/work
rm -rf "$work"
mkdir -p "$work"
cols=(--region state --industry naics --value emp --period year)

echo "== specialisation, complexity and diversity measures of 2021" >&2
"$AGGLO" krugman-specialization -t "$cbp" "${cols[@]}" --set-period 2021 --output-dir "$work/krugman" >&2
"$AGGLO" hachman -t "$cbp" "${cols[@]}" --set-period 2021 --output-dir "$work/hachman" >&2
"$AGGLO" entropy -t "$cbp" "${cols[@]}" --set-period 2021 --output-dir "$work/entropy" >&2
"$AGGLO" economic-complexity -t "$cbp" "${cols[@]}" --set-period 2021 --output-dir "$work/eci" >&2

# Shift-share needs every cell of both years: a suppressed cell ((D), read as NA) makes the
# industry's national total NA and with it every state's components. The industries with a
# suppressed cell in 2017 or 2021 are left out of the growth pillar (listed in work/).
echo "== shift-share 2017 -> 2021 of every state" >&2
awk -F, 'NR > 1 && ($3 == 2017 || $3 == 2021) && $6 == "(D)" { print $4 }' "$cbp" | sort -u \
  > "$work/suppressed_industries.txt"
awk -F, 'NR == FNR { drop[$1] = 1; next }
         FNR == 1 || (($3 == 2017 || $3 == 2021) && !($4 in drop))' \
  "$work/suppressed_industries.txt" "$cbp" > "$work/cbp_disclosed_2017_2021.csv"
for s in $(awk -F, 'NR > 1 { print $1 }' "$cbp" | sort -u); do
  "$AGGLO" shift-share -t "$work/cbp_disclosed_2017_2021.csv" "${cols[@]}" --set-region "$s" \
    --time1 2017 --time2 2021 --output-dir "$work/shift_share/$s" > /dev/null 2>> "$work/shift_share.log"
done

echo "== joining the indicators" >&2
python3 - "$cbp" "$work" examples/regions/us_census_regions.csv <<'PY'
import csv, os, sys

cbp, work, regions_file = sys.argv[1:4]

def rows(path):
    with open(path, newline="", encoding="utf-8") as f:
        return list(csv.DictReader(f))

def column(path, key, value, where=lambda r: True):
    return {r[key]: r[value] for r in rows(path) if where(r)}

names = {}
for r in rows(cbp):
    names[r["state"]] = r["state_name"]
states = sorted(names)

# Employment growth over the industries disclosed in both years (the shift-share table).
emp = {}
for r in rows(os.path.join(work, "cbp_disclosed_2017_2021.csv")):
    emp.setdefault((r["state"], r["year"]), 0.0)
    emp[(r["state"], r["year"])] += float(r["emp"])

indicators = {
    "krugman": column(f"{work}/krugman/krugman_spec.csv", "region", "krugman"),
    "hachman": column(f"{work}/hachman/hachman.csv", "region", "hachman"),
    "eci": column(f"{work}/eci/region.csv", "region", "eci"),
    "diversity": column(f"{work}/eci/region.csv", "region", "diversity"),
    "entropy": column(f"{work}/entropy/entropy.csv", "region", "entropy"),
    "emp_growth": {}, "competitive": {},
}
for s in states:
    e1, e2 = emp[(s, "2017")], emp[(s, "2021")]
    indicators["emp_growth"][s] = repr(100 * (e2 - e1) / e1)
    comp = column(f"{work}/shift_share/{s}/components.csv", "component", "value")
    indicators["competitive"][s] = repr(100 * float(comp["regional_share"]) / e1)

order = ["krugman", "hachman", "emp_growth", "competitive", "eci", "diversity", "entropy"]
with open(os.path.join(work, "indicators.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["unit"] + order)
    for s in states:
        w.writerow([s] + [indicators[k].get(s, "NA") for k in order])

# Units: FIPS code, state name, Census region (state -> division -> region).
parent = column(regions_file, "code", "parent")
region_name = column(regions_file, "code", "name_en")
with open(os.path.join(work, "units.csv"), "w", newline="", encoding="utf-8") as f:
    w = csv.writer(f)
    w.writerow(["unit", "name", "group"])
    for s in states:
        w.writerow([s, names[s], region_name.get(parent.get(parent.get(s, ""), ""), "")])
PY

echo "== the index" >&2
"$AGGLO" index -t "$work/indicators.csv" --hierarchy examples/us-composite/framework.csv \
  --units "$work/units.csv" --output-dir "$out" --html "$out/index.html" "$@"
echo "report: $out/index.html" >&2
