package kz.agyn.registry.obligation;

import kz.agyn.kernel.UserException;

/**
 * A refusal by the obligation code: a bad rule set, a bad input or an illegal transition. The code is
 * {@link ObligationProblem#key()}; the arguments are the field (or transition) concerned and the offending
 * value. Like every {@link UserException} it carries no stack trace, so it is cheap in a bulk run and never
 * leaks internals to a user.
 */
public class ObligationException extends UserException {

    private final ObligationProblem problem;
    private final String field;

    /**
     * @param problem what is wrong
     * @param field   the rule key, record component or transition concerned
     * @param value   the offending value, shown to the user; never personal data
     */
    public ObligationException(ObligationProblem problem, String field, Object value) {
        super(problem.kind(), problem.key(), field, String.valueOf(value));
        this.problem = problem;
        this.field = field;
    }

    /**
     * @param values the offending values, shown to the user in this order after the field: for a problem whose
     *               message names more than one value (a breach date and the fulfilment date)
     */
    public ObligationException(ObligationProblem problem, String field, Object value, Object... values) {
        super(problem.kind(), problem.key(), args(field, value, values));
        this.problem = problem;
        this.field = field;
    }

    private static Object[] args(String field, Object value, Object[] values) {
        Object[] args = new Object[2 + values.length];
        args[0] = field;
        args[1] = String.valueOf(value);
        for (int i = 0; i < values.length; i++) {
            args[2 + i] = String.valueOf(values[i]);
        }
        return args;
    }

    /** What is wrong. */
    public ObligationProblem problem() {
        return problem;
    }

    /** The rule key, record component or transition concerned. */
    public String field() {
        return field;
    }

    @Override
    public String getMessage() {
        return problem.key() + " [" + field + "]";
    }
}
