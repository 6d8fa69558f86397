package kz.agyn.forecast.engine;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

/**
 * Forecasts one series: checks it, backtests every method on it by rolling origin, fits the method asked for (or,
 * for {@link Method#AUTO}, the one with the lowest backtest MASE) on the whole series, and widens its intervals by
 * the calibration its backtest calls for (docs/decisions/0037-forecasts.md, 0038-interval-calibration.md). A series
 * that was never negative (counts of people, amounts) gets no negative forecast nor bound: they are cut at zero.
 */
public final class ForecastEngine {

    /** Fewest values a series needs: fewer give no honest backtest, nor a trend worth extrapolating. */
    public static final int MIN_POINTS = 5;

    /** The longest horizon for a period length: ten years ahead. */
    public static int maxHorizon(int period) {
        return 10 * period;
    }

    /** How far ahead the backtest scores: up to a year (three steps for yearly data), never beyond the horizon. */
    static int backtestHorizon(int period, int horizon) {
        return Math.min(horizon, period == 1 ? 3 : period);
    }

    /** How many origins the backtest uses: the last 8 points (12 for monthly), keeping enough data to fit. */
    static int origins(int n, int period) {
        int minTrain = period == 1 ? MIN_POINTS - 1 : 3 * period;
        return Math.max(0, Math.min(period == 12 ? 12 : 8, n - minTrain));
    }

    /**
     * @param y         the values, oldest first, no gaps
     * @param period    points per year: 1, 4 or 12
     * @param horizon   steps ahead, 1 to {@link #maxHorizon}
     * @param transform TRAMO's transformation (the other methods work on levels)
     * @throws ForecastException when the series or the request cannot be forecast, saying why
     */
    public Outcome forecast(double[] y, int period, int horizon, Method method, Transform transform) {
        check(y, period, horizon, transform);
        int n = y.length;
        int origins = origins(n, period);
        int hb = backtestHorizon(period, horizon);
        Map<Method, List<Backtester.Scored>> scored = new EnumMap<>(Method.class);
        List<Accuracy> table = new ArrayList<>();
        Accuracy naive2 = Backtester.accuracy(Method.NAIVE, origins == 0 ? List.of()
                : Backtester.run(y, origins, hb, period, train -> SimpleMethods.naive2(train, period, hb)));
        for (Method m : Method.CANDIDATES) {
            List<Backtester.Scored> s = origins == 0 ? List.of()
                    : Backtester.run(y, origins, hb, period, train -> predict(m, train, period, hb, transform));
            scored.put(m, s);
            Accuracy a = Backtester.accuracy(m, s);
            table.add(naive2.scored() ? Backtester.relative(a, naive2) : a);
        }
        List<Method> order = new ArrayList<>();
        if (method == Method.AUTO) {
            table.stream().filter(Accuracy::scored).sorted(Comparator.comparingDouble(Accuracy::mase))
                    .forEach(a -> order.add(a.method()));
            // Too short to backtest, or nothing scored: Theta, the M4 yearly benchmark, then the others.
            for (Method m : List.of(Method.THETA, Method.DAMPED, Method.DRIFT, Method.NAIVE)) {
                if (!order.contains(m)) {
                    order.add(m);
                }
            }
        } else {
            order.add(method);
        }
        Prediction prediction = null;
        for (Method m : order) {
            try {
                prediction = predict(m, y, period, horizon, transform);
                break;
            } catch (RuntimeException e) {
                if (method != Method.AUTO) {
                    throw new ForecastException("forecast.error.methodFailed", m.name());
                }
            }
        }
        if (prediction == null) {
            throw new ForecastException("forecast.error.methodFailed", Method.AUTO.name());
        }
        Calibration calibration = Backtester.calibration(scored.getOrDefault(prediction.method(), List.of()));
        if (calibration.widened()) {
            prediction = prediction.widened(calibration.factor80(), calibration.factor95());
        }
        if (java.util.Arrays.stream(y).allMatch(v -> v >= 0)) {
            prediction = prediction.atLeastZero();
        }
        return new Outcome(prediction, method == Method.AUTO, table, naive2, calibration, origins, hb);
    }

    /** One method fitted on the values given, with its intervals as the method states them. */
    static Prediction predict(Method m, double[] y, int period, int h, Transform transform) {
        return switch (m) {
            case TRAMO -> Tramo.forecast(y, period, h, transform);
            case NAIVE -> SimpleMethods.naive(y, h);
            case DRIFT -> SimpleMethods.drift(y, h);
            case DAMPED -> SimpleMethods.damped(y, h);
            case THETA -> SimpleMethods.theta(y, period, h);
            case COMBINATION -> combination(y, period, h, transform);
            case AUTO -> throw new IllegalArgumentException("AUTO is chosen, not fitted");
        };
    }

    /**
     * The equally weighted mean of the damped-trend, Theta and drift forecasts, and TRAMO's where it fits; the
     * interval bounds averaged likewise (quantile averaging, Lichtendahl, Grushka-Cockayne &amp; Winkler 2013).
     */
    private static Prediction combination(double[] y, int period, int h, Transform transform) {
        List<Prediction> parts = new ArrayList<>();
        parts.add(SimpleMethods.damped(y, h));
        parts.add(SimpleMethods.theta(y, period, h));
        parts.add(SimpleMethods.drift(y, h));
        try {
            parts.add(Tramo.forecast(y, period, h, transform));
        } catch (RuntimeException e) {
            // TRAMO fails on some short series; the combination goes on without it.
        }
        double[][] out = new double[5][h];
        for (Prediction p : parts) {
            double[][] in = {p.mean(), p.lo80(), p.hi80(), p.lo95(), p.hi95()};
            for (int k = 0; k < 5; k++) {
                for (int i = 0; i < h; i++) {
                    out[k][i] += in[k][i] / parts.size();
                }
            }
        }
        Model model = new Model(Method.COMBINATION, null, false, List.of(), List.of(),
                new Model.Fit(y.length, Double.NaN, null, null, null), false,
                parts.stream().map(Prediction::method).toList());
        return new Prediction(Method.COMBINATION, out[0], out[1], out[2], out[3], out[4], model);
    }

    private static void check(double[] y, int period, int horizon, Transform transform) {
        if (period != 1 && period != 4 && period != 12) {
            throw new ForecastException("forecast.error.frequency");
        }
        if (y.length < MIN_POINTS) {
            throw new ForecastException("forecast.error.tooShort", y.length, MIN_POINTS);
        }
        for (int i = 0; i < y.length; i++) {
            if (!Double.isFinite(y[i])) {
                throw new ForecastException("forecast.error.gap", i + 1);
            }
        }
        if (horizon < 1 || horizon > maxHorizon(period)) {
            throw new ForecastException("forecast.error.horizon", String.valueOf(horizon), maxHorizon(period));
        }
        if (transform == Transform.LOG) {
            for (double v : y) {
                if (v <= 0) {
                    throw new ForecastException("forecast.error.logNonPositive");
                }
            }
        }
    }
}
