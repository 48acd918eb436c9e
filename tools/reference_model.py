#!/usr/bin/env python3
"""Reference county: an independent NumPy implementation of ../shared/reference-model.md.

This script implements the "reference county" Monte Carlo model exactly as written
in /work/shared/reference-model.md, independently of PolicySim. It is used to
validate PolicySim (the means of every metric, per option and year, must agree
with PolicySim's `policysim run scenarios/reference-county.scenario` output within
Monte Carlo error; see tools/compare_reference.py) and, later, as the NumPy
baseline of the benchmark (run it with --households 200000).

Implementation notes
- One numpy.random.Generator(PCG64(seed)) for the whole run; replications run in
  sequence. Within a replication the population and every per-year draw are shared
  by the three options: arrays have shape (options, households) and the draws,
  shape (households,), are broadcast over options.
- Every draw is independent: per year one normal for growth, one uniform for
  illness, one uniform for industry success, one uniform for identification.
  (Draws that a household/option does not use are simply ignored.)
- All averages over households are person-weighted (weight = household size).
- Median income: person-weighted median of d (each household repeated `size`
  times; mean of the two middle values when the person count is even).

Usage:
  python3 tools/reference_model.py --households 20000 --replications 200 --seed 1 --out ref.csv
Writes a tidy CSV: option,year,metric,mean,se,replications
(se = sample sd across replications / sqrt(replications)). Timing goes to stderr.
"""
import argparse
import csv
import sys
import time

import numpy as np

YEARS = list(range(2016, 2026))
OPTIONS = [("baseline", 18720.0), ("subsidy 40k", 40000.0), ("subsidy 60k", 60000.0)]
METRICS = [
    "incidence", "poverty_gap", "poverty_gap_squared", "mean_income", "median_income",
    "poor_people", "registered_households", "relocated_households",
    "cost_relocation", "cost_industry", "cost_minimum_living", "cost_total",
]

# group codes
PLAIN, REMOTE, RELOCATED = 0, 1, 2

SIZES = np.array([1, 2, 3, 4, 5, 6])
SIZE_P = np.array([0.10, 0.20, 0.25, 0.25, 0.12, 0.08])
HOUSE_COST = 85000.0
BORROW_LIMIT = 20000.0


def poverty_line(t):
    return 2952.0 * 1.03 ** (t - 2016)


def identify(d_pre, L, u):
    """Registry from pre-transfer income d_pre, line L and a uniform draw u."""
    p = np.where(d_pre < L, 0.90, np.where(d_pre < 1.2 * L, 0.05, 0.0))
    return u < p


