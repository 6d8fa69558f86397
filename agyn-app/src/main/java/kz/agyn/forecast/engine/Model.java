package kz.agyn.forecast.engine;

import java.util.List;

/**
 * What a fitted method is, for describing it in words: its orders (ARIMA, e.g. "(0,1,1)(0,1,1)12"; null for the
 * simple methods), whether it works in logs, its parameters with standard errors where known, the outliers TRAMO
 * found, and fit statistics.
 *
 * @param components for a combination, the methods averaged
 */
public record Model(Method method, String orders, boolean log, List<Parameter> parameters, List<Outlier> outliers,
                    Fit fit, boolean seasonallyAdjusted, List<Method> components) {

    /** A parameter by its conventional name (theta1, btheta1, phi1, alpha, beta, phi, drift, b). */
    public record Parameter(String name, double value, Double stderr) {
    }

    /**
     * An outlier: AO additive, LS level shift, TC transitory change, SO seasonal; {@code index} is its position in
     * the series (0 = first point).
     */
    public record Outlier(String type, int index, double coefficient, Double t) {
    }

    /** Observations used, residual standard deviation, and likelihood criteria where the method has them. */
    public record Fit(int observations, double sigma, Double logLikelihood, Double aic, Double bic) {
    }
}
