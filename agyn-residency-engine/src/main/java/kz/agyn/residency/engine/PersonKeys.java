package kz.agyn.residency.engine;

import java.nio.charset.StandardCharsets;
import java.security.InvalidKeyException;
import java.security.NoSuchAlgorithmException;
import java.util.Arrays;
import java.util.Objects;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import kz.agyn.kernel.Iin;

/**
 * Person keys: HMAC-SHA-256 of the IIN's twelve ASCII digits under a per-installation key, written as 64 hex
 * digits. It is the construction of the registry's blind index ({@code kz.agyn.registry.keys.BlindIndex#iin}, whose
 * key is derived from the registry's master key with the label {@code blind-index/iin}); extracts keyed with that
 * key join the scholar registry without an IIN ever being exchanged, and the product layer hashes with it. Here
 * the key is given as bytes, so this package needs nothing of the registry: synthetic persons, who have no IIN, are
 * keyed by the same HMAC over a synthetic identity under the generator's key.
 *
 * <p>Also an open-addressing index from key to person number, since a country's keys do not fit in a
 * {@code HashMap} of objects cheaply. Not thread-safe (one instance per thread).
 */
public final class PersonKeys {

    private static final char[] HEX = "0123456789abcdef".toCharArray();

    private final Mac mac;

    /** @param key the installation's key (at least 32 bytes) */
    public PersonKeys(byte[] key) {
        Objects.requireNonNull(key, "key");
        if (key.length < 32) {
            throw new IllegalArgumentException("a person key needs at least 32 key bytes");
        }
        try {
            mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
        } catch (NoSuchAlgorithmException | InvalidKeyException e) {
            throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
        }
    }

    /** The key of the person with this IIN. */
    public byte[] of(Iin iin) {
        return mac.doFinal(iin.value().getBytes(StandardCharsets.US_ASCII));
    }

    /** The key of a synthetic identity, written into {@code out} at {@code offset}. */
    public void ofSynthetic(String identity, byte[] out, int offset) {
        try {
            mac.update(identity.getBytes(StandardCharsets.US_ASCII));
            mac.doFinal(out, offset);
        } catch (javax.crypto.ShortBufferException e) {
            throw new IllegalArgumentException("no room for a key", e);
        }
    }

    /** 32 bytes at {@code offset} as 64 lower-case hex digits. */
    public static String hex(byte[] bytes, int offset) {
        char[] out = new char[Extracts.KEY_BYTES * 2];
        for (int i = 0; i < Extracts.KEY_BYTES; i++) {
            int b = bytes[offset + i] & 0xff;
            out[2 * i] = HEX[b >>> 4];
            out[2 * i + 1] = HEX[b & 15];
        }
        return new String(out);
    }

    /** Parses 64 hex digits (either case) into {@code out} at {@code offset}; false when the text is not that. */
    public static boolean parseHex(String text, byte[] out, int offset) {
        if (text.length() != Extracts.KEY_BYTES * 2) {
            return false;
        }
        for (int i = 0; i < Extracts.KEY_BYTES; i++) {
            int hi = Character.digit(text.charAt(2 * i), 16);
            int lo = Character.digit(text.charAt(2 * i + 1), 16);
            if (hi < 0 || lo < 0) {
                return false;
            }
            out[offset + i] = (byte) (hi << 4 | lo);
        }
        return true;
    }

    /**
     * Whether a text is an IIN written in clear: twelve digits once spaces and hyphens are dropped, whether or not
     * its check digit holds (a wrong check digit is still a person's number mistyped).
     */
    public static boolean looksLikeIin(String text) {
        String digits = text.replace(" ", "").replace("-", "");
        return digits.length() == 12 && digits.chars().allMatch(c -> c >= '0' && c <= '9');
    }

    /** Key → person number, for keys stored 32 bytes apart in one array that grows as persons are added. */
    public static final class Index {
        private int[] slots;
        private int size;
        private byte[] keys;

        public Index(int expected) {
            slots = new int[Integer.highestOneBit(Math.max(16, expected * 2)) * 2];
            Arrays.fill(slots, -1);
            keys = new byte[Math.max(16, expected) * Extracts.KEY_BYTES];
        }

        public int size() {
            return size;
        }

        /** The number of the person with the key at {@code key[offset..]}, or −1. */
        public int find(byte[] key, int offset) {
            int mask = slots.length - 1;
            for (int i = hash(key, offset) & mask; ; i = (i + 1) & mask) {
                int p = slots[i];
                if (p < 0) {
                    return -1;
                }
                if (Arrays.equals(keys, p * Extracts.KEY_BYTES, (p + 1) * Extracts.KEY_BYTES, key, offset,
                        offset + Extracts.KEY_BYTES)) {
                    return p;
                }
            }
        }

        /** The person with this key, added as the next number if new. */
        public int findOrAdd(byte[] key, int offset) {
            int found = find(key, offset);
            if (found >= 0) {
                return found;
            }
            if ((size + 1) * 2 > slots.length) {
                grow();
            }
            if ((size + 1) * Extracts.KEY_BYTES > keys.length) {
                keys = Arrays.copyOf(keys, keys.length * 2);
            }
            System.arraycopy(key, offset, keys, size * Extracts.KEY_BYTES, Extracts.KEY_BYTES);
            place(size);
            return size++;
        }

        /** The keys of persons 0 to size − 1, 32 bytes each. */
        public byte[] keys() {
            return Arrays.copyOf(keys, size * Extracts.KEY_BYTES);
        }

        private void grow() {
            slots = new int[slots.length * 2];
            Arrays.fill(slots, -1);
            for (int p = 0; p < size; p++) {
                place(p);
            }
        }

        private void place(int p) {
            int mask = slots.length - 1;
            int i = hash(keys, p * Extracts.KEY_BYTES) & mask;
            while (slots[i] >= 0) {
                i = (i + 1) & mask;
            }
            slots[i] = p;
        }

        private static int hash(byte[] key, int offset) {
            // A keyed hash is already uniform: its first four bytes are as good an index as any.
            return (key[offset] & 0xff) << 24 | (key[offset + 1] & 0xff) << 16 | (key[offset + 2] & 0xff) << 8
                    | (key[offset + 3] & 0xff);
        }
    }
}
