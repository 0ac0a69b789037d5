#!/usr/bin/env python3
"""Generate SYNTHETIC responses to the capability instrument (instrument.csv).

The numbers are invented: they illustrate the `agglo assess` workflow and carry no
information about any real local government. Standard library only; the fixed seed makes
the output identical on every run:

    python3 make_synthetic.py > responses_synthetic.csv

Model: 22 units (Taiwan's 22 municipalities and counties, by name only), 8 to 14
respondents each. Each unit has a latent capability per scale, each respondent a personal
offset; an item's answer is latent + offset + noise, rounded onto the 1..5 Likert scale and
reversed for reverse-keyed items. About 3% of the answers are left blank.
"""
import csv
import random
import sys

SEED = 20240601
UNITS = ["Taipei", "New Taipei", "Taoyuan", "Taichung", "Tainan", "Kaohsiung", "Keelung",
         "Hsinchu City", "Hsinchu County", "Miaoli", "Changhua", "Nantou", "Yunlin",
         "Chiayi City", "Chiayi County", "Pingtung", "Yilan", "Hualien", "Taitung", "Penghu",
         "Kinmen", "Lienchiang"]


def main():
    rng = random.Random(SEED)
    with open("instrument.csv", newline="", encoding="utf-8") as f:
        items = list(csv.DictReader(f))
    scales = sorted({it["scale"] for it in items})
    out = csv.writer(sys.stdout, lineterminator="\n")
    out.writerow(["respondent", "county"] + [it["item"] for it in items])
    rid = 0
    for unit in UNITS:
        latent = {s: rng.gauss(3.2, 0.45) for s in scales}
        for _ in range(rng.randint(8, 14)):
            rid += 1
            offset = rng.gauss(0, 0.35)
            row = [f"R{rid:03d}", unit]
            for it in items:
                if rng.random() < 0.03:
                    row.append("NA")
                    continue
                x = latent[it["scale"]] + offset + rng.gauss(0, 0.7)
                if it["key"] == "-1":
                    x = 6 - x
                row.append(str(min(5, max(1, round(x)))))
            out.writerow(row)


if __name__ == "__main__":
    main()
