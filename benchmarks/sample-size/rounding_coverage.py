"""How far the bounds of the response times' shift must reach over Locust's rounding.

Locust rounds every response time to its histogram bucket (whole milliseconds below 100 ms, tens below 1 s, hundreds
above), so a bucket stands for times up to half its width either side. The plugin bounds the factor between a run's
response times and the baseline's (Hodges-Lehmann, with the Mann-Whitney rank statistic's one-sided 95% bounds) from
these buckets. This program draws lognormal response times with 3% of calls three times slower, rounds them as Locust
does, and counts how often the lower bound lies at or beyond a level of +30% when the true change is exactly +30%
(should be at most the nominal 5%) and when it is +50% (power), with each bucket read three ways: at its value, a
quarter of its width towards the other side (what the plugin does), and half its width (the worst case).

Run: python3 rounding_coverage.py (needs numpy; for example uv run --with numpy python3 rounding_coverage.py).
Fixed seed; 2,000 trials per cell; a few minutes.
"""
import numpy as np

rng = np.random.default_rng(12345)
Z = 1.6448536269514722  # one-sided 95%
LEVEL = 1.3
TRIALS = 2000


def locust_round(times):
    return np.where(times < 100, np.round(times), np.where(times < 1000, np.round(times, -1), np.round(times, -2)))


def width(buckets):
    return np.where(buckets < 100, 1.0, np.where(buckets < 1000, 10.0, 100.0))


def draw(n, median, sigma, factor):
    times = median * np.exp(sigma * rng.standard_normal(n))
    return np.where(rng.random(n) < 0.03, 3 * times, times) * factor


def lower_bound(run, baseline, reach):
    """The k-th smallest log ratio, each run bucket moved down and each baseline bucket up by reach x its width."""
    r = np.maximum(run - reach * width(run), 0.01) if reach else np.maximum(run, 0.25)
    b = baseline + reach * width(baseline) if reach else np.maximum(baseline, 0.25)
    ratios = np.sort((np.log(r)[:, None] - np.log(b)[None, :]).ravel())
    m, n = len(run), len(baseline)
    k = int(np.floor(m * n / 2 - Z * np.sqrt(m * n * (m + n + 1) / 12)))
    return np.exp(ratios[k - 1]) if k >= 1 else 0.0


READINGS = {"value": 0.0, "quarter": 0.25, "half": 0.5}
print(f"share of {TRIALS} trials whose lower bound lies at or beyond +30%")
print(f"{'median ms':>9} {'sigma':>5} {'run':>4} {'base':>4} {'buckets':>7} | true +30%: "
      + " ".join(f"{k:>7}" for k in READINGS) + " | true +50%: " + " ".join(f"{k:>7}" for k in READINGS))
for median, sigma in [(120, 0.3), (95, 0.15), (40, 0.1), (10, 0.3), (6, 0.3), (3, 0.3), (2, 0.2), (1.5, 0.5)]:
    for m, n in [(36, 36), (36, 179), (72, 179), (144, 179)]:
        shares = []
        buckets = []
        for factor in (LEVEL, 1.5):
            hits = dict.fromkeys(READINGS, 0)
            for _ in range(TRIALS):
                baseline = locust_round(draw(n, median, sigma, 1.0))
                run = locust_round(draw(m, median, sigma, factor))
                buckets.append(min(len(np.unique(baseline)), len(np.unique(run))))
                for name, reach in READINGS.items():
                    hits[name] += lower_bound(run, baseline, reach) >= LEVEL * (1 - 1e-12)
            shares.append(hits)
        print(f"{median:>9} {sigma:>5} {m:>4} {n:>4} {np.median(buckets):>7.0f} | "
              + " ".join(f"{shares[0][k] / TRIALS:>7.3f}" for k in READINGS) + " |            "
              + " ".join(f"{shares[1][k] / TRIALS:>7.3f}" for k in READINGS), flush=True)
