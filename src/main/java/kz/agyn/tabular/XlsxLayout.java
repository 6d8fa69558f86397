package kz.agyn.tabular;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.TreeMap;
import kz.agyn.tabular.SheetRows.Merge;
import kz.agyn.tabular.SheetRows.RawRow;

/**
 * Finds the table on a statistics-bureau sheet: title rows, a header of one to three rows with merged group
 * cells, the data block, then blank rows and footnotes. The rules are deliberately few and explainable — the
 * mapping page shows the guess and lets the user correct it.
 */
final class XlsxLayout {

    /** How far down the header is looked for. */
    static final int SEARCH_ROWS = 60;
    private static final int MAX_AUTO_HEADER_ROWS = 3;
    private static final String[] FOOTNOTE_MARKERS = {
        "*", "¹", "²", "³", "⁾", "примечани", "ескерту", "ескертпе", "note", "source", "источник", "дереккөз",
        "сноска",
    };

    /** The detected or given header rows and where the data starts. */
    record Header(int firstRow, int rowCount, int tableColumn, List<String> columns) {
        int lastRow() {
            return firstRow + rowCount - 1;
        }
    }

    private final TreeMap<Integer, RawRow> rows = new TreeMap<>();
    private final List<Merge> merges;

    XlsxLayout(List<RawRow> buffered, List<Merge> merges) {
        for (RawRow r : buffered) {
            rows.put(r.number(), r);
        }
        this.merges = merges;
    }

    private RawRow row(int number) {
        RawRow r = rows.get(number);
        return r == null ? new RawRow(number, new String[0]) : r;
    }

    /** Null when the buffered rows are all blank. */
    Header header(int givenFirst, int givenCount) {
        int first = givenFirst > 0 ? givenFirst : detectFirst();
        if (first == 0) {
            return null;
        }
        int count = givenCount > 0 ? givenCount : detectCount(first);
        return new Header(first, count, tableColumn(first, count), names(first, count));
    }

    private int detectFirst() {
        int fallback = 0;
        int firstNonBlank = 0;
        for (RawRow r : rows.values()) {
            if (r.number() > SEARCH_ROWS) {
                break;
            }
            int n = r.nonEmpty();
            if (n == 0) {
                continue;
            }
            if (firstNonBlank == 0) {
                firstNonBlank = r.number();
            }
            if (n < 2) {
                continue;
            }
            if (fallback == 0) {
                fallback = r.number();
            }
            if (filledAfter(r)) {
                return r.number();
            }
        }
        return fallback != 0 ? fallback : firstNonBlank;
    }

    /**
     * "Mostly filled" below a candidate header: at least two of the next three rows (or all of them, when fewer
     * exist before the end) have cells in at least half the candidate's columns.
     */
    private boolean filledAfter(RawRow candidate) {
        int width = Math.max(2, (spanEnd(candidate) - candidate.firstColumn() + 2) / 2);
        int filled = 0;
        int seen = 0;
        int last = rows.isEmpty() ? 0 : rows.lastKey();
        for (int k = 1; k <= 3 && candidate.number() + k <= last; k++) {
            seen++;
            if (row(candidate.number() + k).nonEmpty() >= width) {
                filled++;
            }
        }
        return seen > 0 && filled >= Math.min(2, seen);
    }

    /** The last column a row reaches, its merged cells included. */
    private int spanEnd(RawRow r) {
        int end = r.cells().length;
        for (Merge m : merges) {
            if (m.firstRow() == r.number()) {
                end = Math.max(end, m.lastColumn());
            }
        }
        return end;
    }

    private int detectCount(int first) {
        int count = 1;
        int tableColumn = Math.max(1, row(first).firstColumn());
        while (count < MAX_AUTO_HEADER_ROWS) {
            int next = first + count;
            RawRow r = row(next);
            if (r.blank()) {
                break;
            }
            boolean continues = verticalMergeInto(next, first) || groupMergeIn(next - 1)
                    || (Text.isBlank(r.cell(tableColumn)) && !hasFigures(r));
            if (!continues) {
                break;
            }
            count++;
        }
        return count;
    }

    private boolean verticalMergeInto(int row, int headerFirst) {
        for (Merge m : merges) {
            if (m.firstRow() >= headerFirst && m.firstRow() < row && m.lastRow() >= row) {
                return true;
            }
        }
        return false;
    }

    /** A merged cell spanning columns in one row is a group caption: its sub-captions are on the next row. */
    private boolean groupMergeIn(int row) {
        for (Merge m : merges) {
            if (m.firstRow() == row && m.lastRow() == row && m.lastColumn() > m.firstColumn()) {
                return true;
            }
        }
        return false;
    }

    /** Numbers other than years: a header may say "2022", a data row says "31287" or "12.5". */
    private static boolean hasFigures(RawRow r) {
        for (String c : r.cells()) {
            String n = Numbers.normalizeNumber(c, false);
            if (n != null && !isYear(n)) {
                return true;
            }
        }
        return false;
    }

    private static boolean isYear(String n) {
        if (n.length() != 4 || n.indexOf('.') >= 0) {
            return false;
        }
        int y = Integer.parseInt(n);
        return y >= 1900 && y <= 2100;
    }

    private int tableColumn(int first, int count) {
        int col = 0;
        for (int r = first; r < first + count; r++) {
            int c = row(r).firstColumn();
            if (c > 0 && (col == 0 || c < col)) {
                col = c;
            }
        }
        return Math.max(1, col);
    }

    private List<String> names(int first, int count) {
        int width = 0;
        for (int r = first; r < first + count; r++) {
            width = Math.max(width, spanEnd(row(r)));
        }
        List<String> names = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) {
            List<String> parts = new ArrayList<>(count);
            for (int r = first; r < first + count; r++) {
                String v = Text.trim(captionAt(r, c));
                if (!v.isEmpty() && (parts.isEmpty() || !parts.get(parts.size() - 1).equals(v))) {
                    parts.add(v);
                }
            }
            names.add(String.join(" / ", parts));
        }
        // Trailing columns that only merged ranges reached but that name nothing are not columns.
        while (!names.isEmpty() && names.get(names.size() - 1).isEmpty()) {
            names.remove(names.size() - 1);
        }
        return List.copyOf(names);
    }

    /** A header cell's caption, carried across a merged range horizontally (not down: that would repeat it). */
    private String captionAt(int r, int c) {
        String v = row(r).cell(c);
        if (!Text.isBlank(v)) {
            return v;
        }
        for (Merge m : merges) {
            if (m.firstRow() == r && m.covers(r, c)) {
                return row(r).cell(m.firstColumn());
            }
        }
        return "";
    }

    /** A footnote: one non-blank cell, at or left of the table's first column, opening with a footnote marker. */
    static boolean isFootnote(RawRow r, int tableColumn) {
        if (r.nonEmpty() != 1 || r.firstColumn() > tableColumn) {
            return false;
        }
        String t = Text.trim(r.cell(r.firstColumn())).toLowerCase(Locale.ROOT);
        for (String marker : FOOTNOTE_MARKERS) {
            if (t.startsWith(marker)) {
                return true;
            }
        }
        return false;
    }
}
