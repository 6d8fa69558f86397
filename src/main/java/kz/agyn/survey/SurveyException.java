package kz.agyn.survey;

import kz.agyn.kernel.UserException;

/** A survey request that cannot be carried out; {@code code} is a message key of i18n/survey. */
public class SurveyException extends UserException {

    public SurveyException(Kind kind, String code, Object... args) {
        super(kind, code, args);
    }

    public static SurveyException notFound(String code, Object... args) {
        return new SurveyException(Kind.NOT_FOUND, code, args);
    }

    public static SurveyException invalid(String code, Object... args) {
        return new SurveyException(Kind.INVALID, code, args);
    }
}
