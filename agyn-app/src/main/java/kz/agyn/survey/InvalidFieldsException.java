package kz.agyn.survey;

import java.util.List;

import kz.agyn.platform.problems.Problem;

/**
 * A submission refused for one or more {@link Problem}s, each naming its field (a form field such as {@code code},
 * or a JSON path such as {@code questions[3].options[1].textRu}) as its column, all found before anything was
 * written, so that the user can fix them in one go. {@code code} is the summary sentence; its one argument is the
 * number of problems.
 */
public class InvalidFieldsException extends SurveyException {

    private final transient List<Problem> problems;

    public InvalidFieldsException(String code, List<Problem> problems) {
        super(Kind.INVALID, code, problems.size());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
