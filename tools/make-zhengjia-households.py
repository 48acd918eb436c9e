#!/usr/bin/env python3
"""Writes scenarios/data/zhengjia-households.csv: a synthetic household survey of
Zhengjia village (Xingshan County, Yichang, Hubei) in 2015, for
scenarios/zhengjia-microdata.scenario.

The file is made up: no real household is in it. It is drawn so that it agrees with the
facts of seed 004_d194de31167aeed9.txt (Jun Li and Junrong Deng):
  - 384 households and exactly 1,279 people, in 5 villager groups;
  - altitude 800 to 1,400 m;
  - 3,204 mu of commonly used cultivated land in all (8.3 mu per household; 3,203.1
    after rounding each household to 0.1 mu);
  - 51.43% of the people poor, against the 2015 national rural line of 2,855 yuan per
    person (matched to within one household by scaling incomes: 51.29%);
  - 75% of residents left-behind elderly: 40% of households have no working-age labour
    at home, 40% one labourer, 20% two (the assumption of zhengjia-village.scenario);
and with the assumptions of scenarios/zhengjia-village.scenario for what the paper does not
say (household size 1-6 with mean 3.33, market income per person lognormal with median
2,450 + 600 per labourer - 0.8 yuan per metre above 1,100 m and sigma 0.25).

The village is a census, not a sample: every weight is 1. Deterministic: Python's
random.Random with a fixed seed, standard library only. Run from the repository root:
    python3 tools/make-zhengjia-households.py
"""
import csv
import math
import os
import random

SEED = 20151001
HOUSEHOLDS = 384
PEOPLE = 1279
LAND_TOTAL = 3204.0
LINE_2015 = 2855.0
POOR_SHARE = 0.5143
# Villager groups: name, share of households, altitude band (m).
GROUPS = [
    ("group 1", 0.22, (800, 950)),
    ("group 2", 0.22, (950, 1100)),
    ("group 3", 0.20, (1100, 1200)),
    ("group 4", 0.18, (1200, 1300)),
    ("group 5", 0.18, (1300, 1400)),
]
SIZES = [(1, 0.08), (2, 0.22), (3, 0.25), (4, 0.25), (5, 0.12), (6, 0.08)]
WORKERS = [(0, 0.40), (1, 0.40), (2, 0.20)]


def categorical(rng, table):
    u = rng.random()
    total = 0.0
    for value, p in table:
        total += p
        if u < total:
            return value
    return table[-1][0]


def main():
    rng = random.Random(SEED)
    rows = []
    counts = [round(share * HOUSEHOLDS) for _, share, _ in GROUPS]
    counts[-1] += HOUSEHOLDS - sum(counts)
    for (name, _, (low, high)), count in zip(GROUPS, counts):
        for _ in range(count):
            rows.append({"group": name, "altitude": rng.uniform(low, high)})
    for row in rows:
        row["size"] = categorical(rng, SIZES)
    # Exactly 1,279 people: move persons one at a time between random households.
    while sum(r["size"] for r in rows) != PEOPLE:
        r = rng.choice(rows)
        if sum(x["size"] for x in rows) > PEOPLE and r["size"] > 1:
            r["size"] -= 1
        elif sum(x["size"] for x in rows) < PEOPLE and r["size"] < 6:
            r["size"] += 1
    for row in rows:
        row["labour"] = min(row["size"], categorical(rng, WORKERS))
        row["land"] = math.exp(rng.gauss(0, 0.5))
        row["z"] = rng.gauss(0, 1)
    # Land: lognormal, scaled to the village's 3,204 mu.
    scale = LAND_TOTAL / sum(r["land"] for r in rows)
    for row in rows:
        row["land"] = round(row["land"] * scale, 1)
    # Income: the scenario's model times a factor that puts 51.43% of people below the line.
    for row in rows:
        median = 2450 + 600 * row["labour"] - 0.8 * (row["altitude"] - 1100)
        row["base"] = median * math.exp(0.25 * row["z"])

    def poor_share(factor):
        poor = sum(r["size"] for r in rows if r["base"] * factor < LINE_2015)
        return poor / PEOPLE

    low, high = 0.5, 2.0
    for _ in range(60):
        middle = (low + high) / 2
        if poor_share(middle) > POOR_SHARE:
            low = middle
        else:
            high = middle
    for row in rows:
        row["income"] = round(row["base"] * high)
    path = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "scenarios", "data", "zhengjia-households.csv")
    with open(path, "w", newline="") as out:
        writer = csv.writer(out, lineterminator="\n")
        writer.writerow(["household", "villager_group", "altitude_m", "persons", "labour", "land_mu", "income_per_person", "weight"])
        for index, row in enumerate(rows, start=1):
            writer.writerow([
                "ZJ%03d" % index, row["group"], round(row["altitude"]), row["size"], row["labour"],
                "%.1f" % row["land"], row["income"], 1,
            ])
    people = sum(r["size"] for r in rows)
    poor = sum(r["size"] for r in rows if r["income"] < LINE_2015)
    print("households %d, people %d, land %.1f mu, poor %.2f%%" % (len(rows), people, sum(r["land"] for r in rows), 100 * poor / people))


if __name__ == "__main__":
    main()
