package dev.locustmaven.statistical;

/**
 * The few distribution functions the gates need (Student t, standard normal), computed with the regularised incomplete
 * beta and gamma functions. Kept here so that the core needs no maths library; accurate to about 1e-12 relative in the
 * tails the gates use.
 */
public final class Distributions {

    private static final double EPS = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;
    private static final double[] LANCZOS = {
        0.99999999999980993,
        676.5203681218851,
        -1259.1392167224028,
        771.32342877765313,
        -176.61502916214059,
        12.507343278686905,
        -0.13857109526572012,
        9.9843695780195716e-6,
        1.5056327351493116e-7
    };

    private Distributions() {}

    /** P(T > t) for Student's t with {@code df} degrees of freedom. */
    public static double studentTSurvival(double t, double df) {
        if (!(df > 0)) {
            throw new IllegalArgumentException("degrees of freedom must be positive, not " + df);
        }
        if (Double.isNaN(t)) {
            return Double.NaN;
        }
        if (Double.isInfinite(t)) {
            return t > 0 ? 0.0 : 1.0;
        }
        double tail = 0.5 * regularizedBeta(df / (df + t * t), df / 2, 0.5);
        return t >= 0 ? tail : 1 - tail;
    }

    /** P(T ≤ t) for Student's t with {@code df} degrees of freedom. */
    public static double studentTCdf(double t, double df) {
        return 1 - studentTSurvival(t, df);
    }

    /** The t with P(T > t) = {@code upperTail}, for 0 < upperTail < 1. */
    public static double studentTUpperQuantile(double upperTail, double df) {
        if (!(upperTail > 0 && upperTail < 1)) {
            throw new IllegalArgumentException("tail probability must lie in (0, 1), not " + upperTail);
        }
        if (upperTail > 0.5) {
            return -studentTUpperQuantile(1 - upperTail, df);
        }
        double lo = 0;
        double hi = 1;
        while (studentTSurvival(hi, df) > upperTail) {
            hi *= 2;
        }
        for (int i = 0; i < 200 && hi - lo > 1e-12 * Math.max(1, hi); i++) {
            double mid = 0.5 * (lo + hi);
            if (studentTSurvival(mid, df) > upperTail) {
                lo = mid;
            } else {
                hi = mid;
            }
        }
        return 0.5 * (lo + hi);
    }

    /** P(Z > z) for the standard normal distribution. */
    public static double normalSurvival(double z) {
        if (Double.isNaN(z)) {
            return Double.NaN;
        }
        double x = z / Math.sqrt(2);
        // erfc(x) = Q(1/2, x^2) for x >= 0
        return z >= 0 ? 0.5 * regularizedGammaQ(0.5, x * x) : 1 - 0.5 * regularizedGammaQ(0.5, x * x);
    }

    /** P(Z ≤ z) for the standard normal distribution. */
    public static double normalCdf(double z) {
        return 1 - normalSurvival(z);
    }

    /** ln Γ(x) for x > 0 (Lanczos approximation, g = 7). */
    public static double logGamma(double x) {
        if (x < 0.5) {
            return Math.log(Math.PI / Math.abs(Math.sin(Math.PI * x))) - logGamma(1 - x);
        }
        double z = x - 1;
        double sum = LANCZOS[0];
        double t = z + 7.5;
        for (int i = 1; i < LANCZOS.length; i++) {
            sum += LANCZOS[i] / (z + i);
        }
        return 0.5 * Math.log(2 * Math.PI) + (z + 0.5) * Math.log(t) - t + Math.log(sum);
    }

    /** The regularised incomplete beta function I_x(a, b). */
    public static double regularizedBeta(double x, double a, double b) {
        if (x <= 0) {
            return 0;
        }
        if (x >= 1) {
            return 1;
        }
        double logFront = logGamma(a + b) - logGamma(a) - logGamma(b) + a * Math.log(x) + b * Math.log1p(-x);
        // The continued fraction converges fast for x < (a + 1) / (a + b + 2); use the symmetry otherwise.
        if (x < (a + 1) / (a + b + 2)) {
            return Math.exp(logFront) * betaContinuedFraction(x, a, b) / a;
        }
        return 1 - Math.exp(logFront) * betaContinuedFraction(1 - x, b, a) / b;
    }

    private static double betaContinuedFraction(double x, double a, double b) {
        // Modified Lentz evaluation of the continued fraction for I_x(a, b).
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        d = Math.abs(d) < TINY ? TINY : d;
        d = 1 / d;
        double h = d;
        for (int m = 1; m <= MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            d = Math.abs(d) < TINY ? TINY : d;
            c = 1 + aa / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                return h;
            }
        }
        return h;
    }

    /** The regularised upper incomplete gamma function Q(a, x) = Γ(a, x) / Γ(a). */
    public static double regularizedGammaQ(double a, double x) {
        if (x <= 0) {
            return 1;
        }
        if (x < a + 1) {
            return 1 - gammaSeries(a, x);
        }
        return gammaContinuedFraction(a, x);
    }

    private static double gammaSeries(double a, double x) {
        double ap = a;
        double sum = 1 / a;
        double del = sum;
        for (int n = 1; n <= MAX_ITERATIONS; n++) {
            ap += 1;
            del *= x / ap;
            sum += del;
            if (Math.abs(del) < Math.abs(sum) * EPS) {
                break;
            }
        }
        return sum * Math.exp(-x + a * Math.log(x) - logGamma(a));
    }

    private static double gammaContinuedFraction(double a, double x) {
        double b = x + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double h = d;
        for (int i = 1; i <= MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            d = Math.abs(d) < TINY ? TINY : d;
            c = b + an / c;
            c = Math.abs(c) < TINY ? TINY : c;
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPS) {
                break;
            }
        }
        return Math.exp(-x + a * Math.log(x) - logGamma(a)) * h;
    }
}
