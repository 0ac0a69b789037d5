#!/usr/bin/python3
"""spatial_numpy.py -- workload P4 timed with vectorised numpy: local Moran conditional
permutations (9,999) on the US counties, the same scheme as agglo's
conditional_permutation_test (row-standardised queen weights; region i keeps y_i, its k_i
neighbours get k_i values drawn without replacement from the other n - 1 regions).

Run: /usr/bin/python3 bench/spatial_numpy.py [--data $AGGLO_BENCH_DATA] [--permutations 9999]
Data: $AGGLO_BENCH_DATA/p4/counties.csv and queen_edges.csv from the shared gen_p4.py.
"""
import argparse, os, time
import numpy as np


def load(data):
    d = os.path.join(data, "p4")
    y = np.genfromtxt(os.path.join(d, "counties.csv"), delimiter=",", names=True, usecols=(3,), dtype=float)
    y = np.asarray(y.tolist(), dtype=float).ravel()
    e = np.loadtxt(os.path.join(d, "queen_edges.csv"), delimiter=",", skiprows=1, dtype=np.int64)
    return y, e


def local_moran_perm(y, edges, permutations, seed):
    n = len(y)
    z = (y - y.mean()) / y.std()
    card = np.bincount(edges[:, 0], minlength=n)
    lag = np.bincount(edges[:, 0], weights=z[edges[:, 1]], minlength=n) / np.maximum(card, 1)
    Is = (n - 1) * z * lag / (z @ z)
    rng = np.random.default_rng(seed)
    larger = np.zeros(n, dtype=np.int64)
    for k in np.unique(card[card > 0]):
        sites = np.flatnonzero(card == k)
        # k distinct indices in [0, n-1) per site and permutation: argsort of random keys is
        # too costly for n = 3230, so draw k uniform positions by the "random keys on a small
        # pool" trick: sample with replacement and redraw the rows that repeat.
        draws = rng.integers(0, n - 1, size=(len(sites), permutations, k))
        while True:
            s = np.sort(draws, axis=2)
            bad = (s[:, :, 1:] == s[:, :, :-1]).any(axis=2) if k > 1 else np.zeros(s.shape[:2], bool)
            if not bad.any():
                break
            draws[bad] = rng.integers(0, n - 1, size=(int(bad.sum()), k))
        draws = draws + (draws >= sites[:, None, None])  # skip the site itself
        sims = (n - 1) * z[sites, None] * z[draws].mean(axis=2) / (z @ z)
        larger[sites] = (sims >= Is[sites, None]).sum(axis=1)
    low = permutations - larger < larger
    larger[low] = permutations - larger[low]
    p = (larger + 1.0) / (permutations + 1.0)
    p[card == 0] = np.nan
    return Is, p


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--data", default=os.environ.get("AGGLO_BENCH_DATA", "bench/data"))
    ap.add_argument("--permutations", type=int, default=9999)
    ap.add_argument("--seed", type=int, default=12345)
    a = ap.parse_args()
    y, e = load(a.data)
    t0 = time.perf_counter()
    local_moran_perm(y, e, a.permutations, a.seed)
    print(f"P4 numpy local Moran, {a.permutations} permutations, n = {len(y)}: {time.perf_counter() - t0:.3f} s")


if __name__ == "__main__":
    main()
