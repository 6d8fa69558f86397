package kz.agyn.warehouse;

import kz.agyn.kernel.UserException;

/** A request about the warehouse that cannot be carried out; {@code code} is a message key. */
public class ImportException extends UserException {

    public ImportException(String code, Object... args) {
        super(code.endsWith("notFound") ? Kind.NOT_FOUND : code.endsWith("exists") ? Kind.CONFLICT : Kind.INVALID,
                code, args);
    }
}
