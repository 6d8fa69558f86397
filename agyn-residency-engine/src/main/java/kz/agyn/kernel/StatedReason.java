package kz.agyn.kernel;

/**
 * The reason a person gives for taking something back (withdrawing an import, retiring a dataset, closing or
 * deleting a survey): required, so that whoever reads the history or the audit log later knows why.
 */
public final class StatedReason {

    /** The longest reason kept. */
    public static final int MAX_LENGTH = 500;

    private StatedReason() {
    }

    /**
     * The reason trimmed.
     *
     * @throws UserException (INVALID) when it is blank or longer than {@link #MAX_LENGTH}
     */
    public static String required(String reason) {
        String r = reason == null ? "" : reason.strip();
        if (r.isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "undo.reasonRequired");
        }
        if (r.length() > MAX_LENGTH) {
            throw new UserException(UserException.Kind.INVALID, "undo.reasonTooLong", MAX_LENGTH);
        }
        return r;
    }
}
