#!/usr/bin/env python3
"""Builds the example inputs of examples/trade/data from the public sources in SOURCE.md.

Run from this folder: python3 prepare_data.py /work/shared/datasets
Only selection, renaming and the derivation of retaliation rounds; no value is changed.
"""
import csv
import os
import shutil
import sys
from collections import defaultdict

src = sys.argv[1] if len(sys.argv) > 1 else "/work/shared/datasets"
lists_dir = os.path.join(src, "us-section301-lists")
trade_dir = os.path.join(src, "us-china-trade-hs6")
out = "data"
os.makedirs(out, exist_ok=True)

# 1. US exports to China by HS-6 and year (Census), unchanged.
shutil.copy(os.path.join(trade_dir, "us_exports_to_china_hs6_annual_2013-2020.csv"),
            os.path.join(out, "us_exports_to_china_hs6.csv"))

# 2. China's tariffs on US goods by HS-6 over time (MFN + retaliation), as a schedule: a rate is in
#    force from its date until the next date of the same HS-6. 16 rows without a tariff (3 codes)
#    are dropped: agglo rejects a tariff line without a rate.
series = defaultdict(dict)
with open(os.path.join(lists_dir, "waugh_china_tariffs_on_us_hs6_2018-2020.csv")) as f:
    for r in csv.DictReader(f):
        if r["tariff"] != "":
            series[r["hs6"]][r["time_of_tariff"]] = float(r["tariff"])
dates = sorted({d for s in series.values() for d in s})
with open(os.path.join(out, "china_tariffs_on_us_hs6.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["hs6", "start", "tariff"])
    for hs6 in sorted(series):
        for d in sorted(series[hs6]):
            w.writerow([hs6, d, repr(series[hs6][d])])

# 3. Retaliation rounds: an HS-6 is on a round when its tariff rose on the round's date (China's
#    retaliation announcements; the other dates of the series are MFN changes).
rounds = {
    "2018-04-02": "r1_2018-04_s232",
    "2018-07-06": "r2_2018-07_34bn",
    "2018-08-23": "r3_2018-08_16bn",
    "2018-09-24": "r4_2018-09_60bn",
    "2019-06-01": "r5_2019-06_60bn_raise",
    "2019-09-01": "r6_2019-09_75bn",
}
with open(os.path.join(out, "china_retaliation_rounds.csv"), "w", newline="") as f:
    w = csv.writer(f)
    w.writerow(["hs6", "round", "start", "increase"])
    for hs6 in sorted(series):
        s = series[hs6]
        for prev, d in zip(dates, dates[1:]):
            if d in rounds and prev in s and d in s and s[d] > s[prev] + 1e-9:
                w.writerow([hs6, rounds[d], d, repr(round(s[d] - s[prev], 10))])

# 4. US Section 301 lists (USITC, HTS-8/10) as a tariff schedule with the USTR rates; list 4B never
#    took effect and is left out.
rates = {
    "list1": [(25.0, "2018-07-06")],
    "list2": [(25.0, "2018-08-23")],
    "list3": [(10.0, "2018-09-24"), (25.0, "2019-05-10")],
    "list4A": [(15.0, "2019-09-01"), (7.5, "2020-02-14")],
}
with open(os.path.join(lists_dir, "usitc_china_tariffs_301_hts_2020-01-01.csv")) as f, \
        open(os.path.join(out, "us_section301_schedule.csv"), "w", newline="") as g:
    w = csv.writer(g)
    w.writerow(["hts", "list", "rate", "start"])
    for r in csv.DictReader(f):
        for rate, start in rates.get(r["list"], []):
            w.writerow([r["hts"], r["list"], rate, start])
