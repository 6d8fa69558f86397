package kz.agyn.tabular;

/**
 * Where the table is in a workbook. Rows are 1-based sheet rows; 0 means "find it": the header by
 * {@link XlsxLayout}'s rules, the data right after the header, its end at the first blank or footnote row.
 * With an explicit {@code lastDataRow} every row up to it is returned, blank or not.
 *
 * @param sheet          sheet name, null for the first sheet
 * @param headerFirstRow first header row, 0 to detect
 * @param headerRowCount number of header rows (1-3 in bureau tables), 0 to detect
 * @param firstDataRow   first data row, 0 for the row after the header
 * @param lastDataRow    last data row, 0 for the end of the data block
 */
public record XlsxOptions(String sheet, int headerFirstRow, int headerRowCount, int firstDataRow, int lastDataRow) {

    public XlsxOptions {
        if (headerFirstRow < 0 || headerRowCount < 0 || firstDataRow < 0 || lastDataRow < 0) {
            throw new IllegalArgumentException("row numbers are 1-based, 0 for automatic");
        }
        if (headerRowCount > 10) {
            throw new IllegalArgumentException("at most 10 header rows");
        }
        if (lastDataRow > 0 && firstDataRow > lastDataRow) {
            throw new IllegalArgumentException("firstDataRow is after lastDataRow");
        }
    }

    /** First sheet, header and data block detected. */
    public static XlsxOptions defaults() {
        return new XlsxOptions(null, 0, 0, 0, 0);
    }
}
