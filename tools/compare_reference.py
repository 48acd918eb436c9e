#!/usr/bin/env python3
"""Compare the reference model's means with PolicySim's summary, metric by metric.

Usage:
  python3 tools/compare_reference.py ref.csv path/to/summary.csv

ref.csv      from tools/reference_model.py: option,year,metric,mean,se,replications
summary.csv  from PolicySim: option,year,metric,mean,sd,se,p05,p25,p50,p75,p95
             (extra metrics not in ref.csv are ignored; names must match exactly)

For every (option, year, metric) present in both files:
  z = (mean_ref - mean_sim) / sqrt(se_ref^2 + se_sim^2)
If both se are 0 the means must agree to 1e-9 * max(1, |mean|) (else z = inf).
Prints the 15 worst |z| and a summary. Exit status 1 if any |z| > 4.5 (or if
nothing could be compared), else 0. With ~400 comparisons a 4.5 threshold gives
a false-alarm probability of about 0.3% for a correct implementation.
"""
import csv
import math
import sys

THRESHOLD = 4.5
WORST = 15


def load(path):
    rows = {}
    with open(path, newline="") as f:
        for r in csv.DictReader(f):
            year = r["year"].strip()
            try:
                year = str(int(float(year)))
            except ValueError:
                pass
            key = (r["option"].strip(), year, r["metric"].strip())
            rows[key] = (float(r["mean"]), float(r["se"]))
    return rows


def main(argv):
    if len(argv) != 3:
        print(__doc__, file=sys.stderr)
        return 2
    ref, sim = load(argv[1]), load(argv[2])
    results = []
    missing = sorted(k for k in ref if k not in sim)
    for key in sorted(k for k in ref if k in sim):
        (ma, sa), (mb, sb) = ref[key], sim[key]
        diff = ma - mb
        den = math.sqrt(sa * sa + sb * sb)
        if den == 0.0:
            tol = 1e-9 * max(1.0, abs(ma))
            z = 0.0 if abs(diff) <= tol else math.inf
        else:
            z = diff / den
        if math.isnan(z):
            z = math.inf
        results.append((abs(z), z, key, ma, sa, mb, sb))

    results.sort(key=lambda r: r[0], reverse=True)
    hdr = f"{'option':<14} {'year':>4} {'metric':<22} {'ref mean':>14} {'ref se':>10} {'sim mean':>14} {'sim se':>10} {'z':>8}"
    print(f"worst {min(WORST, len(results))} of {len(results)} comparisons by |z|:")
    print(hdr)
    print("-" * len(hdr))
    for _, z, (o, y, m), ma, sa, mb, sb in results[:WORST]:
        print(f"{o:<14} {y:>4} {m:<22} {ma:>14.6g} {sa:>10.3g} {mb:>14.6g} {sb:>10.3g} {z:>8.3f}")

    n = len(results)
    bad = [r for r in results if r[0] > THRESHOLD]
    print()
    print(f"comparisons: {n}  (ref rows: {len(ref)}, sim rows: {len(sim)})")
    for c in (2.0, 3.0, THRESHOLD):
        k = sum(1 for r in results if r[0] > c)
        print(f"  |z| > {c:<4}: {k}")
    if missing:
        print(f"WARNING: {len(missing)} ref rows have no match in the summary "
              f"(metrics: {', '.join(sorted({k[2] for k in missing}))}; "
              f"options: {', '.join(sorted({k[0] for k in missing}))})")
    if n == 0:
        print("FAIL: nothing to compare")
        return 1
    if bad:
        print(f"FAIL: {len(bad)} comparison(s) with |z| > {THRESHOLD}")
        return 1
    print(f"PASS: max |z| = {results[0][0]:.3f} <= {THRESHOLD}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv))