def weighted_median(d, size):
    """Person-weighted median per row of d (shape (K, H)); size shape (H,)."""
    order = np.argsort(d, axis=1, kind="stable")
    ds = np.take_along_axis(d, order, axis=1)
    cs = np.cumsum(size[order], axis=1)  # persons up to and including household i
    P = int(size.sum())
    out = np.empty(d.shape[0])
    for k in range(d.shape[0]):
        if P % 2 == 1:
            i = np.searchsorted(cs[k], (P - 1) // 2, side="right")
            out[k] = ds[k, i]
        else:
            i1 = np.searchsorted(cs[k], P // 2 - 1, side="right")
            i2 = np.searchsorted(cs[k], P // 2, side="right")
            out[k] = 0.5 * (ds[k, i1] + ds[k, i2])
    return out


def run_replication(rng, H, subsidies):
    """One replication. Returns array (n_years, n_metrics, n_options)."""
    K = len(subsidies)
    S = np.asarray(subsidies, dtype=float)[:, None]          # (K, 1)
    own = HOUSE_COST - S                                      # (K, 1)

    # ---- population (shared by all options) ----
    remote0 = rng.random(H) < 0.30
    size = rng.choice(SIZES, size=H, p=SIZE_P).astype(float)
    land = np.where(remote0, rng.uniform(0.0, 3.0, H), rng.uniform(0.0, 6.0, H))
    # (both uniform arrays are drawn; each household uses the one for its group)
    median = np.where(remote0, 3400.0, 5200.0)
    y0 = np.exp(np.log(median) + 0.55 * rng.standard_normal(H))
    P = size.sum()

    y = np.broadcast_to(y0, (K, H)).copy()
    savings = np.broadcast_to(0.8 * y0 * size, (K, H)).copy()
    group = np.broadcast_to(np.where(remote0, REMOTE, PLAIN), (K, H)).copy()
    enrolled = np.zeros((K, H), dtype=bool)
    pend_reloc = np.zeros((K, H), dtype=bool)
    pend_ind = np.zeros((K, H), dtype=bool)
    debt_annual = np.zeros((K, H))          # debt0 / 5
    move_year = np.full((K, H), -10_000)
    n_relocated = np.zeros(K)

    # initial registry: d = y, L = L(2016)
    R = identify(y, poverty_line(2016), rng.random(H))

    out = np.empty((len(YEARS), len(METRICS), K))
    for yi, t in enumerate(YEARS):
        L = poverty_line(t)
        # 1. growth
        if t > 2016:
            z = rng.standard_normal(H)
            mu = np.where(group == REMOTE, 0.035, 0.045)
            y = y * np.exp(mu + 0.12 * z)
        # 2. pending effects (from last year's programmes), once
        y = np.where(pend_reloc, 1.25 * y, y)
        y = np.where(pend_ind, y + 1200.0, y)
        pend_reloc[:] = False
        pend_ind[:] = False
        # 3. illness
        ill = rng.random(H) < 0.07
        d = np.where(ill, y - 0.5 * 0.35 * y, y)
        # 4. debt repayment in the 5 years after the move
        repaying = (t > move_year) & (t <= move_year + 5)
        d = d - np.where(repaying, debt_annual / size, 0.0)
        # 5. programmes on households registered in R (last year's registry)
        cost_reloc = np.zeros(K)
        cost_ind = np.zeros(K)
        u_ind = rng.random(H)
        if 2017 <= t <= 2019:
            move = (group == REMOTE) & R & (own <= savings + BORROW_LIMIT)
            cost_reloc = (move * S).sum(axis=1)
            debt_annual = np.where(move, np.maximum(0.0, own - savings) / 5.0, debt_annual)
            savings = np.where(move, np.maximum(0.0, savings - own), savings)
            group = np.where(move, RELOCATED, group)
            move_year = np.where(move, t, move_year)
            pend_reloc |= move
            n_relocated += move.sum(axis=1)
        if 2017 <= t <= 2020:
            enrol = R & (land >= 1.0) & ~enrolled
            cost_ind = (enrol * (1000.0 * land)).sum(axis=1)
            enrolled |= enrol
            pend_ind |= enrol & (u_ind < 0.60)
        # 6. minimum-living top-up
        d_pre = d
        floor = 0.8 * L
        topped = R & (d < floor)
        cost_min = (np.where(topped, (floor - d) * size, 0.0)).sum(axis=1)
        d = np.where(topped, floor, d)
        # 7. measurement
        poor = d < L
        g = np.clip((L - d) / L, 0.0, 1.0)
        m = out[yi]
        m[0] = (poor * size).sum(axis=1) / P
        m[1] = (g * size).sum(axis=1) / P
        m[2] = (g * g * size).sum(axis=1) / P
        m[3] = (d * size).sum(axis=1) / P
        m[4] = weighted_median(d, size)
        m[5] = (poor * size).sum(axis=1)
        m[6] = R.sum(axis=1)
        m[7] = n_relocated
        m[8] = cost_reloc
        m[9] = cost_ind
        m[10] = cost_min
        m[11] = cost_reloc + cost_ind + cost_min
        # 8. saving
        savings = savings + 0.10 * np.maximum(0.0, d - L) * size
        # 9. identification -> registry for next year
        R = identify(d_pre, L, rng.random(H))
    return out


def main(argv=None):
    ap = argparse.ArgumentParser(description=__doc__.split("\n")[0])
    ap.add_argument("--households", type=int, default=20000)
    ap.add_argument("--replications", type=int, default=200)
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--out", default="ref.csv")
    a = ap.parse_args(argv)
    if a.replications < 2:
        ap.error("--replications must be >= 2 (se needs a sample sd)")

    rng = np.random.Generator(np.random.PCG64(a.seed))
    subsidies = [s for _, s in OPTIONS]
    t0 = time.perf_counter()
    res = np.empty((a.replications, len(YEARS), len(METRICS), len(OPTIONS)))
    for r in range(a.replications):
        res[r] = run_replication(rng, a.households, subsidies)
    elapsed = time.perf_counter() - t0

    mean = res.mean(axis=0)
    se = res.std(axis=0, ddof=1) / np.sqrt(a.replications)
    with open(a.out, "w", newline="") as f:
        w = csv.writer(f)
        w.writerow(["option", "year", "metric", "mean", "se", "replications"])
        for k, (name, _) in enumerate(OPTIONS):
            for yi, t in enumerate(YEARS):
                for mi, metric in enumerate(METRICS):
                    w.writerow([name, t, metric, repr(float(mean[yi, mi, k])),
                                repr(float(se[yi, mi, k])), a.replications])
    print(f"reference_model: households={a.households} replications={a.replications} "
          f"seed={a.seed} simulation_seconds={elapsed:.3f}", file=sys.stderr)


if __name__ == "__main__":
    main()
