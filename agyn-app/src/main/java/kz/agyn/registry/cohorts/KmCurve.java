package kz.agyn.registry.cohorts;

import java.util.List;

/**
 * Time to return of one group of graduates: the Kaplan–Meier step curve and its median. See
 * {@link KaplanMeier} for the definitions.
 *
 * @param key         the group ({@link Breakdown#keyOf}), null for the whole population or "not recorded"
 * @param subjects    graduates observed, or null if blanked
 * @param returns     of them, back by the evaluation date, or null if blanked
 * @param steps       one step per distinct observed time, ascending; empty if blanked
 * @param median      median days to return, null if the curve never falls to one half (or blanked)
 * @param medianLower lower 95% bound of the median, null if undefined
 * @param medianUpper upper 95% bound of the median, null if the upper band never falls to one half
 * @param suppression whether and why the curve is hidden from viewers who may not see small numbers
 */
public record KmCurve(String key, Long subjects, Long returns, List<KmStep> steps, Double median,
                      Double medianLower, Double medianUpper, Suppression suppression) {

    public KmCurve {
        steps = List.copyOf(steps);
    }

    /** S(t) at {@code days}: 1 before the first step, then the value of the last step at or before it. */
    public double survivalAt(long days) {
        double s = 1;
        for (KmStep step : steps) {
            if (step.days() > days) {
                break;
            }
            s = step.survival();
        }
        return s;
    }

    /** Whether the curve is hidden from viewers who may not see small numbers. */
    public boolean suppressed() {
        return suppression != Suppression.NONE;
    }

    /** The curve as a viewer may see it: unchanged, or with every number removed if suppressed. */
    public KmCurve visibleTo(boolean maySeeSmallCells) {
        if (maySeeSmallCells || !suppressed()) {
            return this;
        }
        return new KmCurve(key, null, null, List.of(), null, null, null, suppression);
    }

    KmCurve withSuppression(Suppression s) {
        return new KmCurve(key, subjects, returns, steps, median, medianLower, medianUpper, s);
    }
}
