"""Reference values for DistributionShiftTest, computed independently of the plugin with numpy and scipy.

Run: python3 shift_reference.py (needs numpy and scipy). It expands each histogram into single requests, takes the log
ratio of every run request to every baseline request (at the bucket's value for the estimate; a quarter of Locust's
bucket width either side for the bounds), and reads the Hodges-Lehmann estimate and the one-sided 95%
bounds from the sorted ratios, the rank from the normal approximation of the Mann-Whitney statistic.
"""
import numpy as np
from scipy import stats

CASES = {
    "thinSlowdownAgainstAThinBaseline": (
        {180: 2, 190: 3, 200: 4, 210: 5, 220: 4, 230: 5, 240: 3, 250: 2, 270: 2, 290: 1, 300: 1, 690: 1},
        {85: 1, 92: 2, 96: 3, 100: 3, 110: 6, 120: 7, 130: 5, 140: 3, 150: 2, 160: 1, 170: 1, 380: 2}),
    "unchangedWithOutliers": (
        {95: 2, 100: 3, 110: 6, 120: 7, 130: 5, 140: 4, 150: 2, 170: 1, 360: 1, 400: 1},
        {85: 1, 92: 2, 96: 3, 100: 3, 110: 6, 120: 7, 130: 5, 140: 3, 150: 2, 160: 1, 170: 1, 380: 2}),
    "fastEndpointWithAZeroBucket": (
        {0: 1, 7: 3, 8: 4, 9: 5, 10: 6, 11: 3, 12: 2, 15: 1, 31: 1},
        {0: 2, 6: 2, 7: 4, 8: 6, 9: 5, 10: 4, 11: 2, 13: 1}),
    "tenAgainstTwelve": (
        {50: 2, 55: 3, 60: 3, 70: 2},
        {40: 3, 42: 3, 45: 4, 48: 2}),
}


def width(ms):
    return 1 if ms < 100 else 10 if ms < 1000 else 100 if ms < 10000 else 1000


def expand(histogram, edge):
    values = []
    for bucket, count in histogram.items():
        if edge == 0:
            value = max(bucket, 0.25)
        else:
            value = max(bucket + edge * width(bucket) / 4, 0)
        values += [value] * count
    return np.array(values, dtype=float)


def shift(run, baseline, confidence=0.95):
    m, n = sum(run.values()), sum(baseline.values())
    with np.errstate(divide="ignore"):
        middle = np.sort((np.log(expand(run, 0))[:, None] - np.log(expand(baseline, 0))[None, :]).ravel())
        low = np.sort((np.log(expand(run, -1))[:, None] - np.log(expand(baseline, 1))[None, :]).ravel())
        high = np.sort((np.log(expand(run, 1))[:, None] - np.log(expand(baseline, -1))[None, :]).ravel())
    z = stats.norm.ppf(confidence)
    k = int(np.floor(m * n / 2 - z * np.sqrt(m * n * (m + n + 1) / 12)))
    estimate = np.exp(np.median(middle))
    lower = np.exp(low[k - 1]) if k >= 1 else 0.0
    upper = np.exp(high[m * n - k]) if k >= 1 else np.inf
    return estimate, min(lower, estimate), max(upper, estimate)


for name, (run, baseline) in CASES.items():
    estimate, lower, upper = shift(run, baseline)
    print(f"{name}: estimate {estimate:.10f} lower {lower:.10f} upper {upper:.10f}")
