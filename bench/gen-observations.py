#!/usr/bin/env python3
"""Writes N valid observation rows in Agyn's canonical CSV (default 1,000,000) for the import benchmark."""
import itertools, sys

n = int(sys.argv[2]) if len(sys.argv) > 2 else 1_000_000
out = sys.argv[1]
regions = ["100000000", "110000000", "150000000", "190000000", "230000000", "270000000", "310000000", "330000000",
           "350000000", "390000000", "430000000", "470000000", "550000000", "590000000", "610000000", "620000000",
           "630000000", "710000000", "750000000", "790000000"]
occupations = [str(i) for i in range(10)] + ["_T", "_U"]
education = [str(i) for i in range(9)] + ["_T", "_U"]
countries = ["RU", "DE", "US", "KR", "TR", "CN", "PL", "CA", "GB", "CZ", "IL", "AE", "UZ", "KG", "BY", "_T"]
sexes = ["M", "F", "_T"]
ages = ["Y15T24", "Y25T34", "Y35T44", "Y45T54", "Y55T64", "Y_GE65", "_T"]
with open(out, "w", encoding="utf-8") as f:
    f.write("INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,OBS_VALUE,UNIT_MULT,OBS_STATUS\n")
    rows = itertools.product(["2022", "2023", "2024"], regions, occupations, education, countries, sexes, ages)
    for i, (p, r, o, e, c, s, a) in enumerate(itertools.islice(rows, n)):
        f.write(f"EMIGRANTS,{p},{r},{o},{e},{c},{s},{a},EMI,{(i * 7919) % 500},0,E\n")
