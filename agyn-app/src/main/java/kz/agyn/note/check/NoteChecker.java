package kz.agyn.note.check;

import java.math.BigDecimal;
import java.math.MathContext;
import java.math.RoundingMode;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeMap;

import kz.agyn.note.check.FigureExtractor.NoteText;
import kz.agyn.note.check.Subject.Concept;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.stereotype.Service;

/**
 * The consistency check: reads a text's figures and finds (a) figures the warehouse disagrees with, (b) figures
 * of the text that contradict each other, (c) shares of one whole that do not sum to 100% and (d) stated figures
 * without a source. Two values agree when each rounds to the other at the precision it is written in ("31 000"
 * agrees with 31 287, "1 200" does not); "about" and "up to" widen that to 10%. Decision 0045.
 */
@Service
public class NoteChecker {

    /** The result: the text (as its lines), its figures and what was found. */
    public record Report(List<String> lines, List<Figure> figures, List<Finding> findings,
                         Map<String, String> references) {
    }

    /** A subject the warehouse holds, by the subject's key: indicator and the dimension codes. */
    private record Link(String indicator, Map<Dimension, String> filters) {
    }

    private static final BigDecimal HUNDRED = BigDecimal.valueOf(100);
    private static final Map<String, Link> LINKS = Map.of(
            "EMIGRANTS|COUNT|KZ|[]", new Link("EMIGRANTS", totals(Map.of())),
            "PAY|MONEY_KZT|KZ|[TEACHERS]", new Link("WAGE_AVG", totals(Map.of(Dimension.OCCUPATION, "23"))),
            "RESEARCH|PERCENT_GDP|KZ|[]", new Link("GERD_GDP", totals(Map.of(Dimension.COUNTRY, "KZ"))));

    private final Warehouse warehouse;

