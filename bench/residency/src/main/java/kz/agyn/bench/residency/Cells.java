package kz.agyn.bench.residency;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.YearMonth;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;

/**
 * The aggregates a bench run gives, as a tab-separated file the next run compares with: dimension, code, persons,
 * emigrated, official, uncertain, low, high. Counts must be equal; the bounds are sums of one double per person in
 * another order, so they agree to rounding (1e-9 relative, as EnginesAgreeTest allows).
 */
final class Cells {

    /** The bench's period: 12 months from January 2024 (issue 20's speed line). */
    static Period period() {
        return new Period(YearMonth.of(2024, 1), Integer.parseInt(System.getProperty("agyn.bench.months", "12")));
    }

    record Row(String dimension, String code, long persons, long emigrated, long official, long uncertain,
               double low, double high) {
        String key() {
            return dimension + "/" + code;
        }
    }

    private Cells() {
    }

    static List<Row> of(List<Cell> cells) {
        List<Row> out = new ArrayList<>();
        for (Cell c : cells) {
            out.add(new Row(c.dimension().name(), c.code(), c.persons(), c.emigrated(), c.official(), c.uncertain(),
                    c.low(), c.high()));
        }
        return out;
    }

    static void write(List<Row> rows, Path file) throws IOException {
        StringBuilder b = new StringBuilder();
        for (Row r : rows) {
            b.append(String.format(Locale.ROOT, "%s\t%s\t%d\t%d\t%d\t%d\t%s\t%s%n", r.dimension(), r.code(),
                    r.persons(), r.emigrated(), r.official(), r.uncertain(), Double.toString(r.low()),
                    Double.toString(r.high())));
        }
        Files.writeString(file, b);
    }

    static List<Row> read(Path file) throws IOException {
        List<Row> out = new ArrayList<>();
        for (String line : Files.readAllLines(file)) {
            String[] f = line.split("\t");
            out.add(new Row(f[0], f[1], Long.parseLong(f[2]), Long.parseLong(f[3]), Long.parseLong(f[4]),
                    Long.parseLong(f[5]), Double.parseDouble(f[6]), Double.parseDouble(f[7])));
        }
        return out;
    }

    /** The differences between two sets of aggregates (empty when they agree). */
    static List<String> differences(List<Row> expected, List<Row> actual) {
        Map<String, Row> a = new TreeMap<>();
        actual.forEach(r -> a.put(r.key(), r));
        Map<String, Row> e = new TreeMap<>();
        expected.forEach(r -> e.put(r.key(), r));
        List<String> out = new ArrayList<>();
        if (!a.keySet().equals(e.keySet())) {
            out.add("cells differ: expected " + e.keySet() + ", got " + a.keySet());
            return out;
        }
        for (String k : e.keySet()) {
            Row x = e.get(k);
            Row y = a.get(k);
            if (x.persons() != y.persons() || x.emigrated() != y.emigrated() || x.official() != y.official()
                    || x.uncertain() != y.uncertain() || !close(x.low(), y.low()) || !close(x.high(), y.high())) {
                out.add(k + ": expected " + x + ", got " + y);
            }
        }
        return out;
    }

    private static boolean close(double x, double y) {
        return Math.abs(x - y) <= 1e-9 * Math.max(1, Math.max(Math.abs(x), Math.abs(y)));
    }
}
