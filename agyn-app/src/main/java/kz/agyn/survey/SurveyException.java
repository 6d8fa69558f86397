package kz.agyn.survey;

import kz.agyn.kernel.UserException;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.context.support.DefaultMessageSourceResolvable;

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

    /**
     * Another refusal's own sentence as an argument of this one's ("the margins cannot be met: {reason}"),
     * resolved in the reader's language when the message is.
     */
    public static MessageSourceResolvable quoting(UserException cause) {
        return new DefaultMessageSourceResolvable(new String[] {cause.code()}, cause.args(), cause.code());
    }
}
