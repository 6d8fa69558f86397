package kz.agyn.kernel;

/**
 * A user's request that cannot be carried out, told back in the user's language: {@code code} is a message
 * key and {@code args} fill its placeholders. The web layer maps {@link Kind} to an HTTP status, so features
 * need not know HTTP.
 */
public class UserException extends RuntimeException {

    /**
     * What went wrong, as far as the answer's status is concerned. GONE: the thing existed and is no more, for
     * good (an expired or revoked link).
     */
    public enum Kind { INVALID, NOT_FOUND, CONFLICT, GONE }

    private final String code;
    private final transient Object[] args;
    private final Kind kind;

    public UserException(Kind kind, String code, Object... args) {
        super(code, null, false, false);
        this.kind = kind;
        this.code = code;
        this.args = args == null ? new Object[0] : args.clone();
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }

    public Kind kind() {
        return kind;
    }
}
