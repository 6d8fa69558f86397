package kz.agyn.registry.keys;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.HexFormat;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.AEADBadTagException;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;

/**
 * Encrypts personal fields for storage (PostgreSQL {@code bytea}) with AES-256-GCM.
 *
 * <h2>Format, version 1</h2>
 * <pre>
 *   offset  length  content
 *   0       1       version, 0x01
 *   1       4       key id: the first 4 bytes of an HKDF output of the master key (see {@link RegistryKeys})
 *   5       12      nonce, fresh from {@link SecureRandom} for every value
 *   17      n + 16  AES-GCM ciphertext of the UTF-8 plaintext followed by its 128-bit tag
 * </pre>
 * The associated data are the five header bytes followed by the UTF-8 field name, e.g.
 * {@code scholar.last_name}: a ciphertext copied into another column, or with its header edited, fails
 * authentication instead of decrypting into the wrong place. A random 96-bit nonce is safe for far more values
 * than a registry will ever hold under one key (NIST SP 800-38D allows 2<sup>32</sup>).
 *
 * <p>Encryption uses the current key; decryption uses whichever loaded key the ciphertext names, so values
 * written before a key rotation stay readable. {@code null} maps to {@code null} both ways, so optional fields
 * need no special case; the empty string is encrypted like any other value (it is not the same as absent).
 *
 * <p>Thread-safe: keys are immutable and each thread reuses its own {@link Cipher}, initialised afresh (key and
 * nonce) for every value.
 */
public final class PersonalDataCipher {

    /** The current format version, the first byte of every ciphertext. */
    public static final byte VERSION = 1;

    static final int HEADER = 1 + RegistryKeys.KEY_ID_BYTES;
    static final int NONCE = 12;
    static final int TAG_BITS = 128;
    static final int OVERHEAD = HEADER + NONCE + TAG_BITS / 8;

    // Field names are code, not data: lower-case dotted identifiers. A value passed as a field (swapped arguments)
    // fails this check instead of silently becoming associated data.
    private static final Pattern FIELD = Pattern.compile("[a-z][a-z0-9_]*(\\.[a-z][a-z0-9_]*)+");
    private static final String TRANSFORMATION = "AES/GCM/NoPadding";
    // Cipher.getInstance (provider lookup, transformation parsing) costs several times the encryption of a name;
    // a bulk import encrypts some 120,000 values. GCM refuses a repeated key and nonce on encryption, so reuse
    // cannot weaken it; init() resets any state a failed call left behind.
    private static final ThreadLocal<Cipher> CIPHERS = ThreadLocal.withInitial(() -> {
        try {
            return Cipher.getInstance(TRANSFORMATION);
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES/GCM/NoPadding unavailable", e);
        }
    });

    private final RegistryKeys keys;
    private final SecureRandom random = new SecureRandom();

