package kz.agyn.account;

import kz.agyn.kernel.UserException;

/** A request about accounts that cannot be carried out; a taken username is a conflict, the rest invalid. */
public class AccountException extends UserException {

    public AccountException(String code, Object... args) {
        super(code.endsWith(".taken") ? Kind.CONFLICT : code.endsWith("NotFound") || code.endsWith("noSuchUser")
                ? Kind.NOT_FOUND : Kind.INVALID, code, args);
    }
}
