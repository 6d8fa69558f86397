package kz.agyn.forecast.engine;

/**
 * A method's forecast: the point (for a log model the median, exp of the log forecast) and the 80% and 95%
 * prediction intervals, one entry per step ahead.
 */
public record Prediction(Method method, double[] mean, double[] lo80, double[] hi80, double[] lo95, double[] hi95,
                         Model model) {

    public int horizon() {
        return mean.length;
    }

    /** The intervals widened about the point by the factors (1 leaves them as they are). */
    public Prediction widened(double factor80, double factor95) {
        int h = mean.length;
        double[] l8 = new double[h];
        double[] h8 = new double[h];
        double[] l9 = new double[h];
        double[] h9 = new double[h];
        for (int i = 0; i < h; i++) {
            l8[i] = mean[i] - factor80 * (mean[i] - lo80[i]);
            h8[i] = mean[i] + factor80 * (hi80[i] - mean[i]);
            l9[i] = mean[i] - factor95 * (mean[i] - lo95[i]);
            h9[i] = mean[i] + factor95 * (hi95[i] - mean[i]);
        }
        return new Prediction(method, mean.clone(), l8, h8, l9, h9, model);
    }

    /** Points and bounds cut at zero, for a quantity that cannot be negative (the intervals' coverage only grows). */
    public Prediction atLeastZero() {
        return new Prediction(method, floor(mean), floor(lo80), floor(hi80), floor(lo95), floor(hi95), model);
    }

    private static double[] floor(double[] v) {
        return java.util.Arrays.stream(v).map(x -> Math.max(0, x)).toArray();
    }
}
