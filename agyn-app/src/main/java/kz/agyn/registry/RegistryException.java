package kz.agyn.registry;

import kz.agyn.kernel.UserException;

/**
 * A registry request that cannot be carried out. Messages never carry personal data: an IIN or a name in an
 * error would end up in logs and screenshots, so errors name the field, not its value.
 */
public class RegistryException extends UserException {

    public RegistryException(Kind kind, String code, Object... args) {
        super(kind, code, args);
    }

    public static RegistryException invalid(String code, Object... args) {
        return new RegistryException(Kind.INVALID, code, args);
    }

    public static RegistryException notFound(String code, Object... args) {
        return new RegistryException(Kind.NOT_FOUND, code, args);
    }

    public static RegistryException conflict(String code, Object... args) {
        return new RegistryException(Kind.CONFLICT, code, args);
    }
}
