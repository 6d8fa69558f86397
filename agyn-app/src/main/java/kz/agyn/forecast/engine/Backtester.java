package kz.agyn.forecast.engine;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.function.Function;

/**
 * Rolling-origin evaluation (FPP3 §5.10, "time series cross-validation"): for each of the last {@code origins}
 * points the method is fitted on the values before it and forecasts up to {@code horizon} steps; every step whose
 * actual value is known is scored.
 * <ul>
 * <li>MASE: mean of |actual − forecast| / s, s the in-sample mean absolute seasonal difference
 *     (lag m = the period; lag 1 for yearly data) of that origin's training values (Hyndman &amp; Koehler 2006,
 *     as in the M4 competition);</li>
 * <li>sMAPE: mean of 200·|actual − forecast| / (|actual| + |forecast|), in percent (M4's definition);</li>
 * <li>coverage: the share of actual values inside the 80% and the 95% intervals.</li>
 * </ul>
 */
public final class Backtester {

    /** Fewest scored forecasts from which intervals are calibrated (decision 0038). */
    public static final int MIN_CALIBRATION = 5;
    /** The widest calibration applied: beyond it the method is wrong, not its intervals. */
    public static final double MAX_FACTOR = 3;

    private Backtester() {
    }

    /** One scored forecast: the actual value, the forecast and its intervals, and the origin's MASE scale. */
    public record Scored(double actual, double mean, double lo80, double hi80, double lo95, double hi95,
                         double scale) {
    }

    /** The forecasts a method made at each origin, scored; empty when it failed at any origin. */
    public static List<Scored> run(double[] y, int origins, int horizon, int period,
                                   Function<double[], Prediction> method) {
        int n = y.length;
        List<Scored> out = new ArrayList<>();
        for (int origin = n - origins; origin < n; origin++) {
            double[] train = Arrays.copyOf(y, origin);
            int steps = Math.min(horizon, n - origin);
            Prediction p;
            try {
                p = method.apply(train);
            } catch (RuntimeException e) {
                return List.of();
            }
            double scale = scale(train, period);
            for (int j = 0; j < steps; j++) {
                out.add(new Scored(y[origin + j], p.mean()[j], p.lo80()[j], p.hi80()[j], p.lo95()[j], p.hi95()[j],
                        scale));
            }
        }
        return out;
    }

    /** The in-sample mean absolute seasonal difference (lag 1 when the series is too short for its season). */
    static double scale(double[] train, int period) {
        int m = period > 1 && train.length > period ? period : 1;
        double s = 0;
        for (int t = m; t < train.length; t++) {
            s += Math.abs(train[t] - train[t - m]);
        }
        return s / (train.length - m);
    }

    /** MASE, sMAPE and coverages of the scored forecasts; relative measures NaN (see {@link #relative}). */
    public static Accuracy accuracy(Method method, List<Scored> scored) {
        if (scored.isEmpty()) {
            return new Accuracy(method, 0, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN, Double.NaN);
        }
        double mase = 0;
        double smape = 0;
        int in80 = 0;
        int in95 = 0;
        for (Scored s : scored) {
            double e = Math.abs(s.actual() - s.mean());
            mase += s.scale() > 0 ? e / s.scale() : Double.NaN;
            double denominator = Math.abs(s.actual()) + Math.abs(s.mean());
            smape += denominator == 0 ? 0 : 200 * e / denominator;
            in80 += s.actual() >= s.lo80() && s.actual() <= s.hi80() ? 1 : 0;
            in95 += s.actual() >= s.lo95() && s.actual() <= s.hi95() ? 1 : 0;
        }
        int k = scored.size();
        return new Accuracy(method, k, mase / k, smape / k, Double.NaN, Double.NaN, (double) in80 / k,
                (double) in95 / k);
    }

    /** The accuracy with its MASE and sMAPE divided by Naive2's. */
    public static Accuracy relative(Accuracy a, Accuracy naive2) {
        return new Accuracy(a.method(), a.forecasts(), a.mase(), a.smape(), a.mase() / naive2.mase(),
                a.smape() / naive2.smape(), a.coverage80(), a.coverage95());
    }

    /**
     * The factors that would have made the 80% and 95% intervals cover as promised in the backtest (decision
     * 0038): for each level the ⌈p·k⌉-th smallest ratio of an actual's distance from the point to the interval's
     * half-width on its side, when that is above 1 (the intervals under-covered); at most {@link #MAX_FACTOR}.
     */
    public static Calibration calibration(List<Scored> scored) {
        if (scored.size() < MIN_CALIBRATION) {
            return new Calibration(1, 1, scored.size());
        }
        return new Calibration(factor(scored, 0.80, true), factor(scored, 0.95, false), scored.size());
    }

    private static double factor(List<Scored> scored, double level, boolean eighty) {
        double[] ratios = new double[scored.size()];
        for (int i = 0; i < ratios.length; i++) {
            Scored s = scored.get(i);
            double half = s.actual() >= s.mean() ? (eighty ? s.hi80() : s.hi95()) - s.mean()
                    : s.mean() - (eighty ? s.lo80() : s.lo95());
            double d = Math.abs(s.actual() - s.mean());
            ratios[i] = half > 0 ? d / half : d > 0 ? Double.POSITIVE_INFINITY : 0;
        }
        Arrays.sort(ratios);
        double q = ratios[(int) Math.ceil(level * ratios.length) - 1];
        return Math.min(MAX_FACTOR, Math.max(1, q));
    }
}
