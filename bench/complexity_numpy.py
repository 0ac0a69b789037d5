#!/usr/bin/python3
"""complexity_numpy.py -- numpy baseline of workload P2 (the same work as bench/complexity_bench.cpp).

Computes what common Python packages (py-ecomplexity and its kin) compute, the way they do it:
dense matrix products and numpy.linalg.eig on the dense industry x industry matrix Mpp.
RCA, M, diversity, ubiquity, ECI/PCI (2nd eigenvector of Mpp), discrete proximity, density,
COI and COG, on $AGGLO_BENCH_DATA/p2/trade_f64.bin (shared gen_p2.py).

Run:  AGGLO_BENCH_DATA=DIR /usr/bin/python3 bench/complexity_numpy.py [--runs 1]
Prints one line per run with the wall time and the peak RSS.
"""
import argparse, json, os, resource, time

import numpy as np


def load():
    d = os.path.join(os.environ.get("AGGLO_BENCH_DATA", "bench/data"), "p2")
    meta = json.load(open(os.path.join(d, "meta.json")))
    return np.fromfile(os.path.join(d, "trade_f64.bin"), dtype="<f8").reshape(meta["C"], meta["P"])


def economic_complexity(X):
    X = np.nan_to_num(X)
    rca = (X / X.sum(1, keepdims=True)) / (X.sum(0) / X.sum())
    M = (np.nan_to_num(rca) >= 1).astype(float)
    div, ubi = M.sum(1), M.sum(0)
    Mpp = (M / ubi).T @ (M / div[:, None])                 # dense P x P
    w, v = np.linalg.eig(Mpp)                             # full dense non-symmetric eigensolver
    kp = np.real(v[:, np.argsort(np.real(w))[::-1][1]])
    kc = (M / div[:, None]) @ kp
    s = np.sign(np.corrcoef(div, kc)[0, 1])
    kc, kp = kc * s, kp * s
    eci = (kc - kc.mean()) / kc.std()
    pci = (kp - kc.mean()) / kc.std()
    C = M.T @ M                                            # dense co-occurrence
    phi = C / np.maximum(ubi[:, None], ubi[None, :])
    density = (M @ phi.T) / phi.sum(1)
    coi = ((density * (1 - M)) * kp).sum(1)
    coi = (coi - coi.mean()) / coi.std()
    wq = kp / phi.sum(1)
    cog = (1 - M) * ((1 - M) @ (phi * wq[:, None])) / kc.std()
    return eci, pci, phi, density, coi, cog


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--runs", type=int, default=1)
    args = ap.parse_args()
    X = load()
    for i in range(args.runs):
        t0 = time.perf_counter()
        economic_complexity(X)
        t = time.perf_counter() - t0
        rss = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
        print(f"RESULT P2 numpy run {i + 1}: {t:.3f} s, peak RSS {rss:.0f} MB")


if __name__ == "__main__":
    main()
