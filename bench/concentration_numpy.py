#!/usr/bin/python3
"""numpy/pandas baseline of agglo's concentration workloads (see bench/README.md).

  concentration_numpy.py p1b IN.csv OUT.csv       P1b, whole process: read the one-period long CSV,
                                                  LQ of every input row, write region,industry,lq
  concentration_numpy.py p6 IN.csv OUTDIR         whole process on the 10-period CSV: for every year
                                                  LQ, Hoover, Krugman and locational Gini, one CSV each
                                                  (OUTDIR/<measure>_<year>.csv, as run_concentration.sh)
  concentration_numpy.py p1a DATA_DIR [RUNS]      P1a, compute only: the four measures for the 20
                                                  periods of DATA_DIR/p1/panel_f64.bin in memory;
                                                  prints the median of RUNS timed runs (default 5)

The formulas are agglo's (src/families/concentration): totals are sums over the cells,
  LQ_ri = (x_ri / x_r.) / (x_.i / x)
  Hoover_i = 1/2 sum_r | x_ri / x_.i - x_r. / x |,  Krugman_i = 2 Hoover_i (reference: nation)
  locational Gini_i (halved, as EconGeo): regions by LQ ascending, A, P cumulative shares of the
  industry and of all employment, G = 1/2 sum_k (P_{k-1} A_k - P_k A_{k-1}).
Plain vectorised numpy, single process (numpy's own threads only where BLAS is used: nowhere here).
"""
import os
import sys
import time

import numpy as np
import pandas as pd

sys.path.insert(0, os.environ.get("AGGLO_BENCHLIB", "/work/shared/bench"))  # benchlib.timeit


def pivot(df, region="region", industry="industry", value="value"):
    """Long rows -> dense region x industry matrix (codes in sorted order) and the cell indices."""
    r_codes, r = np.unique(df[region].to_numpy(), return_inverse=True)
    i_codes, i = np.unique(df[industry].to_numpy(), return_inverse=True)
    x = np.zeros((len(r_codes), len(i_codes)))
    x[r, i] = df[value].to_numpy(dtype=np.float64)
    return x, r_codes, i_codes, r, i


def location_quotient(x):
    row = x.sum(axis=1)
    col = x.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return (x / row[:, None]) / (col / x.sum())[None, :]


def hoover(x):
    row = x.sum(axis=1)
    col = x.sum(axis=0)
    with np.errstate(divide="ignore", invalid="ignore"):
        return 0.5 * np.abs(x / col[None, :] - (row / row.sum())[:, None]).sum(axis=0)


def krugman(x):
    return 2.0 * hoover(x)


def locational_gini(x, halved=True):
    row = x.sum(axis=1)
    col = x.sum(axis=0)
    share = row / row.sum()
    with np.errstate(divide="ignore", invalid="ignore"):
        key = x / row[:, None]
    order = np.argsort(key, axis=0, kind="stable")
    a = np.cumsum(np.take_along_axis(x, order, axis=0), axis=0) / col[None, :]
    p = np.cumsum(share[order], axis=0)
    a_prev = np.vstack([np.zeros((1, x.shape[1])), a[:-1]])
    p_prev = np.vstack([np.zeros((1, x.shape[1])), p[:-1]])
    g = (p_prev * a - p * a_prev).sum(axis=0)
    return g / 2 if halved else g


def write_per_industry(path, codes, name, values):
    pd.DataFrame({"industry": codes, name: values}).to_csv(path, index=False)


def p1b(src, out):
    df = pd.read_csv(src)
    x, r_codes, i_codes, r, i = pivot(df)
    lq = location_quotient(x)[r, i]
    pd.DataFrame({"region": df["region"], "industry": df["industry"], "lq": lq}).to_csv(out, index=False)


def p6(src, outdir):
    os.makedirs(outdir, exist_ok=True)
    df = pd.read_csv(src)
    for year, part in df.groupby("year", sort=True):
        x, r_codes, i_codes, r, i = pivot(part)
        lq = location_quotient(x)[r, i]
        pd.DataFrame({"region": part["region"].to_numpy(), "industry": part["industry"].to_numpy(),
                      "lq": lq}).to_csv(os.path.join(outdir, f"lq_{year}.csv"), index=False)
        h = hoover(x)
        write_per_industry(os.path.join(outdir, f"hoover_{year}.csv"), i_codes, "hoover", h)
        write_per_industry(os.path.join(outdir, f"krugman_{year}.csv"), i_codes, "krugman", 2.0 * h)
        write_per_industry(os.path.join(outdir, f"locational_gini_{year}.csv"), i_codes, "loc_gini",
                           locational_gini(x))


def p1a(data_dir, runs=5):
    from benchlib import timeit
    import json
    meta = json.load(open(os.path.join(data_dir, "p1", "meta.json")))
    T, R, I = meta["T"], meta["R"], meta["I"]
    panel = np.fromfile(os.path.join(data_dir, "p1", "panel_f64.bin"), dtype="<f8").reshape(T, R, I)

    def compute():
        for t in range(T):
            x = panel[t]
            location_quotient(x)
            hoover(x)
            krugman(x)
            locational_gini(x)

    def stream():
        s = 0.0
        for t in range(T):
            s += panel[t].sum()
        return s

    res = timeit(compute, warmup=1, runs=runs)
    ref = timeit(stream, warmup=1, runs=runs)
    parts = {}
    for name, fn in [("location_quotient", location_quotient), ("hoover", hoover),
                     ("krugman", krugman), ("locational_gini", locational_gini)]:
        parts[name] = timeit(lambda: [fn(panel[t]) for t in range(T)], warmup=0, runs=3)["median"]
    print(json.dumps({"workload": "P1a", "numpy": np.__version__, "median_s": res["median"],
                      "times": res["times"], "streaming_pass_median_s": ref["median"],
                      "parts_median_s": parts}))


def main():
    if len(sys.argv) < 3 or sys.argv[1] not in ("p1b", "p6", "p1a"):
        sys.exit(__doc__)
    t0 = time.perf_counter()
    if sys.argv[1] == "p1b":
        p1b(sys.argv[2], sys.argv[3])
    elif sys.argv[1] == "p6":
        p6(sys.argv[2], sys.argv[3])
    else:
        p1a(sys.argv[2], int(sys.argv[3]) if len(sys.argv) > 3 else 5)
    print(f"{sys.argv[1]} done in {time.perf_counter() - t0:.3f} s", file=sys.stderr)


if __name__ == "__main__":
    main()
