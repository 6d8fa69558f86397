package kz.agyn.demo.registry;

import java.text.Normalizer;
import java.util.regex.Pattern;

/**
 * Kazakh Cyrillic to the Kazakh Latin alphabet of January 2021 (31 letters: A Ä B D E F G Ğ H I İ J K L M N Ñ O Ö
 * P Q R S Ş T U Ū Ü V Y Z). The letters with a direct counterpart follow it: і→ı, и/й→i, ы→y, ұ→ū, ү→ü, ң→ñ,
 * ғ→ğ, қ→q, ш→ş, ж→j, х/һ→h. Letters of Russian loans that the alphabet has no single letter for are rendered by
 * a simple rule of our own (ё→io, ю→iu, я→ia, ц→ts, ч→ch, щ→şş, ъ and ь dropped); of these only я occurs in the
 * generator's name lists.
 */
final class KazakhLatin {

    private static final String CYRILLIC = "аәбвгғдеёжзийкқлмнңоөпрстуұүфхһцчшщъыіьэюя";
    private static final String[] LATIN = {
        "a", "ä", "b", "v", "g", "ğ", "d", "e", "io", "j", "z", "i", "i", "k", "q", "l", "m", "n", "ñ", "o", "ö",
        "p", "r", "s", "t", "u", "ū", "ü", "f", "h", "h", "ts", "ch", "ş", "şş", "", "y", "ı", "", "e", "iu", "ia"
    };

    private static final Pattern MARKS = Pattern.compile("\\p{M}");

    private KazakhLatin() {
    }

    static String transliterate(String cyrillic) {
        if (cyrillic == null) {
            return null;
        }
        StringBuilder out = new StringBuilder(cyrillic.length() + 4);
        for (int i = 0; i < cyrillic.length(); i++) {
            char c = cyrillic.charAt(i);
            char lower = Character.toLowerCase(c);
            int at = CYRILLIC.indexOf(lower);
            if (at < 0) {
                out.append(c);
                continue;
            }
            String latin = LATIN[at];
            if (c != lower && !latin.isEmpty()) {
                out.append(upper(latin.charAt(0))).append(latin, 1, latin.length());
            } else {
                out.append(latin);
            }
        }
        return out.toString();
    }

    /** ASCII for e-mail local parts: diacritics dropped, dotless ı to i. */
    static String ascii(String latin) {
        String stripped = MARKS.matcher(Normalizer.normalize(latin, Normalizer.Form.NFD)).replaceAll("");
        return stripped.replace('ı', 'i');
    }

    // The alphabet pairs i with İ and ı with I; Java's root-locale rules would give I for both.
    private static char upper(char c) {
        if (c == 'i') {
            return 'İ';
        }
        if (c == 'ı') {
            return 'I';
        }
        return Character.toUpperCase(c);
    }
}
