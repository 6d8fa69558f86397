package kz.agyn.registry.keys;

import java.util.Objects;

/**
 * A key could not be loaded, or a ciphertext could not be decrypted. The message is built from fixed text and
 * non-secret context (a file path, a key id, an alias) only: it never quotes key material, a ciphertext or a
 * plaintext, because exception messages end up in logs and error pages. For the same reason causes that might
 * quote their input (a Base64 decoding error names the offending character) are not attached.
 */
public class PersonalDataException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    /** What went wrong; stable, so that callers and tests can tell the cases apart without parsing messages. */
    public enum Code {
        /** No key source was configured. */
        KEY_MISSING,
        /** The key text is not Base64. */
        KEY_NOT_BASE64,
        /** The key does not have 256 bits. */
        KEY_WRONG_LENGTH,
        /** The keystore file cannot be read or opened (missing file, wrong password, not PKCS12). */
        KEYSTORE_UNREADABLE,
        /** The keystore has no secret key under the expected alias. */
        KEYSTORE_ENTRY_MISSING,
        /** The developer key file cannot be created or read. */
        KEY_FILE_UNREADABLE,
        /** The developer key file can be read by other users than its owner. */
        KEY_FILE_TOO_OPEN,
        /** Two different loaded keys have the same key id; one of them must go. */
        KEY_ID_COLLISION,
        /** The bytes are too short or otherwise not a ciphertext of this package. */
        CIPHERTEXT_MALFORMED,
        /** The ciphertext format version is not one this code reads. */
        CIPHERTEXT_VERSION_UNSUPPORTED,
        /** The ciphertext was made with a key that is not loaded. */
        KEY_UNKNOWN,
        /**
         * The authentication tag does not verify: the ciphertext was altered, or it is being decrypted as another
         * field than it was encrypted for (a swapped column). GCM cannot tell these apart.
         */
        NOT_AUTHENTIC
    }

    private final Code code;

    PersonalDataException(Code code, String message) {
        this(code, message, null);
    }

    PersonalDataException(Code code, String message, Throwable cause) {
        super(Objects.requireNonNull(code, "code") + ": " + message, cause);
        this.code = code;
    }

    public Code code() {
        return code;
    }
}
