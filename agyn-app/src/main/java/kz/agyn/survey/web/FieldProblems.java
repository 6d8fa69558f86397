package kz.agyn.survey.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.survey.InvalidFieldsException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.stereotype.Component;

/**
 * A refused submission's problems in the reader's language: as a problem+json for scripts, by field for forms.
 * Each problem names its field (or JSON path) as its column.
 */
@Component
class FieldProblems {

    private final ProblemMessages problems;
    private final MessageSource messages;

    FieldProblems(ProblemMessages problems, MessageSource messages) {
        this.problems = problems;
        this.messages = messages;
    }

    /** Every problem with its field (as {@code column}) and message, for a page that lists them. */
    List<ShownProblem> shown(InvalidFieldsException e, Locale locale) {
        return problems.shown(e.problems(), locale);
    }

    /**
     * 400 with the summary as {@code detail} and each problem as {@code {path, code, message}} in {@code errors}
     * ({@code file} and {@code row} added for a problem in an uploaded file).
     */
    ProblemDetail problem(InvalidFieldsException e, Locale locale) {
        ProblemDetail d = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        d.setProperty("code", e.code());
        d.setProperty("errors", shown(e, locale).stream().map(p -> {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.column());
            // A problem in an uploaded file says where: its file and line (the column is the path).
            if (p.file() != null) {
                m.put("file", p.file());
            }
            if (p.row() > 0) {
                m.put("row", p.row());
            }
            m.put("code", p.code());
            m.put("message", p.message());
            return m;
        }).toList());
        return d;
    }

    /** The messages by field, several for one field joined, for showing next to each field of a form. */
    Map<String, String> byField(InvalidFieldsException e, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (ShownProblem p : shown(e, locale)) {
            m.merge(p.column(), p.message(), (a, b) -> a + " " + b);
        }
        return m;
    }
}
