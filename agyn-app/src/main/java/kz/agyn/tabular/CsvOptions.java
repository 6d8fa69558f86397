package kz.agyn.tabular;

import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.regex.Pattern;

/** How to read a CSV file. */
public record CsvOptions(Charset charset, char delimiter, boolean decimalComma, boolean header) {

    static final Charset WINDOWS_1251 = Charset.forName("windows-1251");
    /** Western European single-byte text; a superset of ISO-8859-1 in everything printable. */
    static final Charset WINDOWS_1252 = Charset.forName("windows-1252");

    /** Tab and ';' first on ties: they rarely split a line by accident, while ',' is also the decimal comma. */
    private static final char[] CANDIDATES = {'\t', ';', ',', '|'};
    private static final int SAMPLE_RECORDS = 30;
    private static final Pattern COMMA_DECIMAL = Pattern.compile("[-+\u2212]?\\d{1,3}([ \u00A0\u202F]\\d{3})*,\\d+");
    private static final Pattern DOT_DECIMAL = Pattern.compile("[-+\u2212]?\\d+\\.\\d+");

    public CsvOptions {
        Objects.requireNonNull(charset, "charset");
        if (delimiter == '"' || delimiter == '\r' || delimiter == '\n') {
            throw new IllegalArgumentException("delimiter cannot be a quote or a line break");
        }
    }

    /**
     * Guesses the options from the first bytes of a file (about 64 KB). The header flag is always true: the
     * files uploaded here all have one, and the user can say otherwise on the mapping page.
     */
    public static CsvOptions detect(byte[] head) {
        byte[] h = head == null ? new byte[0] : head;
        Charset charset = charsetOf(h);
        String text = new String(h, charset);
        List<List<String>> best = null;
        char delimiter = ',';
        double bestScore = 0;
        for (char d : CANDIDATES) {
            List<List<String>> records = sample(text, d);
            double score = consistency(records);
            if (score > bestScore || (score == bestScore && best == null)) {
                bestScore = score;
                delimiter = d;
                best = records;
            }
        }
        if (bestScore == 0) {
            delimiter = ',';
            best = sample(text, ',');
        }
        return new CsvOptions(charset, delimiter, decimalComma(delimiter, best), true);
    }

