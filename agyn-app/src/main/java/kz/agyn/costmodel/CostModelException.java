package kz.agyn.costmodel;

import kz.agyn.kernel.UserException;

/**
 * A refusal by the cost model: a parameter or a run request it cannot accept. The message key is
 * {@link Problem#key()}; its arguments are the parameter's code and the offending value. Like every
 * {@link UserException} it carries no stack trace, so validating many overrides stays cheap.
 */
public class CostModelException extends UserException {

    /** Why the cost model refused; each has a message key "costmodel.error.*" for the web layer. */
    public enum Problem {
        /** A code the model does not know: most likely a typo that would silently be ignored. */
        UNKNOWN_PARAMETER("unknownParameter"),
        /** A parameter set lacks one of the model's parameters. */
        MISSING_PARAMETER("missingParameter"),
        /** The same code twice in one parameter set. */
        DUPLICATE_PARAMETER("duplicateParameter"),
        /** A code that is blank or has characters other than a–z, 0–9 and '_'. */
        BAD_CODE("badCode"),
        /** A value that is not a finite number (or, in a file, not a number at all). */
        NOT_A_NUMBER("notANumber"),
        /** A value outside what its unit admits: a share above 1, a rate above 0.5, a negative amount. */
        OUT_OF_UNIT_RANGE("outOfUnitRange"),
        /** Not low ≤ base ≤ high. */
        RANGE_OUT_OF_ORDER("rangeOutOfOrder"),
        /** Not min ≤ low and high ≤ max: the bounds of overrides must hold the plausible range. */
        BOUNDS_OUT_OF_ORDER("boundsOutOfOrder"),
        /** A FIXED parameter whose low or high differs from its base. */
        FIXED_WITH_RANGE("fixedWithRange"),
        /** An override outside the parameter's bounds [min, max]. */
        OUTSIDE_RANGE("outsideRange"),
        /** A unit or distribution name that is not one of the enumerated values. */
        NOT_AN_OPTION("notAnOption"),
        /** A parameter without a source (a citation, or the reasoning of an assumption). */
        MISSING_SOURCE("missingSource"),
        /** A scenario name that is not one of the model's scenarios. */
        UNKNOWN_SCENARIO("unknownScenario"),
        /** A number of Monte Carlo draws outside 1..{@value CostModel#MAX_DRAWS}. */
        DRAWS_OUT_OF_RANGE("drawsOutOfRange");

        private final String key;

        Problem(String key) {
            this.key = "costmodel.error." + key;
        }

        /** The message key, e.g. "costmodel.error.outOfUnitRange"; its arguments are the code and the value. */
        public String key() {
            return key;
        }
    }

    private final Problem problem;
    private final String parameter;

    /**
     * @param problem   what is wrong
     * @param parameter the parameter's code ("draws" for the run's size)
     * @param value     the offending value, shown to the user
     */
    public CostModelException(Problem problem, String parameter, Object value) {
        super(Kind.INVALID, problem.key(), parameter, String.valueOf(value));
        this.problem = problem;
        this.parameter = parameter;
    }

    /** What is wrong. */
    public Problem problem() {
        return problem;
    }

    /** The code of the parameter concerned. */
    public String parameter() {
        return parameter;
    }

    @Override
    public String getMessage() {
        return problem.key() + " [" + parameter + "=" + args()[1] + "]";
    }
}
