package kz.agyn.registry;

/**
 * One CSV field of the registry's exports (the worklist, the cohort tables), shared by their sub-features until the
 * platform has a CSV writer of its own.
 */
public final class SafeCsv {

    private SafeCsv() {
    }

    /** RFC 4180, and a leading = + - @ is defused so a spreadsheet does not run a note as a formula. */
    public static String quote(String s) {
        String v = s;
        if (!v.isEmpty() && "=+-@".indexOf(v.charAt(0)) >= 0 && !v.matches("-?\\d+")) {
            v = "'" + v;
        }
        if (v.indexOf(',') >= 0 || v.indexOf('"') >= 0 || v.indexOf('\n') >= 0 || v.indexOf('\r') >= 0) {
            return '"' + v.replace("\"", "\"\"") + '"';
        }
        return v;
    }
}