    public PersonalDataCipher(RegistryKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /**
     * @param field the column the value is stored in, e.g. {@code scholar.last_name}
     * @return the ciphertext in the format above, or null for a null value
     */
    public byte[] encrypt(String field, String plaintext) {
        byte[] fieldBytes = fieldBytes(field);
        if (plaintext == null) {
            return null;
        }
        RegistryKeys.Derived key = keys.current();
        byte[] data = plaintext.getBytes(StandardCharsets.UTF_8);
        byte[] out = new byte[OVERHEAD + data.length];
        out[0] = VERSION;
        System.arraycopy(key.keyId, 0, out, 1, RegistryKeys.KEY_ID_BYTES);
        byte[] nonce = new byte[NONCE];
        random.nextBytes(nonce);
        System.arraycopy(nonce, 0, out, HEADER, NONCE);
        try {
            Cipher cipher = cipher(Cipher.ENCRYPT_MODE, key, nonce);
            cipher.updateAAD(out, 0, HEADER);
            cipher.updateAAD(fieldBytes);
            cipher.doFinal(data, 0, data.length, out, HEADER + NONCE);
            return out;
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM encryption failed", e);
        } finally {
            Arrays.fill(data, (byte) 0);
        }
    }

    /**
     * @param field the column the value was read from; must be the one it was encrypted for
     * @return the plaintext, or null for null
     * @throws PersonalDataException {@code NOT_AUTHENTIC} if the value was altered or belongs to another field,
     *         {@code KEY_UNKNOWN} if its key is not loaded, {@code CIPHERTEXT_MALFORMED} or
     *         {@code CIPHERTEXT_VERSION_UNSUPPORTED} if it is not a ciphertext this class reads
     */
    public String decrypt(String field, byte[] ciphertext) {
        byte[] fieldBytes = fieldBytes(field);
        if (ciphertext == null) {
            return null;
        }
        if (ciphertext.length < OVERHEAD) {
            throw new PersonalDataException(PersonalDataException.Code.CIPHERTEXT_MALFORMED,
                    "a value of " + field + " is " + ciphertext.length + " bytes, shorter than any ciphertext");
        }
        if (ciphertext[0] != VERSION) {
            throw new PersonalDataException(PersonalDataException.Code.CIPHERTEXT_VERSION_UNSUPPORTED,
                    "a value of " + field + " has format version " + (ciphertext[0] & 0xff) + "; this code reads "
                            + VERSION);
        }
        byte[] keyId = Arrays.copyOfRange(ciphertext, 1, HEADER);
        RegistryKeys.Derived key = keys.byId(keyId);
        if (key == null) {
            throw new PersonalDataException(PersonalDataException.Code.KEY_UNKNOWN,
                    "a value of " + field + " was encrypted with key " + HexFormat.of().formatHex(keyId)
                            + ", which is not loaded (loaded: " + keys.keyIds() + ")");
        }
        try {
            Cipher cipher = cipher(Cipher.DECRYPT_MODE, key, Arrays.copyOfRange(ciphertext, HEADER, HEADER + NONCE));
            cipher.updateAAD(ciphertext, 0, HEADER);
            cipher.updateAAD(fieldBytes);
            byte[] plain = cipher.doFinal(ciphertext, HEADER + NONCE, ciphertext.length - HEADER - NONCE);
            try {
                return new String(plain, StandardCharsets.UTF_8);
            } finally {
                Arrays.fill(plain, (byte) 0);
            }
        } catch (AEADBadTagException e) {
            throw new PersonalDataException(PersonalDataException.Code.NOT_AUTHENTIC,
                    "a value of " + field + " failed authentication: altered, or encrypted for another field");
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("AES-GCM decryption failed", e);
        }
    }

    /**
     * Whether a stored value was made with another key than the current one (or is not a ciphertext at all);
     * the re-key job after a rotation rewrites exactly these.
     */
    public boolean needsReencryption(byte[] ciphertext) {
        if (ciphertext == null) {
            return false;
        }
        if (ciphertext.length < OVERHEAD || ciphertext[0] != VERSION) {
            return true;
        }
        return !Arrays.equals(ciphertext, 1, HEADER, keys.current().keyId, 0, RegistryKeys.KEY_ID_BYTES);
    }

    /** The key id a ciphertext names, as 8 hex digits; for diagnostics of a rotation. */
    public static String keyIdOf(byte[] ciphertext) {
        if (ciphertext == null || ciphertext.length < HEADER) {
            throw new PersonalDataException(PersonalDataException.Code.CIPHERTEXT_MALFORMED,
                    "not a ciphertext: too short to hold a key id");
        }
        return HexFormat.of().formatHex(ciphertext, 1, HEADER);
    }

    @Override
    public String toString() {
        return "PersonalDataCipher[AES-256-GCM v" + VERSION + ", " + keys + "]";
    }

    private static Cipher cipher(int mode, RegistryKeys.Derived key, byte[] nonce) throws GeneralSecurityException {
        Cipher cipher = CIPHERS.get();
        cipher.init(mode, key.aes, new GCMParameterSpec(TAG_BITS, nonce));
        return cipher;
    }

    private static byte[] fieldBytes(String field) {
        if (field == null || !FIELD.matcher(field).matches()) {
            throw new IllegalArgumentException(
                    "field must be a lower-case dotted name such as scholar.last_name");
        }
        return field.getBytes(StandardCharsets.US_ASCII);
    }
}
