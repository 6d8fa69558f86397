package kz.agyn.forecast.engine;

/**
 * A method's rolling-origin backtest: how many forecasts were scored, MASE and sMAPE (percent), each also relative
 * to Naive2's (below 1 beats it), and the share of actual values inside the 80% and 95% intervals. NaN where the
 * method could not be fitted at some origin.
 */
public record Accuracy(Method method, int forecasts, double mase, double smape, double relativeMase,
                       double relativeSmape, double coverage80, double coverage95) {

    public boolean scored() {
        return forecasts > 0 && !Double.isNaN(mase);
    }

    /** Whether the 95% intervals covered fewer actual values than they promise (decision 0038). */
    public boolean underCovers() {
        return scored() && (coverage95 < 0.95 || coverage80 < 0.80);
    }
}
