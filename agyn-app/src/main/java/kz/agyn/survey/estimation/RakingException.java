package kz.agyn.survey.estimation;

import kz.agyn.kernel.UserException;

/**
 * Raking refused or failed, with the {@link RakingProblem} and the variable and category to fix. An
 * analyst's error, not a defect: its kind is {@link UserException.Kind#INVALID}.
 */
public final class RakingException extends UserException {

    private final RakingProblem problem;
    private final String variable;
    private final String category;

    /**
     * @param category may be null when the problem concerns a variable as a whole
     * @param more     further message arguments after variable and category
     */
    public RakingException(RakingProblem problem, String variable, String category, Object... more) {
        super(Kind.INVALID, problem.code(), arguments(variable, category, more));
        this.problem = problem;
        this.variable = variable;
        this.category = category;
    }

    public RakingProblem problem() {
        return problem;
    }

    public String variable() {
        return variable;
    }

    /** The category concerned, or null. */
    public String category() {
        return category;
    }

    @Override
    public String getMessage() {
        StringBuilder s = new StringBuilder(problem.name()).append(": variable ").append(variable);
        if (category != null) {
            s.append(", category ").append(category);
        }
        Object[] args = args();
        for (int i = 2; i < args.length; i++) {
            s.append(", ").append(args[i]);
        }
        return s.toString();
    }

    private static Object[] arguments(String variable, String category, Object[] more) {
        Object[] all = new Object[2 + more.length];
        all[0] = variable;
        all[1] = category;
        System.arraycopy(more, 0, all, 2, more.length);
        return all;
    }
}
