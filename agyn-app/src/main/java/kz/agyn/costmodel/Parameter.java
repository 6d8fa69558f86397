package kz.agyn.costmodel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One input of the cost model, with its range and where it comes from. Its display name in Kazakh, Russian and
 * English is the message key {@code costmodel.parameter.<code>}.
 *
 * <p>Valid on construction: min ≤ low ≤ base ≤ high ≤ max, all finite and admitted by the unit (shares in
 * [0, 1], rates in [0, 0.5], amounts and counts ≥ 0 and below the unit's ceiling), and a FIXED parameter has
 * low = base = high.
 *
 * <p><b>Two ranges, two purposes.</b> [low, high] is the plausible range: what Monte Carlo draws from and the
 * tornado swings over. [min, max] are the bounds: the values an analyst may set at all. They are wider, so that
 * an analyst can try a value the defaults think implausible (the note's target return rate of 70%, say), and
 * finite for every parameter, so that no override (1e300 emigrants) can drive the model to Infinity.
 *
 * <p><b>What an override does</b> ({@link #overriddenTo}): it fixes the parameter at the value set, the whole
 * distribution collapsing onto it. The analyst who types a value states what they take it to be; keeping the old
 * range around a moved mode (as the model once did) left the headline total, computed at the modes, outside its
 * own Monte Carlo band. With the value fixed, the other parameters still vary, and the band is the uncertainty
 * that remains.
 *
 * @param code         stable machine code, e.g. {@code pay_highly_skilled}
 * @param unit         what the value measures
 * @param base         the central value: the one the value at the central values and the tornado's centre use,
 *                     and the mode of a triangular distribution
 * @param low          the lower end of the plausible range
 * @param high         the upper end of the plausible range
 * @param distribution how Monte Carlo draws the parameter from [low, high]
 * @param source       the citation, or the reasoning of an assumption
 * @param assumption   true when no published source gives the value: an analyst's guess, flagged as such
 * @param min          the smallest value an override may set
 * @param max          the largest value an override may set
 */
public record Parameter(String code, Unit unit, double base, double low, double high, Distribution distribution,
                        Source source, boolean assumption, double min, double max) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

    /** A parameter whose bounds are those of its unit: for tests and for sets built in code. */
    public Parameter(String code, Unit unit, double base, double low, double high, Distribution distribution,
                     Source source, boolean assumption) {
        this(code, unit, base, low, high, distribution, source, assumption, unit.min(), unit.max());
    }

    /** Validates; see the class comment. */
    public Parameter {
        if (code == null || !CODE.matcher(code).matches()) {
            throw new CostModelException(CostModelException.Problem.BAD_CODE, String.valueOf(code), code);
        }
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(distribution, "distribution");
        if (source == null) {
            throw new CostModelException(CostModelException.Problem.MISSING_SOURCE, code, "");
        }
        for (double v : new double[] {base, low, high, min, max}) {
            if (!Double.isFinite(v)) {
                throw new CostModelException(CostModelException.Problem.NOT_A_NUMBER, code, v);
            }
            if (!unit.admits(v)) {
                throw new CostModelException(CostModelException.Problem.OUT_OF_UNIT_RANGE, code, v);
            }
        }
        if (low > base || base > high) {
            throw new CostModelException(CostModelException.Problem.RANGE_OUT_OF_ORDER, code,
                    low + " ≤ " + base + " ≤ " + high);
        }
        if (min > low || high > max) {
            throw new CostModelException(CostModelException.Problem.BOUNDS_OUT_OF_ORDER, code,
                    min + " ≤ " + low + " … " + high + " ≤ " + max);
        }
        if (distribution == Distribution.FIXED && (low != base || high != base)) {
            throw new CostModelException(CostModelException.Problem.FIXED_WITH_RANGE, code, low + ".." + high);
        }
    }

    /** A parameter that Monte Carlo never varies. */
    public static Parameter fixed(String code, Unit unit, double value, Source source, boolean assumption) {
        return new Parameter(code, unit, value, value, value, Distribution.FIXED, source, assumption);
    }

    /** Whether the parameter has a range to vary over (it takes part in Monte Carlo and the tornado). */
    public boolean varies() {
        return high > low;
    }

    /**
     * The parameter as an analyst's override leaves it: FIXED at {@code value}, its bounds and source kept. See
     * the class comment for why an override fixes the value rather than moving the mode.
     *
     * @throws CostModelException NOT_A_NUMBER for a value that is not finite, OUTSIDE_RANGE when it falls
     *                            outside [min, max]
     */
    public Parameter overriddenTo(double value) {
        if (!Double.isFinite(value)) {
            throw new CostModelException(CostModelException.Problem.NOT_A_NUMBER, code, value);
        }
        if (value < min || value > max) {
            throw new CostModelException(CostModelException.Problem.OUTSIDE_RANGE, code, value);
        }
        return new Parameter(code, unit, value, value, value, Distribution.FIXED, source, assumption, min, max);
    }

    /**
     * The same parameter with a new base and range (a FIXED one becomes TRIANGULAR if the range is wide); the
     * bounds widen to take the range in, since whoever sets a range in code has decided it.
     */
    public Parameter withRange(double value, double newLow, double newHigh) {
        Distribution d = distribution == Distribution.FIXED && newHigh > newLow ? Distribution.TRIANGULAR
                : distribution;
        return new Parameter(code, unit, value, newLow, newHigh, d, source, assumption,
                Math.min(min, Math.min(newLow, value)), Math.max(max, Math.max(newHigh, value)));
    }

    /** The same parameter with other bounds, e.g. widened to take in a warehouse figure. */
    public Parameter withBounds(double newMin, double newMax) {
        return new Parameter(code, unit, base, low, high, distribution, source, assumption, newMin, newMax);
    }
}
