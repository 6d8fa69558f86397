package kz.agyn.note.check.web;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.note.check.Figure;
import kz.agyn.note.check.Finding;
import kz.agyn.note.check.NoteChecker;
import kz.agyn.note.check.Place;
import org.springframework.context.MessageSource;

/**
 * The report as the page shows it: the text line by line, each figure a finding names marked with the finding's
 * kind (the most serious when several name it), and the findings in words of the user's language.
 */
record CheckView(List<Line> lines, List<Item> findings, int figureCount, Map<String, Long> counts) {

    record Segment(String text, String kind, String anchor, String title) {
    }

    record Line(boolean table, List<Segment> segments) {
    }

    record Row(String text, String place, String sources, String anchor) {
    }

    record Item(String kind, String title, List<Row> figures, String expected) {
    }

    static CheckView of(NoteChecker.Report report, MessageSource messages, Locale locale) {
        Map<Figure, Finding.Kind> marked = new HashMap<>();
        for (Finding f : report.findings()) {
            for (Figure x : f.figures()) {
                marked.merge(x, f.kind(), (a, b) -> a.ordinal() <= b.ordinal() ? a : b);
            }
        }
        Map<Integer, List<Figure>> byLine = new HashMap<>();
        marked.keySet().forEach(x -> byLine.computeIfAbsent(x.place().line(), k -> new ArrayList<>()).add(x));
        List<Line> lines = new ArrayList<>();
        for (int i = 0; i < report.lines().size(); i++) {
            String text = report.lines().get(i).replace("**", "").replaceFirst("^#+\\s*", "");
            String original = report.lines().get(i);
            if (text.isBlank() || text.trim().equals("---")) {
                continue;
            }
            List<Figure> here = byLine.getOrDefault(i + 1, List.of()).stream()
                    .sorted(Comparator.comparingInt(Figure::start)).toList();
            List<Segment> segments = new ArrayList<>();
            if (here.isEmpty()) {
                segments.add(new Segment(text, null, null, null));
            } else {
                // Offsets are in the line as given; markup is dropped around the figures, never inside them.
                int at = 0;
                for (Figure x : here) {
                    if (x.start() < at) {
                        continue;
                    }
                    segments.add(new Segment(clean(original.substring(at, x.start())), null, null, null));
                    Finding.Kind kind = marked.get(x);
                    segments.add(new Segment(original.substring(x.start(), x.end()), kind.name(), anchor(x),
                            messages.getMessage("notecheck.kind." + kind, null, locale)));
                    at = x.end();
                }
                segments.add(new Segment(clean(original.substring(at)), null, null, null));
            }
            lines.add(new Line(original.contains("\t"), segments));
        }
        List<Item> items = new ArrayList<>();
        for (Finding f : report.findings()) {
            String title = switch (f.kind()) {
                case CONTRADICTION -> messages.getMessage("notecheck.finding.CONTRADICTION",
                        new Object[] {subject(f.figures().get(0), messages, locale)}, locale);
                case WAREHOUSE -> messages.getMessage("notecheck.finding.WAREHOUSE",
                        new Object[] {subject(f.figures().get(0), messages, locale)}, locale);
                case SHARES -> messages.getMessage("notecheck.finding.SHARES",
                        new Object[] {f.expected().get(0).value()}, locale);
                case UNSOURCED -> messages.getMessage("notecheck.finding.UNSOURCED", null, locale);
            };
            String expected = f.kind() == Finding.Kind.WAREHOUSE
                    ? String.join("; ", f.expected().stream().map(c -> number(c.value(), locale) + " (" + c.source()
                            + ")").toList())
                    : null;
            List<Row> rows = f.figures().stream().map(x -> new Row(x.text(), place(x.place(), messages, locale),
                    sources(x, report.references(), messages, locale), anchor(x))).toList();
            items.add(new Item(f.kind().name(), title, rows, expected));
        }
        Map<String, Long> counts = new java.util.LinkedHashMap<>();
        for (Finding.Kind k : Finding.Kind.values()) {
            counts.put(k.name(), report.findings().stream().filter(f -> f.kind() == k).count());
        }
        return new CheckView(lines, items, report.figures().size(), counts);
    }

    /** The warehouse's value as the reader's language writes numbers ("31 287", "31,287"). */
    private static String number(String value, Locale locale) {
        java.text.NumberFormat f = java.text.NumberFormat.getNumberInstance(locale);
        f.setMaximumFractionDigits(6);
        return f.format(new java.math.BigDecimal(value));
    }

    private static String clean(String s) {
        return s.replace("**", "").replaceFirst("^#+\\s*", "");
    }

    private static String anchor(Figure x) {
        return "fig-" + x.place().line() + "-" + x.start();
    }

    private static String subject(Figure x, MessageSource messages, Locale locale) {
        StringBuilder sb = new StringBuilder(messages.getMessage("notecheck.concept." + x.subject().concept(), null,
                locale));
        for (String q : x.subject().qualifiers()) {
            sb.append(", ").append(messages.getMessage("notecheck.qualifier." + q, null, q, locale));
        }
        if (x.subject().period() != null) {
            sb.append(", ").append(x.subject().period());
        }
        return sb.toString();
    }

    static String place(Place p, MessageSource messages, Locale locale) {
        String section = p.section() == null || p.section().isBlank() ? "" : p.section() + ", ";
        if (p.inTable()) {
            return section + messages.getMessage("notecheck.place.table",
                    new Object[] {p.table(), p.row(), p.column() == null ? "" : p.column()}, locale);
        }
        return section + messages.getMessage("notecheck.place.paragraph", new Object[] {p.paragraph()}, locale);
    }

    private static String sources(Figure x, Map<String, String> references, MessageSource messages, Locale locale) {
        if (x.sources().isEmpty()) {
            return messages.getMessage("notecheck.noSource", null, locale);
        }
        return String.join("; ", x.sources().stream().map(n -> {
            String ref = references.get(n);
            return "[" + n + "]" + (ref == null ? "" : " " + (ref.length() > 90 ? ref.substring(0, 90) + "…" : ref));
        }).toList());
    }
}
