package kz.agyn.survey.estimation;

import java.util.List;

/**
 * The outcome of {@link Raking#rake raking}.
 *
 * @param weights          the raked weights, aligned with the base weights
 * @param iterations       full cycles run
 * @param maxRelativeError {@code max over variables and categories of |Σ_{i∈c} w_i − T_c| / T_c} after
 *                         the last cycle
 * @param converged        true when that error is within the tolerance
 * @param worstVariable    the variable whose margin is furthest from its target
 * @param worstCategory    the category of that margin
 */
public record RakingResult(List<Double> weights, int iterations, double maxRelativeError, boolean converged,
                           String worstVariable, String worstCategory) {

    public RakingResult {
        weights = List.copyOf(weights);
    }

    /**
     * This result when it converged.
     *
     * @throws RakingException {@link RakingProblem#NOT_CONVERGED} naming the worst margin, otherwise
     */
    public RakingResult orThrow() {
        if (!converged) {
            throw new RakingException(RakingProblem.NOT_CONVERGED, worstVariable, worstCategory,
                    iterations, maxRelativeError);
        }
        return this;
    }
}
