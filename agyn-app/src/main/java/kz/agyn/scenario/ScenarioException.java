package kz.agyn.scenario;

import java.util.List;

import kz.agyn.kernel.UserException;

/**
 * A scenario or run refused, with every problem found (the first is the exception's own message); a form shows each
 * beside its field, the API lists them.
 */
public class ScenarioException extends UserException {

    private final transient List<LeverProblem> problems;

    public ScenarioException(Kind kind, String code, Object... args) {
        super(kind, code, args);
        this.problems = List.of(new LeverProblem(null, code, args));
    }

    public ScenarioException(List<LeverProblem> problems) {
        super(Kind.INVALID, problems.get(0).code(), problems.get(0).args());
        this.problems = List.copyOf(problems);
    }

    public List<LeverProblem> problems() {
        return problems;
    }
}
