package kz.agyn.forecast.engine;

import java.util.ArrayList;
import java.util.List;

/**
 * The benchmark methods of Hyndman &amp; Athanasopoulos, <i>Forecasting: Principles and Practice</i> (3rd ed., FPP3),
 * written out so that a statistician can check each formula here:
 * <ul>
 * <li>naive: ŷ(h) = y_n, variance σ²h (FPP3 §5.5, Table 5.2);</li>
 * <li>drift: ŷ(h) = y_n + h·(y_n − y_1)/(n − 1), variance σ²h(1 + h/(n − 1)) (FPP3 §5.2, §5.5);</li>
 * <li>damped trend, ETS(A,Ad,N): ℓ_t = ℓ_{t−1} + φb_{t−1} + αε_t, b_t = φb_{t−1} + βε_t, ŷ(h) = ℓ_n + (φ + … + φ^h)b_n,
 *     variance σ²(1 + Σ_{j<h} (α + βφ(1 − φ^j)/(1 − φ))²) (FPP3 §8.2, Hyndman et al. 2008 Table 6.1);</li>
 * <li>Theta: simple exponential smoothing with drift half the slope b of a linear trend,
 *     ŷ(h) = ℓ_n + (b/2)((h − 1) + (1 − (1 − α)^n)/α), intervals those of SES, σ²(1 + (h − 1)α²)
 *     (Assimakopoulos &amp; Nikolopoulos 2000; Hyndman &amp; Billah 2003), on the seasonally adjusted series when
 *     the series is seasonal ({@link Seasonality}), as R's {@code forecast::thetaf}.</li>
 * </ul>
 * Smoothing parameters and initial states minimise the sum of squared one-step errors (Gaussian likelihood): the
 * initial states in closed form (the errors are affine in them), the parameters by a grid refined by coordinate
 * search. σ² is the sum of squared errors over n − p, p the number of fitted values (states and parameters).
 */
final class SimpleMethods {

    static final double Z80 = 1.2815515655446004;
    static final double Z95 = 1.959963984540054;

    private SimpleMethods() {
    }

    static Prediction naive(double[] y, int h) {
        int n = y.length;
        double ss = 0;
        for (int t = 1; t < n; t++) {
            ss += (y[t] - y[t - 1]) * (y[t] - y[t - 1]);
        }
        double sigma = Math.sqrt(ss / (n - 1));
        double[] mean = new double[h];
        double[] sd = new double[h];
        for (int i = 0; i < h; i++) {
            mean[i] = y[n - 1];
            sd[i] = sigma * Math.sqrt(i + 1);
        }
        Model m = new Model(Method.NAIVE, null, false, List.of(), List.of(),
                new Model.Fit(n, sigma, null, null, null), false, List.of());
        return normal(Method.NAIVE, mean, sd, m);
    }

    static Prediction drift(double[] y, int h) {
        int n = y.length;
        double c = (y[n - 1] - y[0]) / (n - 1);
        double ss = 0;
        for (int t = 1; t < n; t++) {
            double e = y[t] - y[t - 1] - c;
            ss += e * e;
        }
        double sigma = n > 2 ? Math.sqrt(ss / (n - 2)) : 0;
        double[] mean = new double[h];
        double[] sd = new double[h];
        for (int i = 0; i < h; i++) {
            int k = i + 1;
            mean[i] = y[n - 1] + k * c;
            sd[i] = sigma * Math.sqrt(k * (1 + (double) k / (n - 1)));
        }
        Model m = new Model(Method.DRIFT, null, false, List.of(new Model.Parameter("drift", c, sigma / Math.sqrt(n - 1))),
                List.of(), new Model.Fit(n, sigma, null, null, null), false, List.of());
        return normal(Method.DRIFT, mean, sd, m);
    }

