package kz.agyn.tabular;

/**
 * Numbers as statistics offices print them: "1 234,5" with a no-break or thin space between thousands and a
 * decimal comma, or "1,234.5" in English exports. Readers leave cells as text; the mapping layer calls this when
 * a column is meant to be numeric.
 */
public final class Numbers {

    private Numbers() {
    }

    /**
     * The cell as a plain decimal ("-1234.5") that {@link java.math.BigDecimal} accepts, or null when it is not a
     * number. Spaces are taken as thousands separators only between groups of three digits. A '.' is always a
     * decimal point — nobody here groups thousands with dots — and a ',' is a decimal comma when
     * {@code decimalComma}, otherwise a thousands separator between groups of three. No exponents.
     */
    public static String normalizeNumber(String cell, boolean decimalComma) {
        if (cell == null) {
            return null;
        }
        String s = Text.trim(cell);
        int n = s.length();
        if (n == 0 || n > 400) {
            return null;
        }
        StringBuilder out = new StringBuilder(n);
        int i = 0;
        char first = s.charAt(0);
        if (first == '-' || first == '\u2212' || first == '+') {
            if (first != '+') {
                out.append('-');
            }
            i++;
        }
        int intDigits = 0;
        int group = -1; // digits since the last group separator; -1 while no separator has been seen
        char groupSeparator = 0;
        for (; i < n; i++) {
            char c = s.charAt(i);
            if (c >= '0' && c <= '9') {
                out.append(c);
                intDigits++;
                if (group >= 0) {
                    group++;
                }
                continue;
            }
            boolean space = Text.isSpace(c);
            boolean groupingComma = c == ',' && !decimalComma;
            if (space || groupingComma) {
                char kind = space ? ' ' : ',';
                // The first group may have 1-3 digits; each later one exactly three; one kind of separator only.
                if (intDigits == 0 || (group < 0 ? intDigits > 3 : group != 3)
                        || (groupSeparator != 0 && groupSeparator != kind)) {
                    return null;
                }
                groupSeparator = kind;
                group = 0;
                continue;
            }
            break;
        }
        if (group >= 0 && group != 3) {
            return null;
        }
        if (i < n) {
            char c = s.charAt(i);
            if (c != '.' && !(c == ',' && decimalComma)) {
                return null;
            }
            i++;
            if (i == n) {
                return null;
            }
            if (intDigits == 0) {
                out.append('0');
            }
            out.append('.');
            for (; i < n; i++) {
                char d = s.charAt(i);
                if (d < '0' || d > '9') {
                    return null;
                }
                out.append(d);
            }
        } else if (intDigits == 0) {
            return null;
        }
        return out.toString();
    }

    /** Exponents beyond this are no statistic (a person count of 10^40); refused rather than written out in full. */
    private static final int MAX_EXPONENT = 40;

    /**
     * {@link #normalizeNumber} that also takes scientific notation ("1e12", "8.14013304708237E-09"), as exports of
     * statistical software write large and small values, written out in full ("1000000000000"). Kept apart from
     * {@link #normalizeNumber}, which layout detection uses, where "1e3" in a header is a label rather than a number.
     */
    public static String normalizeNumberOrExponent(String cell, boolean decimalComma) {
        String plain = normalizeNumber(cell, decimalComma);
        if (plain != null || cell == null) {
            return plain;
        }
        String s = Text.trim(cell);
        int e = Math.max(s.lastIndexOf('e'), s.lastIndexOf('E'));
        if (e <= 0 || e == s.length() - 1 || s.length() - e > 5) {
            return null;
        }
        String mantissa = normalizeNumber(s.substring(0, e), decimalComma);
        String exponent = s.substring(e + 1);
        if (mantissa == null || !exponent.matches("[+-]?[0-9]{1,3}")) {
            return null;
        }
        int power = Integer.parseInt(exponent.startsWith("+") ? exponent.substring(1) : exponent);
        if (Math.abs(power) > MAX_EXPONENT) {
            return null;
        }
        return new java.math.BigDecimal(mantissa).scaleByPowerOfTen(power).toPlainString();
    }
}