    public NoteChecker(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    public Report check(String text) {
        NoteText note = FigureExtractor.read(text);
        List<Finding> findings = new ArrayList<>();
        findings.addAll(warehouse(note.figures()));
        findings.addAll(contradictions(note.figures()));
        findings.addAll(shares(note.figures(), note.lines()));
        findings.addAll(unsourced(note.figures()));
        return new Report(note.lines(), note.figures(), List.copyOf(findings), note.references());
    }

    // (a) ------------------------------------------------------------------------------------------------------

    private List<Finding> warehouse(List<Figure> figures) {
        List<Finding> out = new ArrayList<>();
        for (Figure f : figures) {
            Subject s = f.subject();
            Link link = s.key() == null ? null : LINKS.get(s.key());
            if (link == null || s.period() == null || f.role() != Figure.Role.FACT) {
                continue;
            }
            List<Observation> obs = warehouse.observations(new ObservationQuery(link.indicator(),
                    link.filters(), s.period(), s.period(), null, null, 0, 50)).stream()
                    .filter(o -> o.period().equals(s.period())).toList();
            if (obs.isEmpty()) {
                continue;
            }
            boolean agrees = obs.stream().anyMatch(o -> agree(f, o.scaledValue(), false));
            if (!agrees) {
                List<Finding.Competing> expected = obs.stream()
                        .map(o -> new Finding.Competing(o.scaledValue().stripTrailingZeros().toPlainString(),
                                link.indicator() + " " + o.period() + " · " + o.dataset() + " v" + o.version()))
                        .distinct().toList();
                out.add(new Finding(Finding.Kind.WAREHOUSE, List.of(f), expected, s.key() + "|" + s.period()));
            }
        }
        return out;
    }

    private static Map<Dimension, String> totals(Map<Dimension, String> except) {
        Map<Dimension, String> m = new EnumMap<>(Dimension.class);
        for (Dimension d : List.of(Dimension.REGION, Dimension.OCCUPATION, Dimension.EDUCATION, Dimension.COUNTRY,
                Dimension.SEX, Dimension.AGE)) {
            m.put(d, d.defaultCode());
        }
        m.putAll(except);
        return m;
    }

    // (b) ------------------------------------------------------------------------------------------------------

    /** A figure as compared: a share of those who returned stands for its complement of those who did not. */
    private record Compared(Figure figure, String key, BigDecimal value, BigDecimal high) {
    }

    private List<Finding> contradictions(List<Figure> figures) {
        List<Compared> compared = new ArrayList<>();
        for (Figure f : figures) {
            Subject s = f.subject();
            // Counts of scholars have too many bases (all holders, a year's graduates, one cohort's students) for
            // a word list to tell apart: compared, they raise more false alarms than they catch.
            if (f.role() != Figure.Role.FACT || s.key() == null || f.kind() == FigureKind.YEAR
                    || s.concept() == Concept.SCHOLARS) {
                continue;
            }
            if (s.concept() == Concept.RETURNED && f.kind() == FigureKind.PERCENT) {
                Subject not = new Subject(Concept.NOT_RETURNED, s.measure(), s.country(), s.qualifiers(), s.period(),
                        s.words());
                compared.add(new Compared(f, not.key(), HUNDRED.subtract(f.high() != null ? f.high() : f.value()),
                        f.high() == null ? null : HUNDRED.subtract(f.value())));
            } else {
                compared.add(new Compared(f, s.key(), f.value(), f.high()));
            }
        }
        int n = compared.size();
        int[] parent = new int[n];
        for (int i = 0; i < n; i++) {
            parent[i] = i;
        }
        boolean[] clash = new boolean[n];
        for (int i = 0; i < n; i++) {
            for (int j = i + 1; j < n; j++) {
                Compared a = compared.get(i);
                Compared b = compared.get(j);
                if (a.key().equals(b.key()) && a.figure().subject().periodCompatible(b.figure().subject())
                        && !agree(a, b)) {
                    parent[find(parent, i)] = find(parent, j);
                    clash[i] = true;
                    clash[j] = true;
                }
            }
        }
        Map<Integer, List<Figure>> groups = new TreeMap<>();
        for (int i = 0; i < n; i++) {
            if (clash[i]) {
                groups.computeIfAbsent(find(parent, i), k -> new ArrayList<>()).add(compared.get(i).figure());
            }
        }
        // Figures that agree with a side of the clash are part of the picture the reader needs.
        List<Finding> out = new ArrayList<>();
        for (List<Figure> group : groups.values()) {
            String key = compared.stream().filter(c -> c.figure() == group.get(0)).findFirst().orElseThrow().key();
            List<Figure> all = new ArrayList<>(group);
            for (Compared c : compared) {
                if (c.key().equals(key) && !all.contains(c.figure())
                        && group.stream().anyMatch(g -> g.subject().periodCompatible(c.figure().subject()))) {
                    all.add(c.figure());
                }
            }
            all.sort((x, y) -> Integer.compare(x.place().line(), y.place().line()) != 0
                    ? Integer.compare(x.place().line(), y.place().line()) : Integer.compare(x.start(), y.start()));
            out.add(new Finding(Finding.Kind.CONTRADICTION, List.copyOf(all), List.of(), key));
        }
        return out;
    }

    private static int find(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    private static boolean agree(Compared a, Compared b) {
        BigDecimal aLow = a.value();
        BigDecimal aHigh = a.high() == null ? a.value() : a.high();
        BigDecimal bLow = b.value();
        BigDecimal bHigh = b.high() == null ? b.value() : b.high();
        if (a.high() != null || b.high() != null) {
            return aLow.compareTo(bHigh) <= 0 && bLow.compareTo(aHigh) <= 0;
        }
        boolean approx = a.figure().approx() || b.figure().approx();
        return close(aLow, bLow, approx, a.figure().kind() == FigureKind.PERCENT);
    }

    /** A figure against an outside value (the warehouse's, exact). */
    private static boolean agree(Figure f, BigDecimal v, boolean approx) {
        if (f.high() != null) {
            return f.value().compareTo(v) <= 0 && v.compareTo(f.high()) <= 0;
        }
        return close(f.value(), v, approx || f.approx(), f.kind() == FigureKind.PERCENT);
    }

    /**
     * Equal at the precision of the less precise of the two ("31 000" and 31 287), or within 10% when "about". A
     * percentage is as precise as its decimals: "10%" is not "about 10 give or take 5".
     */
    static boolean close(BigDecimal a, BigDecimal b, boolean approx, boolean percent) {
        BigDecimal ua = percent ? decimals(a) : unit(a);
        BigDecimal ub = percent ? decimals(b) : unit(b);
        BigDecimal tolerance = ua.max(ub).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64);
        if (approx) {
            tolerance = tolerance.max(a.abs().max(b.abs()).divide(BigDecimal.TEN, MathContext.DECIMAL64));
        }
        return a.subtract(b).abs().compareTo(tolerance) <= 0;
    }

    /** The place of the last significant digit: 1 for 31 287, 100 for 1 200, 0.1 for 2.5, 1e9 for 150 bn. */
    private static BigDecimal unit(BigDecimal v) {
        BigDecimal s = v.stripTrailingZeros();
        if (s.signum() == 0) {
            return BigDecimal.ONE;
        }
        return BigDecimal.ONE.scaleByPowerOfTen(-s.scale());
    }

    /** The place of the last decimal written: 1 for 45, 0.1 for 4.3. */
    private static BigDecimal decimals(BigDecimal v) {
        int scale = Math.max(0, v.stripTrailingZeros().scale());
        return BigDecimal.ONE.scaleByPowerOfTen(-scale);
    }

    // (c) ------------------------------------------------------------------------------------------------------

    private List<Finding> shares(List<Figure> figures, List<String> lines) {
        List<Finding> out = new ArrayList<>();
        // A table's column of cells that are each one percentage.
        Map<String, List<Figure>> columns = new LinkedHashMap<>();
        for (Figure f : figures) {
            Place p = f.place();
            if (p.inTable() && f.kind() == FigureKind.PERCENT && f.high() == null && wholeCell(f, lines)) {
                columns.computeIfAbsent(p.table() + "|" + p.column(), k -> new ArrayList<>()).add(f);
            }
        }
        for (List<Figure> column : columns.values()) {
            String header = Objects.requireNonNullElse(column.get(0).place().column(), "");
            boolean shareColumn = header.matches("(?iu).*(үлес|доля|share|%).*");
            check(column, shareColumn, out);
        }
        // An enumeration: three or more percentages in one sentence of a paragraph.
        Map<String, List<Figure>> sentences = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (!f.place().inTable() && f.kind() == FigureKind.PERCENT && f.high() == null
                    && f.role() == Figure.Role.FACT) {
                String line = lines.get(f.place().line() - 1);
                FigureExtractor.Sentence s = FigureExtractor.Sentence.around(line, f.start(), f.end());
                sentences.computeIfAbsent(f.place().line() + "|" + s.start(), k -> new ArrayList<>()).add(f);
            }
        }
        for (List<Figure> enumeration : sentences.values()) {
            if (enumeration.size() >= 3 && enumeration.stream().noneMatch(f -> f.subject().country() == null)) {
                check(enumeration, false, out);
            }
        }
        return out;
    }

