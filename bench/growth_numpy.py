#!/usr/bin/python3
"""numpy/pandas baseline of agglo's growth and disparity workloads on the 10-period CSV (P6 file).

  growth_numpy.py IN.csv OUTDIR [REGION] [GROUPS]

Whole process, as bench/run_growth.sh does with agglo:
  1. dynamic shift-share (Dunn, annual steps, summed) of REGION (default 10001) against the sum of
     all regions: OUTDIR/components.csv (component,value), OUTDIR/components_year.csv;
  2. Theil's T of the regional totals of every year with its between/within decomposition over
     GROUPS (default 50) synthetic groups, group = (region - 10001) % GROUPS:
     OUTDIR/theil.csv (year,T,between,within,between_share,n), OUTDIR/theil_groups.csv.
With AGGLO_BENCH_COMPUTE_ONLY=1 it also prints the time of the two computations alone (after
read_csv and before the CSV writes) on standard error.

Formulas (as agglo's src/families/shift_share and src/families/inequality_spatial):
  Dunn, step t -> t+1, e = region, E = reference, totals without index:
    growth = e2 - e1, national_share = e1 E2/E1 - e1, industrial_mix = sum_i e_i1 E_i2/E_i1 - e1 E2/E1,
    regional_share = sum_i (e_i2 - e_i1 E_i2/E_i1), net_total_shift = e2 - e1 E2/E1
  Theil: s_i = x_i / sum x, T = sum_i s_i ln(n s_i), between = sum_g s_g ln(s_g n / n_g),
    within = T - between, T_g = sum_{i in g} (s_i/s_g) ln(n_g s_i / s_g)
"""
import os
import sys
import time

import numpy as np
import pandas as pd

COMPONENTS = ["growth", "national_share", "industrial_mix", "regional_share", "net_total_shift"]


def dunn(e1, e2, E1, E2):
    growth_ref = E2 / E1  # per industry
    t1, t2, T1, T2 = e1.sum(), e2.sum(), E1.sum(), E2.sum()
    expected = (e1 * growth_ref).sum()
    return np.array([t2 - t1, t1 * T2 / T1 - t1, expected - t1 * T2 / T1, (e2 - e1 * growth_ref).sum(),
                     t2 - t1 * T2 / T1])


def shift_share_dynamic(df, region):
    years = np.sort(df["year"].unique())
    reference = df.groupby(["industry", "year"])["value"].sum().unstack("year").reindex(columns=years)
    own = (df[df["region"] == region].groupby(["industry", "year"])["value"].sum().unstack("year")
           .reindex(index=reference.index, columns=years).fillna(0.0))
    e, E = own.to_numpy(), reference.to_numpy()
    steps = [dunn(e[:, t], e[:, t + 1], E[:, t], E[:, t + 1]) for t in range(len(years) - 1)]
    labels = [f"{years[t]}-{years[t + 1]}" for t in range(len(years) - 1)]
    return np.sum(steps, axis=0), steps, labels


def theil_decomposition(x, group, n_groups):
    n = len(x)
    s = x / x.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        terms = np.where(s > 0, s * np.log(n * s), 0.0)
    total = terms.sum()
    n_g = np.bincount(group, minlength=n_groups).astype(float)
    s_g = np.bincount(group, weights=s, minlength=n_groups)
    a_g = np.bincount(group, weights=terms, minlength=n_groups)  # sum s_i ln(n s_i) in the group
    with np.errstate(divide="ignore", invalid="ignore"):
        between_terms = np.where(s_g > 0, s_g * np.log(s_g * n / n_g), 0.0)
        t_g = np.where(n_g > 1, (a_g - between_terms) / s_g, 0.0)
    between = between_terms.sum()
    return total, between, total - between, n_g, s_g, t_g


def main():
    if len(sys.argv) < 3:
        sys.exit(__doc__)
    src, outdir = sys.argv[1], sys.argv[2]
    region = int(sys.argv[3]) if len(sys.argv) > 3 else 10001
    n_groups = int(sys.argv[4]) if len(sys.argv) > 4 else 50
    os.makedirs(outdir, exist_ok=True)
    t0 = time.perf_counter()
    df = pd.read_csv(src)
    t_read = time.perf_counter()

    total, steps, labels = shift_share_dynamic(df, region)
    totals = df.groupby(["year", "region"])["value"].sum()
    theil_rows, group_rows = [], []
    for year, part in totals.groupby(level="year"):
        codes = part.index.get_level_values("region").to_numpy()
        group = (codes - 10001) % n_groups
        T, between, within, n_g, s_g, t_g = theil_decomposition(part.to_numpy(dtype=float), group, n_groups)
        theil_rows.append((year, T, between, within, between / T, len(codes)))
        for g in range(n_groups):
            group_rows.append((year, g, int(n_g[g]), n_g[g] / len(codes), s_g[g], t_g[g]))
    t_compute = time.perf_counter()

    pd.DataFrame({"component": COMPONENTS, "value": total}).to_csv(os.path.join(outdir, "components.csv"), index=False)
    pd.DataFrame([(c, label, step[k]) for label, step in zip(labels, steps) for k, c in enumerate(COMPONENTS)],
                 columns=["component", "period", "value"]).to_csv(os.path.join(outdir, "components_year.csv"), index=False)
    pd.DataFrame(theil_rows, columns=["year", "T", "between", "within", "between_share", "n"]).to_csv(
        os.path.join(outdir, "theil.csv"), index=False)
    pd.DataFrame(group_rows, columns=["year", "group", "regions", "population_share", "income_share", "T"]).to_csv(
        os.path.join(outdir, "theil_groups.csv"), index=False)
    t_end = time.perf_counter()
    if os.environ.get("AGGLO_BENCH_COMPUTE_ONLY"):
        print(f"read_csv {t_read - t0:.3f} s, compute {t_compute - t_read:.3f} s, write {t_end - t_compute:.3f} s",
              file=sys.stderr)


if __name__ == "__main__":
    main()
