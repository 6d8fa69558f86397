package kz.agyn.tabular;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SDMX-CSV 1.0 (of SDMX 2.1; first column DATAFLOW) and 2.0 (of SDMX 3.0; STRUCTURE, STRUCTURE_ID, optional
 * ACTION). Everything in the file is kept; only the "labels=both" form is reduced to its codes, because the codes
 * are what get mapped, and 2.0's multi-value markers in the header ({@code STRUCTURE[;]}, {@code ATTR[]},
 * {@code ATTR[en;fr]}) are dropped from the column names.
 *
 * <p>ACTION: a file becomes a new version of a dataset as a whole, so I (information), A (append), R (replace)
 * and M (merge) rows are all data. A D (delete) row asks the receiver to delete data it already holds; Agyn never
 * loads it as data and refuses the file at that row (delete by loading a version without those observations).
 */
final class SdmxCsvReader implements TableReader {

    /**
     * "KZ: Kazakhstan", "ECB:EXR(1.0): Exchange rates" — a code without spaces, then ": " and the label. A free
     * text value of the same shape is indistinguishable in this form of the format; SDMX accepts that.
     */
    /** SDMX-CSV 2.0 marks a column that may hold several values: {@code STRUCTURE[;]}, {@code ATTR[en;fr]}. */
    private static final Pattern MULTI_VALUE = Pattern.compile("\\[[^\\]]*\\]$");

    private static final Pattern CODE_AND_LABEL = Pattern.compile("[^\\s:][^\\s]*?: .*", Pattern.DOTALL);

    private final CsvTableReader csv;
    private final List<String> columns;
    private final boolean labels;
    private final int action;

    SdmxCsvReader(CsvTableReader csv, String fileName) throws TabularException {
        this.csv = csv;
        List<String> raw = csv.columns();
        boolean withLabels = false;
        for (String h : raw) {
            if (CODE_AND_LABEL.matcher(h).matches()) {
                withLabels = true;
                break;
            }
        }
        this.labels = withLabels;
        List<String> names = new ArrayList<>(raw.size());
        for (String h : raw) {
            names.add(MULTI_VALUE.matcher(withLabels ? code(h) : h).replaceFirst(""));
        }
        this.columns = List.copyOf(names);
        int actionAt = -1;
        for (int i = 0; i < names.size() && i < 4; i++) {
            if (names.get(i).equalsIgnoreCase("ACTION")) {
                actionAt = i;
            }
        }
        this.action = actionAt;
        Location where = new Location(fileName, null, 1, 1);
        String first = columns.isEmpty() ? "" : columns.get(0).toUpperCase(Locale.ROOT);
        if (first.equals("STRUCTURE")) {
            if (columns.size() < 2 || !columns.get(1).equalsIgnoreCase("STRUCTURE_ID")) {
                throw new TabularException("tabular.sdmxcsv.noStructureId", where.withColumn(2));
            }
        } else if (!first.equals("DATAFLOW")) {
            throw new TabularException("tabular.sdmxcsv.noStructureColumn", where,
                    columns.isEmpty() ? "" : columns.get(0));
        }
    }

    private static String code(String s) {
        if (CODE_AND_LABEL.matcher(s).matches()) {
            return s.substring(0, s.indexOf(": "));
        }
        return s;
    }

    @Override
    public List<String> columns() {
        return columns;
    }

    @Override
    public Row next() throws TabularException {
        Row r = csv.next();
        if (r != null && action >= 0) {
            String a = code(r.cell(action)).trim().toUpperCase(Locale.ROOT);
            switch (a) {
                case "", "I", "A", "R", "M" -> { }
                case "D" -> throw new TabularException("tabular.sdmxcsv.deleteAction", r.location(action));
                default -> throw new TabularException("tabular.sdmxcsv.badAction", r.location(action),
                        a.length() > 10 ? a.substring(0, 10) + "…" : a);
            }
        }
        if (r == null || !labels) {
            return r;
        }
        List<String> cells = new ArrayList<>(r.cells().size());
        for (String c : r.cells()) {
            cells.add(code(c));
        }
        return new Row(r.number(), cells, r.location());
    }

    @Override
    public String sheet() {
        return null;
    }

    @Override
    public long bytesRead() {
        return csv.bytesRead();
    }

    @Override
    public void close() throws IOException {
        csv.close();
    }
}
