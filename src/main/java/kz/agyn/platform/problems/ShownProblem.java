package kz.agyn.platform.problems;

/**
 * A problem put into words for one reader: the shape every import report, page and API gives. {@code column} is
 * the header, a letter (workbooks) or "#n" (text files), or null; {@code code} is stable for scripts.
 */
public record ShownProblem(String file, String sheet, long row, String column, String code, String message) {
}
