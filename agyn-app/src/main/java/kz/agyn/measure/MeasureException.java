package kz.agyn.measure;

import kz.agyn.kernel.UserException;

/** A request about measures that cannot be carried out, told in the user's language ({@code measure.error.*}). */
public class MeasureException extends UserException {

    public MeasureException(Kind kind, String code, Object... args) {
        super(kind, code, args);
    }

    public static MeasureException invalid(String code, Object... args) {
        return new MeasureException(Kind.INVALID, code, args);
    }

    public static MeasureException notFound(long id) {
        // As written, 987654: a number, not an amount ("987 654").
        return new MeasureException(Kind.NOT_FOUND, "measure.error.notFound", Long.toString(id));
    }
}
