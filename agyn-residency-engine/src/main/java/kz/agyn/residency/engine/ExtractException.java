package kz.agyn.residency.engine;

import java.util.List;

/**
 * Input refused: every problem found (up to {@link ExtractsCsv#MAX_PROBLEMS}), each located and with a message key.
 * Nothing of the input is kept when this is thrown. The message lists codes and lines only, never values.
 */
public final class ExtractException extends RuntimeException {

    private final transient List<ExtractProblem> problems;

    public ExtractException(List<ExtractProblem> problems) {
        super(problems.size() + " problem(s) in the register extracts, first " + problems.get(0));
        this.problems = List.copyOf(problems);
    }

    public List<ExtractProblem> problems() {
        return problems;
    }
}
