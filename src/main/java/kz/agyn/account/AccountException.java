package kz.agyn.account;

/**
 * A user's request about accounts that cannot be carried out. {@code code} is a message key the web layer
 * shows in the user's language; {@code args} fill its placeholders.
 */
public class AccountException extends RuntimeException {

    private final String code;
    private final transient Object[] args;

    public AccountException(String code, Object... args) {
        super(code);
        this.code = code;
        this.args = args;
    }

    public String code() {
        return code;
    }

    public Object[] args() {
        return args.clone();
    }
}
