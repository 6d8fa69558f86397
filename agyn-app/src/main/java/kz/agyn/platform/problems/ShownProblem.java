package kz.agyn.platform.problems;

/**
 * A problem put into words for one reader: the shape every import report, page and API gives. {@code column} is
 * the header, a letter (workbooks) or "#n" (text files), or null; {@code code} is stable for scripts.
 */
public record ShownProblem(String file, String sheet, long row, String column, String code, String message) {

    /**
     * The problem on one line of a console: "file, sheet, row, column: message", leaving out what is unknown, so
     * that every command prints problems alike.
     */
    public String line() {
        StringBuilder where = new StringBuilder(file == null ? "" : file);
        if (sheet != null) {
            where.append(", ").append(sheet);
        }
        if (row > 0) {
            where.append(", ").append(row);
        }
        if (column != null) {
            where.append(", ").append(column);
        }
        return where.isEmpty() ? message : where + ": " + message;
    }
}
