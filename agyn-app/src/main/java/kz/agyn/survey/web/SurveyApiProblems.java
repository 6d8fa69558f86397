package kz.agyn.survey.web;

import java.util.Locale;
import kz.agyn.survey.InvalidFieldsException;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.ProblemDetail;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;

/**
 * Located problems of the survey API (a questionnaire, margins, a design) as problem+json with each field's path,
 * in one place instead of a handler in each API controller. Ordered first: the platform's advice handles every
 * {@code UserException}, and of two advices the first that handles an exception at all wins.
 */
@Order(Ordered.HIGHEST_PRECEDENCE)
@RestControllerAdvice(assignableTypes = {SurveyApiController.class, CalibrationApiController.class,
        QuestionnaireApiController.class})
class SurveyApiProblems {

    private final FieldProblems fieldProblems;

    SurveyApiProblems(FieldProblems fieldProblems) {
        this.fieldProblems = fieldProblems;
    }

    @ExceptionHandler(InvalidFieldsException.class)
    ProblemDetail invalid(InvalidFieldsException e, Locale locale) {
        return fieldProblems.problem(e, locale);
    }
}
