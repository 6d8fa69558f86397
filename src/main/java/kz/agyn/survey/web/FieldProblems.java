package kz.agyn.survey.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.survey.FieldProblem;
import kz.agyn.survey.InvalidFieldsException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;

/** {@link FieldProblem}s in the reader's language: as a problem+json for scripts, by field for forms. */
final class FieldProblems {

    private FieldProblems() {
    }

    static String message(FieldProblem p, MessageSource messages, Locale locale) {
        return messages.getMessage(p.code(), p.args().toArray(), p.code(), locale);
    }

    /** 400 with the summary as {@code detail} and each problem as {@code {path, code, message}} in {@code errors}. */
    static ProblemDetail problem(InvalidFieldsException e, MessageSource messages, Locale locale) {
        ProblemDetail d = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        d.setProperty("code", e.code());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (FieldProblem p : e.problems()) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("path", p.path());
            m.put("code", p.code());
            m.put("message", message(p, messages, locale));
            errors.add(m);
        }
        d.setProperty("errors", errors);
        return d;
    }

    /** The messages by field, several for one field joined, for showing next to each field of a form. */
    static Map<String, String> byField(InvalidFieldsException e, MessageSource messages, Locale locale) {
        Map<String, String> m = new LinkedHashMap<>();
        for (FieldProblem p : e.problems()) {
            m.merge(p.path(), message(p, messages, locale), (a, b) -> a + " " + b);
        }
        return m;
    }
}
