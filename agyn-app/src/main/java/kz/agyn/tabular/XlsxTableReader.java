package kz.agyn.tabular;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Deque;
import java.util.List;
import kz.agyn.tabular.SheetRows.Merge;
import kz.agyn.tabular.SheetRows.RawRow;

/**
 * The data block of one sheet. The rows above it are held while the header is found — at most
 * {@link XlsxLayout#SEARCH_ROWS} of them, or down to an explicitly given header — and the rest stream.
 */
final class XlsxTableReader implements TableReader {

    private final XlsxWorkbook workbook;
    private final String sheet;
    private final SheetRows rows;
    private final List<String> columns;
    private final Deque<RawRow> pending = new ArrayDeque<>();
    private final int tableColumn;
    private final int firstData;
    private final int lastData;
    private boolean ended;
    private int previous;
    private boolean started;

    XlsxTableReader(XlsxWorkbook workbook, XlsxOptions options) throws TabularException {
        this.workbook = workbook;
        this.sheet = options.sheet() == null ? dataSheet(workbook) : workbook.sheetName(options.sheet());
        List<Merge> merges = SheetRows.merges(workbook, sheet);
        this.rows = new SheetRows(workbook, sheet);
        try {
            int need = Math.max(XlsxLayout.SEARCH_ROWS,
                    options.headerFirstRow() + Math.max(options.headerRowCount(), 3) + 3);
            List<RawRow> buffered = new ArrayList<>();
            RawRow r;
            while ((r = rows.next()) != null) {
                buffered.add(r);
                if (r.number() > need) {
                    break;
                }
            }
            XlsxLayout.Header header = new XlsxLayout(buffered, merges)
                    .header(options.headerFirstRow(), options.headerRowCount());
            if (header == null) {
                throw new TabularException("tabular.empty", new Location(workbook.file(), sheet, 0, 0));
            }
            this.columns = header.columns();
            this.tableColumn = header.tableColumn();
            this.lastData = options.lastDataRow();
            this.firstData = options.firstDataRow() > 0 ? options.firstDataRow() : header.lastRow() + 1;
            for (RawRow b : buffered) {
                if (b.number() >= firstData) {
                    pending.add(b);
                }
            }
        } catch (TabularException | RuntimeException e) {
            rows.close();
            throw e;
        }
    }

    /**
     * The sheet a table of figures is on, when the user named none: the first whose rows under the header it
     * finds hold figures. Publishers put a table of contents, a cover or notes first (UN DESA's workbooks open on
     * "Table of contents"); reading that would only yield errors about missing columns. A workbook with no such
     * sheet gives its first sheet, so the messages still name one.
     */
    static String dataSheet(XlsxWorkbook workbook) throws TabularException {
        List<String> names = workbook.sheetNames();
        if (names.size() > 1) {
            for (String name : names) {
                if (hasFigures(workbook, name)) {
                    return name;
                }
            }
        }
        return names.get(0);
    }

    private static boolean hasFigures(XlsxWorkbook workbook, String name) throws TabularException {
        List<Merge> merges = SheetRows.merges(workbook, name);
        List<RawRow> buffered = new ArrayList<>();
        try (SheetRows rows = new SheetRows(workbook, name)) {
            RawRow r;
            while ((r = rows.next()) != null && r.number() <= XlsxLayout.SEARCH_ROWS + 3) {
                buffered.add(r);
            }
        }
        XlsxLayout.Header header = new XlsxLayout(buffered, merges).header(0, 0);
        if (header == null) {
            return false;
        }
        for (RawRow r : buffered) {
            if (r.number() > header.lastRow() && XlsxLayout.figures(r) >= 2) {
                return true;
            }
        }
        return false;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public String sheet() {
        return sheet;
    }

    @Override
    public long bytesRead() {
        return rows.bytesRead();
    }

    @Override
    public Row next() throws TabularException {
        while (!ended) {
            RawRow r = pending.isEmpty() ? rows.next() : pending.poll();
            if (r == null) {
                ended = true;
                break;
            }
            if (r.number() < firstData) {
                continue;
            }
            if (lastData > 0) {
                // An explicit block is returned as it is, blank rows included; the mapping layer skips them.
                if (r.number() > lastData) {
                    ended = true;
                    break;
                }
            } else if (!started) {
                // Blank rows between the header and the first data row are common and mean nothing.
                if (r.blank()) {
                    continue;
                }
                if (XlsxLayout.isFootnote(r, tableColumn)) {
                    ended = true;
                    break;
                }
            } else if (r.number() > previous + 1 || r.blank() || XlsxLayout.isFootnote(r, tableColumn)) {
                // A row number skipped by the file is a blank row, which ends the block like a present one.
                ended = true;
                break;
            }
            started = true;
            previous = r.number();
            return new Row(r.number(), Arrays.asList(r.cells()),
                    new Location(workbook.file(), sheet, r.number(), 0));
        }
        return null;
    }

    @Override
    public void close() {
        rows.close();
        workbook.close();
    }
}
