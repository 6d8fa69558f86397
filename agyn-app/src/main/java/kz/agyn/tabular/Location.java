package kz.agyn.tabular;

/**
 * Where something is in an uploaded file. Row and column are 1-based and 0 when unknown or not applicable;
 * {@code sheet} is null except for workbooks. For SDMX-ML the row is the line of the XML text.
 */
public record Location(String file, String sheet, long row, int column) {

    /** The same place, narrowed to one column (1-based). */
    public Location withColumn(int column) {
        return new Location(file, sheet, row, column);
    }

    /** A spreadsheet column name: 1 → A, 27 → AA. */
    static String columnLetters(int column) {
        StringBuilder sb = new StringBuilder();
        for (int c = column; c > 0; c = (c - 1) / 26) {
            sb.append((char) ('A' + (c - 1) % 26));
        }
        return sb.reverse().toString();
    }

    @Override
    public String toString() {
        StringBuilder sb = new StringBuilder(file == null ? "(file)" : file);
        if (sheet != null) {
            sb.append(", sheet '").append(sheet).append('\'');
        }
        if (row > 0) {
            sb.append(", row ").append(row);
        }
        if (column > 0) {
            // Spreadsheet users read columns as letters; in a text file a number is what an editor shows.
            sb.append(", column ").append(sheet != null ? columnLetters(column) : Integer.toString(column));
        }
        return sb.toString();
    }
}
