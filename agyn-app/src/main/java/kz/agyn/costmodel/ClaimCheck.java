package kz.agyn.costmodel;

import java.util.List;

/**
 * How a claimed annual cost (the note's "about 25 bn KZT a year") compares with the model.
 *
 * @param claimed    the claimed annual total, KZT
 * @param baseTotal  the model's deterministic total
 * @param percentile where the claim falls in the Monte Carlo distribution of the total: the percentage of draws
 *                   at or below it (0 = below every draw, 100 = above every draw)
 * @param band       the Monte Carlo band of the total
 * @param impliedEmigrants how many emigrants a year, in the base mix of levels and at base cost per emigrant,
 *                   would cost the claimed total: claimed × Σ emigrants_L / base total (NaN if that total is 0)
 * @param solutions  for the parameters that move the total most (tornado order), the single value that would
 *                   give the claimed total with every other parameter at base
 */
public record ClaimCheck(double claimed, double baseTotal, double percentile, Band band,
                         double impliedEmigrants, List<Solution> solutions) {

    public ClaimCheck {
        solutions = List.copyOf(solutions);
    }

    /**
     * The value of one parameter that makes the annual total equal the claim, others at base.
     *
     * @param code        the parameter's code
     * @param low         the low end of its range
     * @param base        its base value
     * @param high        the high end of its range
     * @param totalAtLow  the total at low
     * @param totalAtHigh the total at high
     * @param reachable   whether a value within [low, high] gives the claim
     * @param value       that value (found by bisection), or null when the claim is not reachable within range
     */
    public record Solution(String code, double low, double base, double high, double totalAtLow,
                           double totalAtHigh, boolean reachable, Double value) {
    }
}