    static Prediction damped(double[] y, int h) {
        int n = y.length;
        double[] best = null;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a = 0.05; a < 1; a += 0.05) {
            for (double r = 0.05; r <= 1.0001; r += 0.1) {
                for (double phi = 0.80; phi <= 0.98001; phi += 0.02) {
                    double[] fit = etsFit(y, a, a * r, phi);
                    if (fit[0] < bestSse) {
                        bestSse = fit[0];
                        best = new double[] {a, a * r, phi};
                    }
                }
            }
        }
        // Coordinate search within the bounds of R's ets: 1e-4 ≤ β ≤ α ≤ 0.9999, 0.8 ≤ φ ≤ 0.98.
        double step = 0.025;
        while (step > 1e-5) {
            boolean moved = false;
            for (int p = 0; p < 3; p++) {
                for (int dir = -1; dir <= 1; dir += 2) {
                    double[] cand = best.clone();
                    cand[p] += dir * step;
                    if (cand[0] < 1e-4 || cand[0] > 0.9999 || cand[1] < 1e-4 || cand[1] > cand[0]
                            || cand[2] < 0.8 || cand[2] > 0.98) {
                        continue;
                    }
                    double sse = etsFit(y, cand[0], cand[1], cand[2])[0];
                    if (sse < bestSse - 1e-12) {
                        bestSse = sse;
                        best = cand;
                        moved = true;
                    }
                }
            }
            if (!moved) {
                step /= 2;
            }
        }
        double[] fit = etsFit(y, best[0], best[1], best[2]);
        return damped(y, h, best[0], best[1], best[2], fit[3], fit[4]);
    }

    /** Damped-trend ETS with the parameters and initial states given (σ² from its errors, n − 5 degrees of freedom). */
    static Prediction damped(double[] y, int h, double alpha, double beta, double phi, double l0, double b0) {
        int n = y.length;
        double level = l0;
        double slope = b0;
        double sse = 0;
        for (double v : y) {
            double f = level + phi * slope;
            double e = v - f;
            sse += e * e;
            level = f + alpha * e;
            slope = phi * slope + beta * e;
        }
        int p = 5;
        double sigma = Math.sqrt(sse / Math.max(1, n - p));
        double[] mean = new double[h];
        double[] sd = new double[h];
        double phiSum = 0;
        double var = 0;
        for (int i = 0; i < h; i++) {
            phiSum += Math.pow(phi, i + 1);
            mean[i] = level + phiSum * slope;
            if (i > 0) {
                double cj = alpha + beta * phi * (1 - Math.pow(phi, i)) / (1 - phi);
                var += cj * cj;
            }
            sd[i] = sigma * Math.sqrt(1 + var);
        }
        double ll = -0.5 * n * (Math.log(2 * Math.PI * sse / n) + 1);
        Model m = new Model(Method.DAMPED, null, false, List.of(new Model.Parameter("alpha", alpha, null),
                new Model.Parameter("beta", beta, null), new Model.Parameter("phi", phi, null)), List.of(),
                new Model.Fit(n, sigma, ll, -2 * ll + 2 * (p + 1), -2 * ll + Math.log(n) * (p + 1)), false,
                List.of());
        return normal(Method.DAMPED, mean, sd, m);
    }

    /** The sum of squared one-step errors of damped-trend ETS at its best initial states. */
    static double dampedSse(double[] y, double alpha, double beta, double phi) {
        return etsFit(y, alpha, beta, phi)[0];
    }

    /**
     * Damped-trend ETS with the initial level and slope that minimise the squared errors for these parameters:
     * {sse, final level, final slope, initial level, initial slope}. The errors are affine in the initial states, so three passes give them.
     */
    private static double[] etsFit(double[] y, double alpha, double beta, double phi) {
        double[] e00 = etsErrors(y, alpha, beta, phi, 0, 0);
        double[] e10 = etsErrors(y, alpha, beta, phi, 1, 0);
        double[] e01 = etsErrors(y, alpha, beta, phi, 0, 1);
        int n = y.length;
        // e(l0, b0) = e00 − l0·d1 − b0·d2
        double s11 = 0;
        double s12 = 0;
        double s22 = 0;
        double s1y = 0;
        double s2y = 0;
        for (int t = 0; t < n; t++) {
            double d1 = e00[t] - e10[t];
            double d2 = e00[t] - e01[t];
            s11 += d1 * d1;
            s12 += d1 * d2;
            s22 += d2 * d2;
            s1y += d1 * e00[t];
            s2y += d2 * e00[t];
        }
        double det = s11 * s22 - s12 * s12;
        double l0;
        double b0;
        if (Math.abs(det) < 1e-12 * Math.max(1, s11 * s22)) {
            l0 = s11 > 0 ? s1y / s11 : y[0];
            b0 = 0;
        } else {
            l0 = (s1y * s22 - s2y * s12) / det;
            b0 = (s2y * s11 - s1y * s12) / det;
        }
        double level = l0;
        double slope = b0;
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double f = level + phi * slope;
            double e = y[t] - f;
            sse += e * e;
            level = f + alpha * e;
            slope = phi * slope + beta * e;
        }
        return new double[] {sse, level, slope, l0, b0};
    }

    private static double[] etsErrors(double[] y, double alpha, double beta, double phi, double l0, double b0) {
        double level = l0;
        double slope = b0;
        double[] e = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            double f = level + phi * slope;
            e[t] = y[t] - f;
            level = f + alpha * e[t];
            slope = phi * slope + beta * e[t];
        }
        return e;
    }

    static Prediction theta(double[] y, int period, int h) {
        int n = y.length;
        double[] idx = Seasonality.indices(y, period);
        double[] x = y.clone();
        if (idx != null) {
            for (int t = 0; t < n; t++) {
                x[t] = y[t] / idx[t % period];
            }
        }
        // SES: α on a grid refined by golden-section search, ℓ0 in closed form.
        double bestA = 0.5;
        double bestSse = Double.POSITIVE_INFINITY;
        for (double a = 0.01; a < 1; a += 0.01) {
            double sse = sesFit(x, a)[0];
            if (sse < bestSse) {
                bestSse = sse;
                bestA = a;
            }
        }
        double lo = Math.max(1e-4, bestA - 0.01);
        double hi = Math.min(0.9999, bestA + 0.01);
        double g = (Math.sqrt(5) - 1) / 2;
        for (int i = 0; i < 60; i++) {
            double a1 = hi - g * (hi - lo);
            double a2 = lo + g * (hi - lo);
            if (sesFit(x, a1)[0] < sesFit(x, a2)[0]) {
                hi = a2;
            } else {
                lo = a1;
            }
        }
        double alpha = (lo + hi) / 2;
        double[] fit = sesFit(x, alpha);
        double sse = fit[0];
        double level = fit[1];
        // The slope of the least-squares line through the (adjusted) series, t = 0 … n − 1.
        double tm = (n - 1) / 2.0;
        double xm = 0;
        for (double v : x) {
            xm += v;
        }
        xm /= n;
        double sxy = 0;
        double sxx = 0;
        for (int t = 0; t < n; t++) {
            sxy += (t - tm) * (x[t] - xm);
            sxx += (t - tm) * (t - tm);
        }
        double b = sxy / sxx;
        double sigma = Math.sqrt(sse / Math.max(1, n - 2));
        double[] mean = new double[h];
        double[] sd = new double[h];
        for (int i = 0; i < h; i++) {
            mean[i] = level + b / 2 * (i + (1 - Math.pow(1 - alpha, n)) / alpha);
            sd[i] = sigma * Math.sqrt(1 + i * alpha * alpha);
        }
        List<Model.Parameter> params = new ArrayList<>();
        params.add(new Model.Parameter("alpha", alpha, null));
        params.add(new Model.Parameter("b", b, null));
        Model m = new Model(Method.THETA, null, false, params, List.of(), new Model.Fit(n, sigma, null, null, null),
                idx != null, List.of());
        Prediction p = normal(Method.THETA, mean, sd, m);
        return idx == null ? p : reseasonalized(p, idx, n, period);
    }

    /** SES with the initial level that minimises the squared errors: {sse, final level}. */
    private static double[] sesFit(double[] y, double alpha) {
        // e_t = (y_t − g_t) − (1 − α)^t ℓ0, g_t the forecasts from ℓ0 = 0.
        int n = y.length;
        double g = 0;
        double sw = 0;
        double swr = 0;
        double w = 1;
        for (int t = 0; t < n; t++) {
            double r = y[t] - g;
            swr += w * r;
            sw += w * w;
            g = g + alpha * r;
            w *= 1 - alpha;
        }
        double l0 = swr / sw;
        double level = l0;
        double sse = 0;
        for (int t = 0; t < n; t++) {
            double e = y[t] - level;
            sse += e * e;
            level += alpha * e;
        }
        return new double[] {sse, level};
    }

    /**
     * Naive2, the M4 benchmark: the naive forecast of the seasonally adjusted series, seasonality put back (plain
     * naive when the series is not seasonal).
     */
    static Prediction naive2(double[] y, int period, int h) {
        double[] idx = Seasonality.indices(y, period);
        if (idx == null) {
            return naive(y, h);
        }
        double[] x = new double[y.length];
        for (int t = 0; t < y.length; t++) {
            x[t] = y[t] / idx[t % period];
        }
        return reseasonalized(naive(x, h), idx, y.length, period);
    }

    private static Prediction reseasonalized(Prediction p, double[] idx, int n, int period) {
        int h = p.horizon();
        double[][] out = new double[5][h];
        double[][] in = {p.mean(), p.lo80(), p.hi80(), p.lo95(), p.hi95()};
        for (int i = 0; i < h; i++) {
            double s = idx[(n + i) % period];
            for (int k = 0; k < 5; k++) {
                out[k][i] = in[k][i] * s;
            }
        }
        return new Prediction(p.method(), out[0], out[1], out[2], out[3], out[4], p.model());
    }

    static Prediction normal(Method method, double[] mean, double[] sd, Model model) {
        int h = mean.length;
        double[] l8 = new double[h];
        double[] h8 = new double[h];
        double[] l9 = new double[h];
        double[] h9 = new double[h];
        for (int i = 0; i < h; i++) {
            l8[i] = mean[i] - Z80 * sd[i];
            h8[i] = mean[i] + Z80 * sd[i];
            l9[i] = mean[i] - Z95 * sd[i];
            h9[i] = mean[i] + Z95 * sd[i];
        }
        return new Prediction(method, mean, l8, h8, l9, h9, model);
    }
}
