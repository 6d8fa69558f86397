package kz.agyn.tabular;

import java.io.IOException;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * SDMX-CSV 2.1 (first column DATAFLOW) and 3.0 (STRUCTURE, STRUCTURE_ID, optional ACTION). Everything in the
 * file is kept; only the "labels=both" form is reduced to its codes, because the codes are what get mapped.
 */
final class SdmxCsvReader implements TableReader {

    /**
     * "KZ: Kazakhstan", "ECB:EXR(1.0): Exchange rates" — a code without spaces, then ": " and the label. A free
     * text value of the same shape is indistinguishable in this form of the format; SDMX accepts that.
     */
    private static final Pattern CODE_AND_LABEL = Pattern.compile("[^\\s:][^\\s]*?: .*", Pattern.DOTALL);

    private final CsvTableReader csv;
    private final List<String> columns;
    private final boolean labels;

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
            names.add(withLabels ? code(h) : h);
        }
        this.columns = List.copyOf(names);
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
