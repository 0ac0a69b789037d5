#!/usr/bin/python3
"""P3 the way common Python MRIO tools do it (pymrio calc_L / calc_M / calc_accounts):
numpy.linalg.inv(I - A), then products. Times the same workload as bench/input_output_bench.cpp:
output multipliers 1'L and the consumption-based account of the satellite per region.

Run: /usr/bin/python3 bench/input_output_numpy.py [DATA_DIR]   (default $AGGLO_BENCH_DATA or bench/data)
Prints the median of 3 timed runs (after 1 untimed warm-up is skipped to save time: the inverse
dominates and has no warm-up effect) and the peak RSS (VmHWM) of the process.
"""
import json, os, sys, time
import numpy as np


def vm_hwm_mb():
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith("VmHWM:"):
                return int(line.split()[1]) / 1024.0
    return float("nan")


def main():
    data = sys.argv[1] if len(sys.argv) > 1 else os.environ.get("AGGLO_BENCH_DATA", "bench/data")
    d = os.path.join(data, "p3")
    meta = json.load(open(os.path.join(d, "meta.json")))
    n, R, S = meta["n"], meta["regions"], meta["sectors"]
    A = np.fromfile(os.path.join(d, "A_f64.bin")).reshape(n, n)
    Y = np.fromfile(os.path.join(d, "Y_f64.bin")).reshape(n, R)
    F = np.fromfile(os.path.join(d, "F_f64.bin")).reshape(1, n)
    runs = int(os.environ.get("RUNS", "3"))
    times = []
    for _ in range(runs):
        t0 = time.perf_counter()
        L = np.linalg.inv(np.eye(n) - A)          # pymrio calc_L
        x = L @ Y.sum(axis=1)                     # calc_x_from_L
        Sm = F / x                                # calc_S
        mult = L.sum(axis=0)                      # output multipliers
        M = Sm @ L                                # calc_M
        cba_region = M @ Y                        # D_cba summed per consuming region
        times.append(time.perf_counter() - t0)
        del L
    times.sort()
    print(json.dumps({"workload": "P3", "tool": "numpy " + np.__version__, "n": n, "runs": times,
                      "median_s": times[len(times) // 2], "peak_MB": vm_hwm_mb(),
                      "cba_total": float(cba_region.sum()), "F_total": float(F.sum()),
                      "mult_mean": float(mult.mean())}))


if __name__ == "__main__":
    main()
