package kz.agyn.residency.estimator;

/**
 * The estimator's knobs, with their defaults in {@link #defaults()}:
 * <ul>
 *   <li>{@code decay} λ = 0.5: the weight the index keeps of last month's evidence (half-life one month), so a
 *       formal worker who stops leaving signs falls below the lower threshold within two or three months, while
 *       one month without signs does not;</li>
 *   <li>{@code lower} 0.1 and {@code upper} 0.9: the residency index (a probability of living in Kazakhstan) below
 *       which a person has EMIGRATED and above which a person is RESIDENT; UNCERTAIN between;</li>
 *   <li>{@code minAbsence} 6: signs must have stopped for at least this many months before the end (half a year,
 *       the absence after which several register-based countries deregister; a shorter rule cannot tell an emigrant
 *       of three months from an informal worker with a quiet quarter);</li>
 *   <li>{@code unRuleDays} 365: the UN recommendation's long-term emigrant is abroad more than 12 months;</li>
 *   <li>{@code gapShare} 0.25: a register month with under this share of the register's median monthly activity
 *       is taken as not delivered, and each person's sign there is carried from the month before.</li>
 * </ul>
 */
public record EstimatorSettings(double decay, double lower, double upper, int minAbsence, int unRuleDays,
                                double gapShare) {

    public EstimatorSettings {
        if (!(decay >= 0 && decay < 1)) {
            throw new IllegalArgumentException("decay must be in [0, 1)");
        }
        if (!(lower > 0 && lower <= upper && upper < 1)) {
            throw new IllegalArgumentException("thresholds must satisfy 0 < lower <= upper < 1");
        }
        if (minAbsence < 1) {
            throw new IllegalArgumentException("minAbsence must be at least 1");
        }
    }

    public static EstimatorSettings defaults() {
        return new EstimatorSettings(0.5, 0.1, 0.9, 6, 365, 0.25);
    }
}
