package kz.agyn.survey;

import java.util.List;

/**
 * One thing wrong with a submitted definition (a new survey, a questionnaire): where it is and why.
 *
 * @param path where in the submission, as a JSON path such as {@code questions[3].options[1].textRu}, or a form
 *             field name such as {@code code}
 * @param code a message key of i18n/survey; {@code args} fill it (a
 *             {@link org.springframework.context.MessageSourceResolvable} argument is itself translated)
 */
public record FieldProblem(String path, String code, List<Object> args) {

    public FieldProblem {
        args = List.copyOf(args);
    }

    public static FieldProblem of(String path, String code, Object... args) {
        return new FieldProblem(path, code, List.of(args));
    }
}
