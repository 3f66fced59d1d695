"""Reference values for DistributionShiftTest, computed independently of the plugin with numpy and scipy.

Run: python3 shift_reference.py (needs numpy and scipy). Each request stands for any time within its Locust bucket
(100 ms: 99.5 to 105 ms), evenly. For a factor, the weight of the (run request, baseline request) pairs whose run time
is at most the factor times the baseline's is integrated numerically (scipy.integrate.quad) over every pair of
requests; the Hodges-Lehmann estimate is the factor at half the pairs, the one-sided 95% bounds those at the rank from
the normal approximation of the Mann-Whitney statistic and at all pairs less it, each found by scipy.optimize.brentq.
"""
import numpy as np
from scipy import integrate, optimize, stats

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


def span(bucket):
    """The times Locust rounds to a bucket: half the width of the buckets below it down, half its own up."""
    below = width(np.nextafter(bucket, 0)) if bucket > 0 else 1
    return max(bucket - below / 2, 0.0), bucket + width(bucket) / 2


def at_most(run_span, baseline_span, factor):
    """P(v <= factor * u) for v even over the run's span and u even over the baseline's."""
    (c, d), (a, b) = run_span, baseline_span

    def cdf_of_v(u):
        return min(max((factor * u - c) / (d - c), 0.0), 1.0)

    breaks = [x for x in (c / factor, d / factor) if a < x < b]
    return integrate.quad(cdf_of_v, a, b, points=breaks or None, limit=200, epsabs=1e-13, epsrel=1e-13)[0] / (b - a)


def weight(run, baseline, log_factor):
    factor = np.exp(log_factor)
    return sum(rc * bc * at_most(span(r), span(b), factor) for r, rc in run.items() for b, bc in baseline.items())


def ratio_at(run, baseline, target):
    low = np.log(max(span(min(run))[0], 0.01) / span(max(baseline))[1])
    high = np.log(span(max(run))[1] / max(span(min(baseline))[0], 0.01))
    return np.exp(optimize.brentq(lambda t: weight(run, baseline, t) - target, low, high, xtol=1e-14, rtol=1e-14))


def shift(run, baseline, confidence=0.95):
    m, n = sum(run.values()), sum(baseline.values())
    z = stats.norm.ppf(confidence)
    k = np.floor(m * n / 2 - z * np.sqrt(m * n * (m + n + 1) / 12))
    estimate = ratio_at(run, baseline, m * n / 2)
    lower = ratio_at(run, baseline, k) if k >= 1 else 0.0
    upper = ratio_at(run, baseline, m * n - k) if k >= 1 else np.inf
    return estimate, min(lower, estimate), max(upper, estimate)


for name, (run, baseline) in CASES.items():
    estimate, lower, upper = shift(run, baseline)
    print(f"{name}: estimate {estimate:.10f} lower {lower:.10f} upper {upper:.10f}")
