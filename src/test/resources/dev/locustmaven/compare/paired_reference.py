"""Reference values for PairedStatisticsTest, computed independently of the plugin with scipy.

Run: python3 paired_reference.py (needs scipy). Bounds are one-sided at 95% confidence.
Between pairs: Student t on the per-pair log ratios (or differences), k - 1 degrees of freedom.
Sampling: each side's runs pooled; Garwood (Poisson) bounds of a count, Wilson bounds of a proportion,
order-statistic bounds of a percentile from the binomial; ratio and difference combined by MOVER.
The paired interval is the wider of the two on each side.
"""
import math

from scipy import stats

C = 0.95


def t_bounds(changes, log):
    k = len(changes)
    m = sum(changes) / k
    s = stats.tstd(changes)
    half = stats.t.ppf(C, k - 1) * s / math.sqrt(k)
    lo, hi = m - half, m + half
    return (math.exp(m), math.exp(lo), math.exp(hi)) if log else (m, lo, hi)


def geomean(xs):
    return math.exp(sum(math.log(x) for x in xs) / len(xs))


def mover_ratio(c, cl, cu, b, bl, bu):
    down = math.hypot(math.log(c / cl), math.log(bu / b))
    up = math.hypot(math.log(cu / c), math.log(b / bl))
    return c / b * math.exp(-down), c / b * math.exp(up)


def mover_difference(c, cl, cu, b, bl, bu):
    return c - b - math.hypot(c - cl, bu - b), c - b + math.hypot(cu - c, b - bl)


def garwood(count, value):
    lo = stats.gamma.ppf(1 - C, count) if count > 0 else 0.0
    hi = stats.gamma.ppf(C, count + 1)
    return value * lo / count, value * hi / count


def wilson(events, n, value):
    p = events / n
    z = stats.norm.ppf(C)
    centre = (p + z * z / (2 * n)) / (1 + z * z / n)
    half = z * math.sqrt(p * (1 - p) / n + z * z / (4 * n * n)) / (1 + z * z / n)
    shift = value - 100 * p
    return 100 * max(0, centre - half) + shift, 100 * min(1, centre + half) + shift


def width(ms):
    return 1 if ms < 100 else 10 if ms < 1000 else 100 if ms < 10000 else 1000


def locust_percentile(hist, fraction):
    n = sum(hist.values())
    allowed_above = int(n * fraction)
    seen = 0
    for at in sorted(hist, reverse=True):
        seen += hist[at]
        if n - seen <= allowed_above:
            return at
    return 0


def order_statistic(hist, k):
    if k < 1:
        return 0.0
    seen = 0
    for at in sorted(hist):
        seen += hist[at]
        if seen >= k:
            return at
    return math.inf


def percentile_bounds(hist, fraction, value):
    n = sum(hist.values())
    est = locust_percentile(hist, fraction)
    lower_rank = max(l for l in range(0, n + 1) if l == 0 or stats.binom.sf(l - 1, n, fraction) >= C)
    upper_rank = min([u for u in range(1, n + 1) if stats.binom.cdf(u - 1, n, fraction) >= C] + [n + 1])
    lo_os, hi_os = order_statistic(hist, lower_rank), order_statistic(hist, upper_rank)
    lo = min(est, max(0, lo_os - width(lo_os) / 2))
    hi = max(est, hi_os + width(hi_os) / 2)
    return value * lo / est, value * hi / est


def show(name, estimate, lower, upper):
    print(f"{name}: estimate {float(estimate)!r} lower {float(lower)!r} upper {float(upper)!r}")


# 1. exact values (no sampling error): the t interval alone
base, change = [200.0, 210.0, 190.0], [240.0, 255.0, 226.0]
show("exact ratio", *t_bounds([math.log(c / b) for b, c in zip(base, change)], True))
base, change = [0.5, 1.0, 0.2], [1.5, 2.1, 1.2]
show("exact difference", *t_bounds([c - b for b, c in zip(base, change)], False))

# 2. a thin throughput: counts small, pairs agree, so the sampling interval is the wider
base_rps, base_n = [0.5, 0.6, 0.55], [30, 36, 33]
change_rps, change_n = [0.6, 0.73, 0.65], [36, 44, 39]
est, tlo, thi = t_bounds([math.log(c / b) for b, c in zip(base_rps, change_rps)], True)
b, c = geomean(base_rps), geomean(change_rps)
slo, shi = mover_ratio(c, *garwood(sum(change_n), c), b, *garwood(sum(base_n), b))
show("thin throughput", est, min(tlo, slo), max(thi, shi))
show("thin throughput sampling", c / b, slo, shi)

# 3. a busy throughput: counts large, pairs disagree, so the t interval is the wider
base_rps, base_n = [50.0, 48.0, 52.0], [3000, 2880, 3120]
change_rps, change_n = [60.0, 51.0, 58.0], [3600, 3060, 3480]
est, tlo, thi = t_bounds([math.log(c / b) for b, c in zip(base_rps, change_rps)], True)
b, c = geomean(base_rps), geomean(change_rps)
slo, shi = mover_ratio(c, *garwood(sum(change_n), c), b, *garwood(sum(base_n), b))
show("busy throughput", est, min(tlo, slo), max(thi, shi))
show("busy throughput t", est, tlo, thi)

# 4. an error rate: a difference, Wilson bounds of the pooled requests
base_ev, change_ev, n = [5, 8, 6], [15, 12, 18], 1000
base_pct = [100 * e / n for e in base_ev]
change_pct = [100 * e / n for e in change_ev]
est, tlo, thi = t_bounds([c - b for b, c in zip(base_pct, change_pct)], False)
b, c = sum(base_pct) / 3, sum(change_pct) / 3
slo, shi = mover_difference(c, *wilson(sum(change_ev), 3 * n, c), b, *wilson(sum(base_ev), 3 * n, b))
show("error rate", est, min(tlo, slo), max(thi, shi))

# 5. a p95 from histograms, the same in every run: the pairs agree exactly (s = 0), sampling alone bounds it
base_hist = {100: 50, 110: 30, 120: 15, 150: 4, 190: 1}
change_hist = {120: 50, 130: 30, 150: 15, 180: 4, 220: 1}
b, c = locust_percentile(base_hist, 0.95), locust_percentile(change_hist, 0.95)
pooled_b = {k: 3 * v for k, v in base_hist.items()}
pooled_c = {k: 3 * v for k, v in change_hist.items()}
slo, shi = mover_ratio(c, *percentile_bounds(pooled_c, 0.95, c), b, *percentile_bounds(pooled_b, 0.95, b))
show("p95 identical runs", c / b, slo, shi)
