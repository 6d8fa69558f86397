package kz.agyn.registry.keys;

import java.security.GeneralSecurityException;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * HKDF with HMAC-SHA-256 (RFC 5869). Java 17 has no HKDF API; this is the few lines of it that key derivation
 * needs, tested against the RFC's own vectors.
 */
final class Hkdf {

    private static final String HMAC = "HmacSHA256";
    private static final int HASH_LENGTH = 32;

    private Hkdf() {
    }

    static byte[] derive(byte[] inputKey, byte[] salt, byte[] info, int length) {
        return expand(extract(salt, inputKey), info, length);
    }

    static byte[] extract(byte[] salt, byte[] inputKey) {
        byte[] effectiveSalt = salt == null || salt.length == 0 ? new byte[HASH_LENGTH] : salt;
        return mac(effectiveSalt).doFinal(inputKey);
    }

    static byte[] expand(byte[] pseudoRandomKey, byte[] info, int length) {
        if (length <= 0 || length > 255 * HASH_LENGTH) {
            throw new IllegalArgumentException("HKDF output length must be 1-" + 255 * HASH_LENGTH);
        }
        Mac mac = mac(pseudoRandomKey);
        byte[] out = new byte[length];
        byte[] previous = new byte[0];
        int written = 0;
        for (int counter = 1; written < length; counter++) {
            mac.update(previous);
            mac.update(info);
            mac.update((byte) counter);
            previous = mac.doFinal();
            int n = Math.min(previous.length, length - written);
            System.arraycopy(previous, 0, out, written, n);
            written += n;
        }
        return out;
    }

    static Mac mac(byte[] key) {
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(new SecretKeySpec(key, HMAC));
            return mac;
        } catch (GeneralSecurityException e) {
            // Every Java SE runtime must provide HmacSHA256; reaching this means a broken JDK, not bad input.
            throw new IllegalStateException("HmacSHA256 unavailable", e);
        }
    }
}
