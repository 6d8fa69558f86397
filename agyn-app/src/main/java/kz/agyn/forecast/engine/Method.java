package kz.agyn.forecast.engine;

import java.util.List;
import java.util.Locale;
import java.util.Optional;

/** A forecasting method; {@link #AUTO} is the one with the lowest backtest MASE among the others. */
public enum Method {
    AUTO,
    /** TRAMO/regARIMA automatic modelling (JDemetra+ v3): log/level test, ARIMA orders, outliers. */
    TRAMO,
    /** The last value carried forward (random walk). */
    NAIVE,
    /** Random walk with drift: the last value plus the mean change (FPP3 §5.2). */
    DRIFT,
    /** Additive damped-trend exponential smoothing, ETS(A,Ad,N) (FPP3 §8.2). */
    DAMPED,
    /** Theta method = simple exponential smoothing with drift b/2 (Hyndman &amp; Billah 2003). */
    THETA,
    /** The mean of the damped-trend, Theta and drift forecasts (and TRAMO where it fits). */
    COMBINATION;

    /** The methods that compete in a backtest (all but AUTO). */
    public static final List<Method> CANDIDATES = List.of(TRAMO, NAIVE, DRIFT, DAMPED, THETA, COMBINATION);

    /** A method as typed, in any case; blank is AUTO, an unknown name empty. */
    public static Optional<Method> parse(String s) {
        return parse(Method.class, s, AUTO);
    }

    static <E extends Enum<E>> Optional<E> parse(Class<E> type, String s, E blank) {
        if (s == null || s.isBlank()) {
            return Optional.of(blank);
        }
        try {
            return Optional.of(Enum.valueOf(type, s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