    /**
     * Shares declared as such (a "Share, %" column) must sum to 100%; percentages merely listed together may be
     * parts of different wholes, so only a sum above 100% is sure to be wrong. Each share may be rounded by half
     * a unit of its last digit, so the tolerance grows with their number.
     */
    private static void check(List<Figure> parts, boolean declared, List<Finding> out) {
        if (parts.size() < 2) {
            return;
        }
        BigDecimal sum = BigDecimal.ZERO;
        BigDecimal tolerance = BigDecimal.ZERO;
        for (Figure f : parts) {
            sum = sum.add(f.value());
            tolerance = tolerance.add(decimals(f.value()).divide(BigDecimal.valueOf(2), MathContext.DECIMAL64));
        }
        BigDecimal off = sum.subtract(HUNDRED);
        boolean wrong = declared ? off.abs().compareTo(tolerance) > 0 : off.compareTo(tolerance) > 0;
        if (wrong) {
            out.add(new Finding(Finding.Kind.SHARES, List.copyOf(parts),
                    List.of(new Finding.Competing(sum.setScale(Math.max(0, sum.stripTrailingZeros().scale()),
                            RoundingMode.HALF_UP).toPlainString(), "100")), declared ? "declared" : "listed"));
        }
    }

    private static boolean wholeCell(Figure f, List<String> lines) {
        String[] cells = lines.get(f.place().line() - 1).split("\t", -1);
        return Set.of(cells).stream().anyMatch(c -> c.trim().equals(f.text().trim()));
    }

    // (d) ------------------------------------------------------------------------------------------------------

    private List<Finding> unsourced(List<Figure> figures) {
        Map<String, List<Figure>> bySentence = new LinkedHashMap<>();
        for (Figure f : figures) {
            if (f.kind() != FigureKind.YEAR && f.role() != Figure.Role.TARGET && f.sources().isEmpty()) {
                bySentence.computeIfAbsent(f.place().line() + "|" + f.place().table() + "|" + f.place().row(),
                        k -> new ArrayList<>()).add(f);
            }
        }
        return bySentence.values().stream()
                .map(fs -> new Finding(Finding.Kind.UNSOURCED, List.copyOf(fs), List.of(), null)).toList();
    }
}
