package kz.agyn.registry.keys;

import java.util.Objects;
import java.util.regex.Pattern;
import kz.agyn.kernel.Iin;

/**
 * Stable pseudonyms such as {@code S-7K2Q9XH4MD} that let an ANALYST follow one scholar's record across pages,
 * exports and months without ever seeing the IIN.
 *
 * <p>The pseudonym is {@code "S-"} followed by the first 10 characters (50 bits) of the Crockford Base32 encoding
 * of HMAC-SHA-256 over the IIN's {@linkplain BlindIndex blind index hash}, keyed with a third key derived from the
 * master key (label {@code pseudonym}). Knowing a pseudonym and even the blind index key does not give the IIN
 * back without the pseudonym key. Crockford's alphabet leaves out I, L, O and U so that a pseudonym read aloud or
 * copied by hand survives. 50 bits make an accidental collision among the registry's scholars vanishingly
 * unlikely (about 10<sup>-7</sup> for 15,000 records); the storage layer should still keep the column unique.
 *
 * <p>A pseudonym is derived once, under the key current when the scholar is recorded, and then stored: a key
 * rotation does not change it, and the re-key job leaves it alone (docs/decisions/0010), because analysts'
 * notes, exports already handed out and anonymised records, which have no IIN left to derive it from, all
 * refer to it. So {@link #of} gives a stored scholar's pseudonym only while the key it was made under is current.
 *
 * <p>Thread-safe.
 */
public final class Pseudonym {

    /** The pseudonym prefix: S for scholar. */
    public static final String PREFIX = "S-";
    /** Characters after the prefix. */
    public static final int LENGTH = 10;

    private static final char[] CROCKFORD = "0123456789ABCDEFGHJKMNPQRSTVWXYZ".toCharArray();
    private static final Pattern FORM = Pattern.compile("S-[0-9A-HJKMNP-TV-Z]{10}");

    private final RegistryKeys keys;

    public Pseudonym(RegistryKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The pseudonym of the scholar whose IIN has this blind index hash (see {@link BlindIndex#iin}). */
    public String of(byte[] iinHash) {
        Objects.requireNonNull(iinHash, "iinHash");
        if (iinHash.length != BlindIndex.LENGTH) {
            throw new IllegalArgumentException("expected a " + BlindIndex.LENGTH + "-byte IIN hash");
        }
        return PREFIX + base32(keys.current().pseudonymMac().doFinal(iinHash), LENGTH);
    }

    /** The pseudonym of the scholar with this IIN. */
    public String of(Iin iin) {
        return of(BlindIndex.iinHash(keys.current(), Objects.requireNonNull(iin, "iin")));
    }

    /** Whether a text has the form of a pseudonym (it says nothing of whether anyone has it). */
    public static boolean isWellFormed(String text) {
        return text != null && FORM.matcher(text).matches();
    }

    @Override
    public String toString() {
        return "Pseudonym[" + keys + "]";
    }

    static String base32(byte[] bytes, int characters) {
        StringBuilder out = new StringBuilder(characters);
        int buffer = 0;
        int bits = 0;
        for (int i = 0; out.length() < characters; ) {
            if (bits < 5) {
                buffer = (buffer << 8) | (bytes[i++] & 0xff);
                bits += 8;
            }
            bits -= 5;
            out.append(CROCKFORD[(buffer >>> bits) & 31]);
        }
        return out.toString();
    }
}
