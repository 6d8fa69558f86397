package kz.agyn.forecast.engine;

/**
 * How much the chosen method's intervals were widened from its backtest (decision 0038): 1 where they covered as
 * promised or where too few forecasts were scored ({@code scored} below {@link Backtester#MIN_CALIBRATION}).
 */
public record Calibration(double factor80, double factor95, int scored) {

    public static final Calibration NONE = new Calibration(1, 1, 0);

    public boolean widened() {
        return factor80 > 1 || factor95 > 1;
    }
}
