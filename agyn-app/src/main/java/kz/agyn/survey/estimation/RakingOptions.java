package kz.agyn.survey.estimation;

import java.util.Optional;

/**
 * How raking runs.
 *
 * @param maxIterations   the most full cycles over all variables; 1,000 by default
 * @param tolerance       raking has converged when every margin is met to this relative error,
 *                        {@code max |Σ_{i∈c} w_i − T_c| / T_c}; 1e-10 by default
 * @param totalsTolerance the largest relative difference allowed between the totals of the margins of
 *                        two variables, {@code |ΣT_v − ΣT_1| / ΣT_1}; beyond it the margins describe
 *                        different populations and no weights can meet them all; 1e-6 by default
 * @param bounds          optional trimming bounds on {@code w_i / d_i}
 */
public record RakingOptions(int maxIterations, double tolerance, double totalsTolerance,
                            Optional<WeightBounds> bounds) {

    public static final RakingOptions DEFAULT = new RakingOptions(1000, 1e-10, 1e-6, Optional.empty());

    public RakingOptions {
        if (maxIterations < 1) {
            throw new IllegalArgumentException("maxIterations must be positive: " + maxIterations);
        }
        if (!(tolerance > 0) || !(totalsTolerance > 0)) {
            throw new IllegalArgumentException("tolerances must be positive");
        }
    }

    /** The defaults with trimming bounds. */
    public RakingOptions withBounds(WeightBounds b) {
        return new RakingOptions(maxIterations, tolerance, totalsTolerance, Optional.of(b));
    }

    public RakingOptions withMaxIterations(int n) {
        return new RakingOptions(n, tolerance, totalsTolerance, bounds);
    }
}
