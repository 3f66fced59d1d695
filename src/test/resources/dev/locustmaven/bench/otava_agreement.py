"""Runs Apache Otava's change point detection on the series ChangePointAgreement wrote and counts agreement.

Usage: python otava_agreement.py <folder>   (the folder holds series.csv, ours.csv and ours-min3.csv)
Otava: pip install apache-otava; compute_change_points(series, window_len=50, max_pvalue=0.001, min_magnitude=0.0),
the defaults of `otava analyze`.
"""
import sys
from pathlib import Path

from otava.analysis import compute_change_points


def read_indexes(path):
    return [[int(v) for v in line.split(",") if v] for line in Path(path).read_text().splitlines()]


def matched(a, b, tolerance=1):
    """How many points of a have a point of b within tolerance (each b used once)."""
    free = list(b)
    count = 0
    for x in a:
        near = [y for y in free if abs(y - x) <= tolerance]
        if near:
            free.remove(min(near, key=lambda y: abs(y - x)))
            count += 1
    return count


def main(folder):
    folder = Path(folder)
    series = [[float(v) for v in line.split(",")] for line in (folder / "series.csv").read_text().splitlines()]
    ours = read_indexes(folder / "ours.csv")
    ours_min3 = read_indexes(folder / "ours-min3.csv")
    otava = []
    for values in series:
        points, _ = compute_change_points(values, window_len=50, max_pvalue=0.001, min_magnitude=0.0)
        otava.append(sorted(p.index for p in points))
    for name, mine in (("ours, Otava's settings (no minimum segment)", ours), ("ours, defaults (minimum segment 3)", ours_min3)):
        total_otava = sum(len(o) for o in otava)
        total_ours = sum(len(m) for m in mine)
        agree = sum(matched(m, o) for m, o in zip(mine, otava))
        identical = sum(1 for m, o in zip(mine, otava) if m == o)
        print(f"{name}: Otava {total_otava} change points, ours {total_ours}, "
              f"agreeing within one run {agree}; series with identical change points {identical} of {len(series)}")


if __name__ == "__main__":
    main(sys.argv[1] if len(sys.argv) > 1 else "target/changepoint-agreement")
