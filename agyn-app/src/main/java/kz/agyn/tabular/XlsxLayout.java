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
    /** Header rows with captions; blank rows that a merged caption spans down through do not count. */
    private static final int MAX_AUTO_HEADER_ROWS = 3;
    /** All header rows, blank ones under merged captions included: XlsxOptions allows no more. */
    private static final int MAX_AUTO_HEADER_SPAN = 10;
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

    /** Bureau headers have dozens of merged cells; a hostile file could have a hundred thousand. */
    private static final int MAX_MERGES = 5_000;

    XlsxLayout(List<RawRow> buffered, List<Merge> merges) {
        for (RawRow r : buffered) {
            rows.put(r.number(), r);
        }
        int lastRow = rows.isEmpty() ? 0 : rows.lastKey();
        this.merges = merges.stream().filter(m -> m.firstRow() <= lastRow).limit(MAX_MERGES).toList();
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
     * A header spans the table, and rows below it are mostly filled. Taking the width of the next three rows
     * (fewer at the end of the sheet) as the table's, the candidate must cover at least half of it with captions
     * or merged captions — which rules out a "Table 3 ... thousand persons" line — and at least two of those rows
     * (or all, when fewer) must have cells in half of it.
     */
    private boolean filledAfter(RawRow candidate) {
        int last = rows.isEmpty() ? 0 : rows.lastKey();
        // Captions merged down over blank rows (UN DESA merges "…, both sexes combined" over rows 8-10 above the
        // year row 11) belong to the header: the rows to look at are the ones below the merged block.
        int below = mergedDownTo(candidate.number());
        int width = 0;
        int seen = 0;
        for (int k = 1; k <= 3 && below + k <= last; k++) {
            seen++;
            width = Math.max(width, row(below + k).cells().length);
        }
        if (seen == 0) {
            return false;
        }
        int half = Math.max(2, (width + 1) / 2);
        if (coverage(candidate, width) < half) {
            return false;
        }
        int filled = 0;
        for (int k = 1; k <= seen; k++) {
            if (row(below + k).nonEmpty() >= half) {
                filled++;
            }
        }
        return filled >= Math.min(2, seen);
    }

    /** The last row that merged ranges starting on this row reach down to; the row itself when none does. */
    private int mergedDownTo(int row) {
        int end = row;
        for (Merge m : merges) {
            if (m.firstRow() == row) {
                end = Math.max(end, Math.min(m.lastRow(), row + MAX_AUTO_HEADER_SPAN - 2));
            }
        }
        return end;
    }

    /** How many of the first {@code width} columns a row fills, merged ranges through it included. */
    private int coverage(RawRow r, int width) {
        int[] starts = new int[width + 2]; // +1 where a merged range starts, -1 after it ends
        for (Merge m : merges) {
            if (m.firstRow() <= r.number() && m.lastRow() >= r.number() && m.firstColumn() <= width) {
                starts[m.firstColumn()]++;
                starts[Math.min(width, m.lastColumn()) + 1]--;
            }
        }
        int covered = 0;
        int open = 0;
        for (int c = 1; c <= width; c++) {
            open += starts[c];
            if (open > 0 || !Text.isBlank(r.cell(c))) {
                covered++;
            }
        }
        return covered;
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
        int captioned = 1;
        int tableColumn = Math.max(1, row(first).firstColumn());
        while (captioned < MAX_AUTO_HEADER_ROWS && count < MAX_AUTO_HEADER_SPAN) {
            int next = first + count;
            RawRow r = row(next);
            if (verticalMergeInto(next, first)) {
                // A row a caption is merged down through is header, blank or not.
                count++;
                if (!r.blank()) {
                    captioned++;
                }
                continue;
            }
            if (r.blank()) {
                break;
            }
            boolean continues = groupMergeEndsOn(next - 1)
                    || (Text.isBlank(r.cell(tableColumn)) && !hasFigures(r));
            if (!continues) {
                break;
            }
            count++;
            captioned++;
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

    /**
     * A merged cell spanning columns that ends on this row is a group caption: its sub-captions are on the next
     * row, whether the caption takes one row ("2022" over "Men | Women") or several (UN DESA's three rows).
     */
    private boolean groupMergeEndsOn(int row) {
        for (Merge m : merges) {
            if (m.lastRow() == row && m.lastColumn() > m.firstColumn()) {
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

    /** How many cells of a row are numbers (years included). */
    static int figures(RawRow r) {
        int n = 0;
        for (String c : r.cells()) {
            if (Numbers.normalizeNumber(c, false) != null) {
                n++;
            }
        }
        return n;
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
        String[][] captions = new String[count][];
        for (int r = first; r < first + count; r++) {
            captions[r - first] = captions(r, width);
        }
        List<String> names = new ArrayList<>(width);
        for (int c = 1; c <= width; c++) {
            List<String> parts = new ArrayList<>(count);
            for (int r = first; r < first + count; r++) {
                String v = Text.trim(captions[r - first][c - 1]);
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

    /** A header row's captions, each carried across its merged range horizontally (not down: that would repeat it). */
    private String[] captions(int r, int width) {
        RawRow row = row(r);
        String[] out = new String[width];
        for (int c = 1; c <= width; c++) {
            out[c - 1] = row.cell(c);
        }
        for (Merge m : merges) {
            if (m.firstRow() != r) {
                continue;
            }
            String v = row.cell(m.firstColumn());
            for (int c = m.firstColumn() + 1; c <= Math.min(width, m.lastColumn()); c++) {
                if (Text.isBlank(out[c - 1])) {
                    out[c - 1] = v;
                }
            }
        }
        return out;
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
