package kz.agyn.registry.keys;

import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.regex.Pattern;
import javax.crypto.Mac;
import kz.agyn.kernel.Iin;

/**
 * Deterministic keyed hashes (HMAC-SHA-256) that let the registry find and join encrypted records without
 * decrypting them: one of the IIN, one of a normalised name. Each uses its own key derived from the master key
 * (labels {@code blind-index/iin} and {@code blind-index/name}), independent of the encryption key.
 *
 * <h2>What the IIN index protects against, and what not</h2>
 * Without the key the hash reveals nothing. With the key, anyone can hash all possible IINs (about 10<sup>8</sup>
 * per century: birth dates times sex times serials) and reverse it: the key must be kept as carefully as the
 * encryption key, and the hash must be treated as personal data in exports.
 *
 * <h2>The name index and its limits</h2>
 * {@link #name(String)} hashes {@link #normaliseName(String)}: Unicode NFKC, lower case, ё→е, İ→i, every run of
 * white space to one space, trimmed. It supports exact search on one whole name only — a full last name or a
 * full first name, each hashed and stored separately. It does not find:
 * <ul>
 *   <li>prefixes, parts or misspellings ("Ахмет" does not find "Ахметов");</li>
 *   <li>the same name in another script or spelling: "Нұрлан" (Kazakh), "Нурлан" (Russian) and "Nūrlan"
 *       (Latin) are three different hashes; hash each stored script and search them all;</li>
 *   <li>a "last first" string as a whole: split the query and look up each part;</li>
 *   <li>Kazakh Latin capitals written without the dot distinction: the root locale lowers I to i, while the 2021
 *       alphabet pairs I with ı, so "IRINA" and "ırına" differ (mixed-case input as typed usually agrees).</li>
 * </ul>
 * Equal names give equal hashes, so whoever sees the index column sees which records share a name and how
 * common it is (frequency analysis). That is why the index is kept in the database only, with the ciphertexts,
 * and never in exports or analyst views.
 *
 * <h2>The name search keys</h2>
 * Search uses {@link #nameKeys}: the hash of each name's {@link NameSkeleton}, one canonical Latin form of its
 * Kazakh, Russian and Latin spellings, so "Mamyrova" finds "Мамырова". Each scholar has exactly
 * {@value #NAME_SLOTS} pairs (last, first) — the Kazakh, the Russian and the Latin spelling — and a pair that
 * repeats an earlier one, or whose spelling is not recorded, is filled with random bytes: the number of pairs
 * tells nothing, and no two pairs of one scholar are equal. What the keys reveal is in
 * docs/decisions/0031-transliteration-aware-name-index.md.
 *
 * <p>Thread-safe: each thread uses its own {@link Mac} per key.
 */
public final class BlindIndex {

    /** Length of every hash in bytes. */
    public static final int LENGTH = 32;
    /** Name key pairs per scholar: the Kazakh, the Russian and the Latin spelling. */
    public static final int NAME_SLOTS = 3;
    /**
     * Version of the name keys' rule ({@link NameSkeleton}); a scholar whose keys were made under another (or none)
     * is indexed again by the re-index job ({@code RegistryNameIndexJobs}).
     */
    public static final int NAME_KEYS_VERSION = 1;
    // Kept apart from the whole-name hashes of name(), which share the key: a skeleton never hashes like a name.
    private static final byte[] SKELETON_DOMAIN = "skeleton\u0000".getBytes(StandardCharsets.US_ASCII);
    private static final SecureRandom RANDOM = new SecureRandom();

    private static final Pattern SPACES = Pattern.compile("\\s+");

    private final RegistryKeys keys;

    public BlindIndex(RegistryKeys keys) {
        this.keys = Objects.requireNonNull(keys, "keys");
    }

    /** The IIN's hash under the current key; a valid {@link Iin} is already in its one canonical form. */
    public byte[] iin(Iin iin) {
        Objects.requireNonNull(iin, "iin");
        return iinHash(keys.current(), iin);
    }

    /**
     * The IIN's hash under every loaded key, current first: during a re-key after a rotation, rows still
     * carrying an old hash are found with {@code WHERE iin_hash = ANY(?)}.
     */
    public List<byte[]> iinCandidates(Iin iin) {
        Objects.requireNonNull(iin, "iin");
        List<byte[]> hashes = new ArrayList<>();
        for (RegistryKeys.Derived d : keys.allDerived()) {
            hashes.add(iinHash(d, iin));
        }
        return hashes;
    }

    /** The normalised name's hash under the current key, or null when nothing is left after normalising. */
    public byte[] name(String name) {
        String normalised = normaliseName(name);
        if (normalised == null) {
            return null;
        }
        return keys.current().nameMac().doFinal(normalised.getBytes(StandardCharsets.UTF_8));
    }

    /** The search key of one name (its skeleton's hash) under the current key, or null when it has no letter. */
    public byte[] nameKey(String name) {
        String skeleton = NameSkeleton.of(name);
        if (skeleton == null) {
            return null;
        }
        Mac mac = keys.current().nameMac();
        mac.update(SKELETON_DOMAIN);
        return mac.doFinal(skeleton.getBytes(StandardCharsets.UTF_8));
    }

    /**
     * The {@value #NAME_SLOTS} (last, first) key pairs of a scholar, in slot order: the Kazakh last and first name,
     * then the first two words of the Russian and of the Latin full name ("last first patronymic"). A pair whose
     * spelling is missing or whose keys repeat an earlier pair's is random bytes, which no search finds.
     */
    public List<byte[][]> nameKeys(String lastKk, String firstKk, String fullRu, String fullLatin) {
        List<byte[][]> out = new ArrayList<>(NAME_SLOTS);
        out.add(pair(nameKey(lastKk), nameKey(firstKk), out));
        for (String full : new String[] {fullRu, fullLatin}) {
            String[] words = full == null ? new String[0] : full.strip().split("\\s+");
            out.add(pair(words.length > 0 ? nameKey(words[0]) : null, words.length > 1 ? nameKey(words[1]) : null,
                    out));
        }
        return out;
    }

    private static byte[][] pair(byte[] last, byte[] first, List<byte[][]> before) {
        boolean repeated = before.stream().anyMatch(p -> Arrays.equals(p[0], last) && Arrays.equals(p[1], first));
        if (last == null || repeated) {
            return new byte[][] {random(), random()};
        }
        return new byte[][] {last, first == null ? random() : first};
    }

    private static byte[] random() {
        byte[] junk = new byte[LENGTH];
        RANDOM.nextBytes(junk);
        return junk;
    }

    /**
     * The form a name is hashed in: NFKC (so compatibility forms and combining sequences compare equal), lower
     * case by the root locale (so the result does not depend on the server's locale), ё→е (Russian writes both
     * for one letter), white space collapsed and trimmed; null when null or blank.
     */
    public static String normaliseName(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace('ё', 'е')
                // Root-locale lower case turns the Kazakh Latin İ into i plus a combining dot; the alphabet's i has none.
                .replace("i\u0307", "i");
        s = SPACES.matcher(s).replaceAll(" ").strip();
        return s.isEmpty() ? null : s;
    }

    @Override
    public String toString() {
        return "BlindIndex[HMAC-SHA-256, " + keys + "]";
    }

    static byte[] iinHash(RegistryKeys.Derived key, Iin iin) {
        return key.iinMac().doFinal(iin.value().getBytes(StandardCharsets.US_ASCII));
    }
}
