package kz.agyn.registry.keys;

import java.text.Normalizer;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * One canonical Latin skeleton of a name, the same for its Kazakh Cyrillic, Russian Cyrillic, 2021 Kazakh Latin
 * and common passport Latin spellings as far as a letter-by-letter rule can make them so: "Мамырова",
 * "Mamyrova" and "Mamırova" all give {@code mamirova}; "Жұмабаев", "Jūmabaev" and "Zhumabayev" give
 * {@code jumabaev}. The name search index hashes skeletons (see {@link BlindIndex#nameKey} and
 * docs/decisions/0031-transliteration-aware-name-index.md).
 *
 * <p>The rule, in order: Unicode NFKC and root-locale lower case; Cyrillic letters to Latin (Kazakh ә ғ қ ң ө ұ ү
 * һ і fold onto a ғ к н о у у х и; ж→j, ш/щ→sh, ч→ch, ц→ts, ю→iu, я→ia, ь ъ dropped); Latin letters with marks
 * folded (ş→sh, ç→ch, ğ→g, ñ→n, ä→a, ö→o, ü/ū→u, ı→i, others without their marks); the passport digraphs zh→j,
 * kh→h, gh→g; ye→e (Yerlan, Tokayev: Russian е after a vowel or at the start); y→i and q→k; everything but a–z
 * dropped (spaces, hyphens, apostrophes, digits); runs of one letter collapsed (Lyazzat = Ляззат).
 *
 * <p>What it does not join: spellings that differ in more than letters (Жанұзақов and Женузаков, Дүйсенов and
 * Дюсенов — the stored Russian spelling has its own key for those), ё written "yo", ң written "ng".
 */
public final class NameSkeleton {

    private static final String CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    private static final String[] LATIN = {
        "a", "a", "b", "v", "g", "g", "d", "e", "e", "j", "z", "i", "i", "k", "k", "l", "m", "n", "n", "o", "o",
        "p", "r", "s", "t", "u", "u", "u", "f", "h", "h", "ts", "ch", "sh", "sh", "", "i", "i", "", "e", "iu", "ia"
    };
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");

    private NameSkeleton() {
    }

    /** The skeleton of a name, or null when no letter is left (null, blank or punctuation only). */
    public static String of(String name) {
        if (name == null) {
            return null;
        }
        String s = Normalizer.normalize(name, Normalizer.Form.NFKC).toLowerCase(Locale.ROOT).replace("i\u0307", "i");
        StringBuilder latin = new StringBuilder(s.length() + 4);
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            int at = CYRILLIC.indexOf(c);
            if (at >= 0) {
                latin.append(LATIN[at]);
                continue;
            }
            switch (c) {
                case 'ş' -> latin.append("sh");
                case 'ç' -> latin.append("ch");
                case 'ğ' -> latin.append('g');
                case 'ñ' -> latin.append('n');
                case 'ı' -> latin.append('i');
                default -> latin.append(c);
            }
        }
        // Marks off only now: ş, ç and ğ above are not their base letters.
        String t = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        t = t.replace("zh", "j").replace("kh", "h").replace("gh", "g").replace("ye", "e")
                .replace('y', 'i').replace('q', 'k');
        StringBuilder out = new StringBuilder(t.length());
        char previous = 0;
        for (int i = 0; i < t.length(); i++) {
            char c = t.charAt(i);
            if (c < 'a' || c > 'z' || c == previous) {
                continue;
            }
            out.append(c);
            previous = c;
        }
        return out.isEmpty() ? null : out.toString();
    }
}
