package kz.agyn.platform.problems;

import java.util.ArrayList;
import java.util.List;
import kz.agyn.tabular.Location;
import org.springframework.context.MessageSourceResolvable;

/**
 * One thing wrong with (or worth telling about) an uploaded file or a submitted form, before it is put into words:
 * where it is and which message, with which arguments. {@code row} and {@code column} are 1-based and 0 for "the
 * whole file" or "no column"; {@code columnName} is the header where the file has one (it is what a user looks
 * for), else null. {@code sheet} is null except in workbooks. For SDMX-ML and for line-by-line texts (an
 * incentive's rule) the row is the line of the text. A form or a JSON definition has no rows: its problems name
 * the field, or the JSON path ({@code questions[3].code}), as their column, since that is what the user looks for.
 *
 * <p>Arguments keep their type as stored in JSON: whole numbers as numbers (so a count is formatted in the
 * reader's locale) and everything else as text, so that a code such as "001001" is never printed as "1,001". An
 * argument that is itself a message code (a word such as the name of a field) is put into words too. A
 * {@link MessageSourceResolvable} argument (a reason with arguments of its own) is kept as it is and put into
 * words with the rest; only problems shown at once carry one, since it does not survive being stored as JSON.
 */
public record Problem(String file, String sheet, long row, int column, String columnName, String code,
                      List<Object> args) {

    public Problem {
        args = args == null ? List.of() : List.copyOf(args);
    }

    /** A problem at a place in a file ({@code at} may be null: nowhere in particular). */
    public static Problem at(Location at, String columnName, String code, Object... args) {
        return new Problem(at == null ? null : at.file(), at == null ? null : at.sheet(), at == null ? 0 : at.row(),
                at == null ? 0 : at.column(), columnName, code, kept(args));
    }

    /** A problem with a whole file. */
    public static Problem inFile(String file, String code, Object... args) {
        return new Problem(file, null, 0, 0, null, code, kept(args));
    }

    /** A problem with a field of a form, or at a JSON path of a submitted definition. */
    public static Problem inField(String field, String code, Object... args) {
        return new Problem(null, null, 0, 0, field, code, kept(args));
    }

    /** A problem at a line of a text read line by line; line 0 for the text as a whole. */
    public static Problem atLine(long line, String code, Object... args) {
        return new Problem(null, null, line, 0, null, code, kept(args));
    }

    /** A problem at a row (and, by name, a column) of a file or sheet. */
    public static Problem atRow(String file, String sheet, long row, String columnName, String code,
                                Object... args) {
        return new Problem(file, sheet, row, 0, columnName, code, kept(args));
    }

    /** The same problem said of another place: duplicates found across files are reported where they are. */
    public Problem movedTo(String file, String sheet, long row) {
        return new Problem(file, sheet, row, column, columnName, code, args);
    }

    /**
     * The column as a user finds it: its header, else its letter in a workbook or its number in a text file, else
     * null.
     */
    public String columnLabel() {
        if (columnName != null) {
            return columnName;
        }
        if (column <= 0) {
            return null;
        }
        return sheet != null ? columnLetters(column) : "#" + column;
    }

    static String columnLetters(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            sb.append((char) ('A' + (c - 1) % 26));
        }
        return sb.reverse().toString();
    }

    private static List<Object> kept(Object[] args) {
        List<Object> kept = new ArrayList<>(args == null ? 0 : args.length);
        if (args != null) {
            for (Object a : args) {
                // Whole numbers stay numbers and everything else becomes text: a code is text even when all digits.
                kept.add(a instanceof Long || a instanceof Integer || a instanceof Short ? ((Number) a).longValue()
                        : a instanceof MessageSourceResolvable r ? r
                        : a == null ? "" : a instanceof Number n ? n.toString() : String.valueOf(a));
            }
        }
        return kept;
    }
}
