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


def spread_lower_bound(run, baseline):
    """The same bound with each recorded time spread evenly over its bucket: a pair of buckets counts with the
    probability that a time anywhere in the run's bucket is at most the factor times one anywhere in the baseline's."""
    rv, rc = np.unique(run, return_counts=True)
    bv, bc = np.unique(baseline, return_counts=True)
    # a bucket holds half the width of the buckets below it down (100 ms: 99.5 to 105 ms), half its own up
    c1 = np.maximum(rv - width(np.nextafter(rv, 0)) / 2, 0)[:, None]
    c2 = (rv + width(rv) / 2)[:, None]
    a1 = np.maximum(bv - width(np.nextafter(bv, 0)) / 2, 0)[None, :]
    a2 = (bv + width(bv) / 2)[None, :]
    weights = rc[:, None] * bc[None, :]
    m, n = len(run), len(baseline)
    k = np.floor(m * n / 2 - Z * np.sqrt(m * n * (m + n + 1) / 12))
    if k < 1:
        return 0.0

    def at_or_below(t):  # the weight of the pairs whose log ratio is at most t
        s = np.exp(t)
        lo = np.maximum(a1, c1 / s)
        hi = np.minimum(a2, c2 / s)
        ramp = np.where(hi > lo, (s / 2 * (hi ** 2 - lo ** 2) - c1 * (hi - lo)) / (c2 - c1), 0)
        flat = np.maximum(a2 - np.maximum(a1, c2 / s), 0)
        return np.sum(weights * (ramp + flat) / (a2 - a1))

    lo, hi = -10.0, 10.0
    for _ in range(50):
        mid = (lo + hi) / 2
        if at_or_below(mid) >= k:
            hi = mid
        else:
            lo = mid
    return np.exp(hi)


READINGS = {"value": 0.0, "quarter": 0.25, "half": 0.5, "spread": None}
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
                    bound = spread_lower_bound(run, baseline) if reach is None else lower_bound(run, baseline, reach)
                    hits[name] += bound >= LEVEL * (1 - 1e-12)
            shares.append(hits)
        print(f"{median:>9} {sigma:>5} {m:>4} {n:>4} {np.median(buckets):>7.0f} | "
              + " ".join(f"{shares[0][k] / TRIALS:>7.3f}" for k in READINGS) + " |            "
              + " ".join(f"{shares[1][k] / TRIALS:>7.3f}" for k in READINGS), flush=True)
