package kz.agyn.tabular;

import java.util.List;

/**
 * One row of a table as text. {@code cells.get(i)} is column {@code i + 1} of the source (column A is 0 in a
 * sheet). {@code number} is the row's number in its source — the line where a CSV record starts, the sheet row —
 * and for SDMX-ML the observation's ordinal, its {@code location} then giving the XML line.
 */
public record Row(long number, List<String> cells, Location location) {

    public Row {
        cells = List.copyOf(cells);
    }

    /** The cell at a 0-based index, or "" when the row is shorter. */
    public String cell(int i) {
        return i >= 0 && i < cells.size() ? cells.get(i) : "";
    }

    /** True when every cell is empty or only spaces (including the no-break spaces spreadsheets leave behind). */
    public boolean blank() {
        for (String c : cells) {
            if (!Text.isBlank(c)) {
                return false;
            }
        }
        return true;
    }

    /** Where cell {@code i} (0-based) is. */
    public Location location(int i) {
        return location.withColumn(i + 1);
    }
}