    /**
     * UTF-16 by its byte order mark, UTF-8 when the bytes are valid UTF-8, else Windows-1251 (Cyrillic) or
     * Windows-1252 (Latin-1), whichever the letters look like.
     */
    static Charset charsetOf(byte[] h) {
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFF && (h[1] & 0xFF) == 0xFE) {
            return StandardCharsets.UTF_16LE;
        }
        if (h.length >= 2 && (h[0] & 0xFF) == 0xFE && (h[1] & 0xFF) == 0xFF) {
            return StandardCharsets.UTF_16BE;
        }
        if (validUtf8(h)) {
            return StandardCharsets.UTF_8;
        }
        return looksLatin(h) ? WINDOWS_1252 : WINDOWS_1251;
    }

    /**
     * Cyrillic text in a single-byte code page is words made of bytes above 0x7F; Latin-1 text is ASCII words
     * with an accented letter here and there ("C\u00f4te d'Ivoire", "Cura\u00e7ao"). So each high byte votes by
     * its neighbours: next to another high byte it is Cyrillic, between ASCII letters it is Latin. Ties go to
     * Cyrillic, the files this observatory mostly gets.
     */
    static boolean looksLatin(byte[] h) {
        int latin = 0;
        int cyrillic = 0;
        for (int i = 0; i < h.length; i++) {
            int b = h[i] & 0xFF;
            if (b < 0xC0) {
                continue; // letters of both code pages are 0xC0-0xFF (and a few below, too rare to matter)
            }
            int before = i > 0 ? h[i - 1] & 0xFF : ' ';
            int after = i + 1 < h.length ? h[i + 1] & 0xFF : ' ';
            if (before >= 0x80 || after >= 0x80) {
                cyrillic++;
            } else if (asciiLetter(before) || asciiLetter(after)) {
                latin++;
            }
        }
        return latin > cyrillic;
    }

    private static boolean asciiLetter(int c) {
        return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z');
    }

    static boolean validUtf8(byte[] h) {
        int i = 0;
        int n = h.length;
        while (i < n) {
            int b = h[i] & 0xFF;
            if (b < 0x80) {
                i++;
                continue;
            }
            int len;
            int min;
            if (b >= 0xC2 && b <= 0xDF) {
                len = 2;
                min = 0x80;
            } else if (b >= 0xE0 && b <= 0xEF) {
                len = 3;
                min = 0x800;
            } else if (b >= 0xF0 && b <= 0xF4) {
                len = 4;
                min = 0x10000;
            } else {
                return false;
            }
            if (i + len > n) {
                // A sample of a longer file may cut a character in two; a whole small file may not end mid-character.
                for (int k = i + 1; k < n; k++) {
                    if ((h[k] & 0xC0) != 0x80) {
                        return false;
                    }
                }
                return n >= 60_000;
            }
            int cp = b & (0xFF >> (len + 1));
            for (int k = 1; k < len; k++) {
                int c = h[i + k] & 0xFF;
                if ((c & 0xC0) != 0x80) {
                    return false;
                }
                cp = (cp << 6) | (c & 0x3F);
            }
            if (cp < min || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) {
                return false;
            }
            i += len;
        }
        return true;
    }

    /**
     * The first records split by {@code d}, honouring quotes; blank lines and a record cut off by the end of the
     * sample are left out.
     */
    private static List<List<String>> sample(String text, char d) {
        List<List<String>> records = new ArrayList<>();
        List<String> cells = new ArrayList<>();
        StringBuilder cell = new StringBuilder();
        boolean quoted = false;
        boolean complete = false;
        int i = text.startsWith("\uFEFF") ? 1 : 0;
        for (; i < text.length() && records.size() < SAMPLE_RECORDS; i++) {
            char c = text.charAt(i);
            complete = false;
            if (quoted) {
                if (c == '"') {
                    if (i + 1 < text.length() && text.charAt(i + 1) == '"') {
                        cell.append('"');
                        i++;
                    } else {
                        quoted = false;
                    }
                } else {
                    cell.append(c);
                }
            } else if (c == '"' && cell.length() == 0) {
                quoted = true;
            } else if (c == d) {
                cells.add(cell.toString());
                cell.setLength(0);
            } else if (c == '\n' || c == '\r') {
                if (c == '\r' && i + 1 < text.length() && text.charAt(i + 1) == '\n') {
                    i++;
                }
                cells.add(cell.toString());
                cell.setLength(0);
                if (!(cells.size() == 1 && Text.isBlank(cells.get(0)))) {
                    records.add(cells);
                }
                cells = new ArrayList<>();
                complete = true;
            } else {
                cell.append(c);
            }
        }
        if (!complete && i >= text.length() && !quoted && (records.isEmpty() || text.length() < 60_000)) {
            cells.add(cell.toString());
            if (!(cells.size() == 1 && Text.isBlank(cells.get(0)))) {
                records.add(cells);
            }
        }
        return records;
    }

    /** The share of records with the most common field count, or 0 when the delimiter does not split at all. */
    private static double consistency(List<List<String>> records) {
        if (records.isEmpty()) {
            return 0;
        }
        Map<Integer, Integer> counts = new HashMap<>();
        for (List<String> r : records) {
            counts.merge(r.size(), 1, Integer::sum);
        }
        int mode = 0;
        int freq = 0;
        for (Map.Entry<Integer, Integer> e : counts.entrySet()) {
            if (e.getValue() > freq || (e.getValue() == freq && e.getKey() > mode)) {
                mode = e.getKey();
                freq = e.getValue();
            }
        }
        if (mode < 2) {
            return 0;
        }
        // A tiny bonus for more columns breaks ties between delimiters that split equally consistently.
        return (double) freq / records.size() + Math.min(mode, 1000) * 1e-6;
    }

    private static boolean decimalComma(char delimiter, List<List<String>> records) {
        if (delimiter == ';') {
            return true;
        }
        if (delimiter == ',') {
            return false;
        }
        int comma = 0;
        int dot = 0;
        for (List<String> r : records) {
            for (String c : r) {
                String t = Text.trim(c);
                if (COMMA_DECIMAL.matcher(t).matches()) {
                    comma++;
                } else if (DOT_DECIMAL.matcher(t).matches()) {
                    dot++;
                }
            }
        }
        return comma > 0 && comma >= dot;
    }
}
