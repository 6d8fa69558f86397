package kz.agyn.kernel;

import java.util.Objects;

/**
 * Thrown when a text is not a valid IIN. The message is built from the {@link IinProblem} alone:
 * exception messages end up in logs, and an IIN is personal data.
 */
public class InvalidIinException extends IllegalArgumentException {

    private static final long serialVersionUID = 1L;

    private final IinProblem problem;

    /** Creates an exception for the given problem. */
    public InvalidIinException(IinProblem problem) {
        super(Objects.requireNonNull(problem, "problem").defaultMessage());
        this.problem = problem;
    }

    /** What was wrong with the rejected text. */
    public IinProblem problem() {
        return problem;
    }
}
