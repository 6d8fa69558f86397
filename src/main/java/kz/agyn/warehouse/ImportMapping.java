package kz.agyn.warehouse;

import java.util.EnumMap;
import java.util.Map;

/**
 * How a file's columns become observations: which column holds each dimension, or a constant for all rows
 * (e.g. the indicator when the file holds one), and how to read the file (CSV dialect, XLSX block).
 * {@code wide} files have one value column per period ("2022", "2023", or "2022 / Men" under a two-row
 * header); their period, and sex when the header names it, come from the column header.
 */
public record ImportMapping(Map<Dimension, String> columns, Map<Dimension, String> constants, boolean wide,
                            Character delimiter, String charset, Boolean decimalComma, String sheet,
                            Integer headerFirstRow, Integer headerRowCount, Integer firstDataRow,
                            Integer lastDataRow) {

    public ImportMapping {
        columns = columns == null ? Map.of() : Map.copyOf(columns);
        constants = constants == null ? Map.of() : Map.copyOf(constants);
    }

    public static ImportMapping empty() {
        return new ImportMapping(Map.of(), Map.of(), false, null, null, null, null, null, null, null, null);
    }

    public ImportMapping withColumns(Map<Dimension, String> newColumns) {
        return new ImportMapping(newColumns, constants, wide, delimiter, charset, decimalComma, sheet,
                headerFirstRow, headerRowCount, firstDataRow, lastDataRow);
    }

    public ImportMapping withConstant(Dimension d, String value) {
        Map<Dimension, String> c = new EnumMap<>(Dimension.class);
        c.putAll(constants);
        if (value == null || value.isBlank()) {
            c.remove(d);
        } else {
            c.put(d, value.trim());
        }
        return new ImportMapping(columns, c, wide, delimiter, charset, decimalComma, sheet, headerFirstRow,
                headerRowCount, firstDataRow, lastDataRow);
    }
}
