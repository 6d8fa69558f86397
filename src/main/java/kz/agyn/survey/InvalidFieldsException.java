package kz.agyn.survey;

import java.util.List;

/**
 * A submission refused for one or more {@link FieldProblem}s, all found before anything was written, so that
 * the user can fix them in one go. {@code code} is the summary sentence; its one argument is the number of
 * problems.
 */
public class InvalidFieldsException extends SurveyException {

    private final transient List<FieldProblem> problems;

    public InvalidFieldsException(String code, List<FieldProblem> problems) {
        super(Kind.INVALID, code, problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<FieldProblem> problems() {
        return problems;
    }
}
