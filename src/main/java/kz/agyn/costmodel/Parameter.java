package kz.agyn.costmodel;

import java.util.Objects;
import java.util.regex.Pattern;

/**
 * One input of the cost model, with its range and where it comes from. Its display name in Kazakh, Russian and
 * English is the message key {@code costmodel.parameter.<code>}.
 *
 * <p>Valid on construction: low ≤ base ≤ high, all three admitted by the unit (shares in [0, 1], rates in
 * [0, 0.5], amounts and counts ≥ 0, …), and a FIXED parameter has low = base = high.
 *
 * @param code         stable machine code, e.g. {@code pay_highly_skilled}
 * @param unit         what the value measures
 * @param base         the central value: the one the deterministic result and the tornado's centre use, and
 *                     the mode of a triangular distribution
 * @param low          the lower end of the plausible range
 * @param high         the upper end of the plausible range
 * @param distribution how Monte Carlo draws the parameter from [low, high]
 * @param source       the citation, or the reasoning of an assumption
 * @param assumption   true when no published source gives the value: an analyst's guess, flagged as such
 */
public record Parameter(String code, Unit unit, double base, double low, double high, Distribution distribution,
                        Source source, boolean assumption) {

    private static final Pattern CODE = Pattern.compile("[a-z][a-z0-9_]{0,63}");

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
        for (double v : new double[] {base, low, high}) {
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
     * The same parameter with another base value: a FIXED parameter moves as a whole; any other keeps its range,
     * which must contain the new value.
     *
     * @throws CostModelException OUTSIDE_RANGE when the value falls outside [low, high]
     */
    public Parameter withBase(double value) {
        if (distribution == Distribution.FIXED) {
            return new Parameter(code, unit, value, value, value, distribution, source, assumption);
        }
        if (!Double.isFinite(value)) {
            throw new CostModelException(CostModelException.Problem.NOT_A_NUMBER, code, value);
        }
        if (value < low || value > high) {
            throw new CostModelException(CostModelException.Problem.OUTSIDE_RANGE, code, value);
        }
        return new Parameter(code, unit, value, low, high, distribution, source, assumption);
    }

    /** The same parameter with a new base and range (a FIXED one becomes TRIANGULAR if the range is wide). */
    public Parameter withRange(double value, double newLow, double newHigh) {
        Distribution d = distribution == Distribution.FIXED && newHigh > newLow ? Distribution.TRIANGULAR
                : distribution;
        return new Parameter(code, unit, value, newLow, newHigh, d, source, assumption);
    }
}
