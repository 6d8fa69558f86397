package kz.agyn.platform.csv;

import java.util.regex.Pattern;

/**
 * One cell of a CSV export: RFC 4180 quoting, and a text that a spreadsheet would take for a formula defused.
 *
 * <p>Every CSV Agyn writes may hold text someone typed (a dataset's title or publisher, a note on a scholar, an
 * employer's name); Excel, LibreOffice and Google Sheets run a cell that begins with {@code = + - @} — and, in some
 * of them, a tab or carriage return before one — as a formula, which can fetch URLs or run commands (OWASP "CSV
 * injection"). Such a text is written with a leading apostrophe, which spreadsheets show as text and hide. A number
 * (including a negative one, {@code -12.5}, {@code -1E+3}) is left alone: it is data, not a formula.
 */
public final class CsvCells {

    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?([eE][-+]?\\d+)?");

    private CsvCells() {
    }

    /** The cell as written between commas; null is an empty cell. */
    public static String cell(String s) {
        if (s == null || s.isEmpty()) {
            return "";
        }
        String v = s;
        if ("=+-@\t\r".indexOf(v.charAt(0)) >= 0 && !NUMBER.matcher(v).matches()) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0
                || v.indexOf(';') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
