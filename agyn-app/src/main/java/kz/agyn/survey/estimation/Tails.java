package kz.agyn.survey.estimation;

import org.hipparchus.special.Beta;
import org.hipparchus.special.Gamma;

/**
 * Upper-tail probabilities of the chi-square and F distributions as natural logarithms, so that a very small
 * p-value is not lost: {@code 1 − cdf} is exactly 0 below about 1e-16, and even the directly computed tail
 * underflows below about 1e-308; its logarithm does not. The tails are the regularized incomplete gamma
 * {@code Q(df/2, x/2)} and beta {@code I_{d₂/(d₂ + d₁ F)}(d₂/2, d₁/2)} functions, evaluated far in the tail by
 * their continued fractions (modified Lentz), whose prefactor is taken in log space, as R's {@code pchisq} and
 * {@code pf(..., lower.tail = FALSE, log.p = TRUE)} do.
 */
final class Tails {

    private static final double EPSILON = 1e-15;
    private static final double TINY = 1e-300;
    private static final int MAX_ITERATIONS = 10_000;

    private Tails() {
    }

    /** ln P(χ²_df ≥ x). */
    static double logUpperChiSquare(double x, double df) {
        if (!(x > 0)) {
            return 0;
        }
        double a = df / 2;
        double h = x / 2;
        if (h < a + 1) {
            return Math.log(Gamma.regularizedGammaQ(a, h));
        }
        // Q(a, h) = exp(−h + a ln h − ln Γ(a)) / CF, with the continued fraction of Numerical Recipes' gcf.
        double b = h + 1 - a;
        double c = 1 / TINY;
        double d = 1 / b;
        double f = d;
        for (int i = 1; i < MAX_ITERATIONS; i++) {
            double an = -i * (i - a);
            b += 2;
            d = an * d + b;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = b + an / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            f *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return -h + a * Math.log(h) - Gamma.logGamma(a) + Math.log(f);
    }

    /** ln P(F_{d₁, d₂} ≥ f). */
    static double logUpperF(double f, double d1, double d2) {
        if (!(f > 0)) {
            return 0;
        }
        double x = d2 / (d2 + d1 * f);
        double a = d2 / 2;
        double b = d1 / 2;
        if (x >= (a + 1) / (a + b + 2)) {
            // Not far in the tail: the upper tail is at least moderate and Hipparchus keeps its digits.
            return Math.log(Beta.regularizedBeta(x, a, b));
        }
        // I_x(a, b) = exp(a ln x + b ln(1 − x) − ln a − ln B(a, b)) · CF, Numerical Recipes' betacf.
        double qab = a + b;
        double qap = a + 1;
        double qam = a - 1;
        double c = 1;
        double d = 1 - qab * x / qap;
        if (Math.abs(d) < TINY) {
            d = TINY;
        }
        d = 1 / d;
        double h = d;
        for (int m = 1; m < MAX_ITERATIONS; m++) {
            int m2 = 2 * m;
            double aa = m * (b - m) * x / ((qam + m2) * (a + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            h *= d * c;
            aa = -(a + m) * (qab + m) * x / ((a + m2) * (qap + m2));
            d = 1 + aa * d;
            if (Math.abs(d) < TINY) {
                d = TINY;
            }
            c = 1 + aa / c;
            if (Math.abs(c) < TINY) {
                c = TINY;
            }
            d = 1 / d;
            double delta = d * c;
            h *= delta;
            if (Math.abs(delta - 1) < EPSILON) {
                break;
            }
        }
        return a * Math.log(x) + b * Math.log1p(-x) - Math.log(a) - Beta.logBeta(a, b) + Math.log(h);
    }
}
