package kz.agyn.note.check;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.note.check.Subject.Concept;

/**
 * Reads the figures of a note's plain text (kk, ru or en). The text is taken line by line as a note is written:
 * a line is a paragraph, "**Кіріспе.**"-style bold openings and markdown headings name sections, "1-кесте" /
 * "Таблица 1" / "Table 1" open a table whose rows are tab-separated lines (the first one the header), and the
 * reference list ends what is read. What each figure is about is taken from its clause (the words between
 * commas, the nearest concept word, after the figure first as Kazakh puts the predicate there), its sentence
 * (year, qualifiers) and, in a table, its row's first cell and column. Decision 0045.
 */
public final class FigureExtractor {

    private FigureExtractor() {
    }

    /** The text's lines after markup is cut, its figures and its numbered references ("2" → the entry). */
    public record NoteText(List<String> lines, List<Figure> figures, Map<String, String> references) {
    }

    private static final String SEP = "[ \\u00A0\\u202F]";
    /**
     * An optional space between a number and its scale, percent sign, currency or range dash: Java's {@code \s} is
     * ASCII only, and Agyn's own writer (like Word) puts a no-break space there ("150&nbsp;млрд тенге").
     */
    private static final String SP = "[\\s\\u00A0\\u202F]?";
    /** "31 287" (space, nbsp, narrow nbsp), "31,287", "1,000", "2,5", "0.2", "2022". */
    private static final String NUM = "(?:\\d{1,3}(?:" + SEP + "\\d{3})+(?![.,]?\\d)|\\d{1,3}(?:,\\d{3})+(?![.,]?\\d)"
            + "|\\d+(?:[.,]\\d+)?)";
    private static final String SCALE = "(?:млн|миллион\\p{L}*|million\\p{L}*|mln|mn|млрд|миллиард\\p{L}*|billion\\p{L}*"
            + "|bn|трлн|триллион\\p{L}*|trillion\\p{L}*|tn|мың|тыс\\.|тысяч\\p{L}*|thousand\\p{L}*)";
    private static final String CURRENCY = "(?:теңге\\p{L}*|тенге|tenge|тг\\.|₸|KZT|"
            + "(?:АҚШ[\\s\\u00A0\\u202F]+|US[\\s\\u00A0\\u202F]+)?доллар\\p{L}*|"
            + "dollar\\p{L}*|USD|\\$|евро|euro\\p{L}*|EUR|€)";
    private static final String PERCENT = "(?:%|" + SP + "(?:процент\\p{L}*|пайыз\\p{L}*|per\\s?cent|percent))";
    private static final Pattern FIGURE = Pattern.compile(
            "(?<![\\p{L}\\d.,\\-])(?<pre>[$€₸]" + SP + ")?(?<a>" + NUM + ")(?<pa>" + PERCENT + ")?"
                    + "(?:" + SP + "[-–—]" + SP + "(?<pre2>[$€₸]" + SP + ")?(?<b>" + NUM + "))?(?<plus>\\+)?"
                    + "(?:" + SP + "(?<scale>" + SCALE + ")(?![\\p{L}]))?(?<pct>" + PERCENT + ")?"
                    + "(?:" + SP + "(?<cur>" + CURRENCY + ")(?![\\p{L}&&[^\\p{IsCyrillic}]]))?",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    /** Numbers that are not figures: citations, list numbers, table and chart numbers, dates. Blanked before reading. */
    private static final Pattern NOT_FIGURES = Pattern.compile(
            "\\[\\d+(?:\\s*[,;–-]\\s*\\d+)*\\]|^\\s*\\d+[.)]\\s|\\d+\\s?-\\s?(?:кесте|сурет)\\p{L}*"
                    + "|(?:таблиц\\p{L}*|табл\\.|tables?|рисун\\p{L}*|рис\\.|figures?|fig\\.)\\s+\\d+"
                    + "(?:\\s*(?:,|–|-|и|and)\\s*\\d++(?!\\s?%))*"
                    + "|\\b\\d{1,2}\\.\\d{1,2}\\.\\d{2,4}\\b",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    /**
     * What joins the two ends of a range written with words, the currency after the second only: "с 5 млрд до 10 млрд
     * тенге", "from 5 to 10 million tenge", "5 млрд-тан 10 млрд теңгеге дейін". Both ends must have a scale word or
     * neither, so that "в 2023 году до 150 млрд тенге" does not make the year an amount of money.
     */
    private static final Pattern RANGE_TO = Pattern.compile(
            "[\\s\\u00A0\\u202F]*(?:-?(?:тан|тен|дан|ден|нан|нен)|до|to)[\\s\\u00A0\\u202F]+",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern CITATION = Pattern.compile("\\[(\\d+(?:\\s*[,;–-]\\s*\\d+)*)\\]");
    private static final Pattern TABLE_CAPTION = Pattern.compile(
            "^(?:(\\d+)\\s?-\\s?кесте(?!\\p{L})|таблица\\s+(\\d+)|table\\s+(\\d+))(?!.*(?:жалғасы|продолжение|continued))",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern TABLE_CONTINUED = Pattern.compile(
            "(\\d+)\\s?-\\s?кестенің\\s+жалғасы|продолжение\\s+таблицы\\s+(\\d+)|table\\s+(\\d+)\\s*\\(?continued",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern SECTION = Pattern.compile("^\\*\\*([^*]{2,60}?)[.:]?\\*\\*");
    private static final Pattern REFERENCES = Pattern.compile(
            "пайдаланылған\\s+әдебиеттер|әдебиеттер\\s+тізімі|список\\s+(?:использованн\\p{L}*\\s+)?литератур|"
                    + "список\\s+источников|^\\W*references\\W*$|^\\W*bibliography",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern RANK_COLUMN = Pattern.compile("^(?:рейтинг|ранг|rank|№|#|орын|место|place|n)$",
            Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE);
    private static final Pattern WORD = Pattern.compile("[\\p{L}][\\p{L}\\-]*");
    private static final Pattern REFERENCE_ENTRY = Pattern.compile("^(\\d+)[.)]\\s+(.*)");
    private static final Pattern CASE_ENDING = Pattern.compile("^-\\p{L}+");
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?])\\s+(?=[«\"(\\p{Lu}\\d])");

    /** Reads the text's figures. */
    public static NoteText read(String raw) {
        String[] rawLines = raw.replace("\r\n", "\n").replace('\r', '\n').split("\n", -1);
        List<String> lines = new ArrayList<>();
        for (String l : rawLines) {
            lines.add(l.replace("<b>", "").replace("</b>", "").replace("<i>", "").replace("</i>", ""));
        }
        List<Figure> figures = new ArrayList<>();
        Map<String, String> references = new TreeMap<>();
        String section = "";
        int paragraph = 0;
        Table table = null;
        int tablesSeen = 0;
        boolean inReferences = false;
        for (int i = 0; i < lines.size(); i++) {
            String line = lines.get(i);
            String plain = line.replaceAll("^#+\\s*", "").replace("**", "").trim();
            if (plain.isEmpty() || plain.equals("---")) {
                continue;
            }
            if (REFERENCES.matcher(plain).find() && plain.length() < 80) {
                inReferences = true;
                table = null;
                continue;
            }
            if (inReferences) {
                Matcher ref = REFERENCE_ENTRY.matcher(plain);
                if (ref.find()) {
                    references.put(ref.group(1), ref.group(2).replace("*", ""));
                }
                continue;
            }
            Matcher continued = TABLE_CONTINUED.matcher(plain);
            if (continued.find() && table != null) {
                continue;
            }
            Matcher caption = TABLE_CAPTION.matcher(plain);
            if (caption.find()) {
                tablesSeen++;
                table = new Table(tablesSeen, new StringBuilder());
                table.projections = Subjects.isProjection(plain);
                continue;
            }
            if (line.contains("\t")) {
                if (table == null) {
                    tablesSeen++;
                    table = new Table(tablesSeen, new StringBuilder());
                }
                String[] cells = line.split("\t", -1);
                String first = cells[0].trim();
                if (first.startsWith("[") || CITATION.matcher(first).lookingAt()) {
                    // "[2,3] – compiled by the author from": the source line of the table.
                    Matcher c = CITATION.matcher(first);
                    if (c.find()) {
                        table.sources.addAll(citations(c.group(1)));
                    }
                    continue;
                }
                if (table.header == null) {
                    table.header = cells;
                    continue;
                }
                table.row++;
                paragraph++;
                int offset = 0;
                for (int c = 0; c < cells.length; c++) {
                    String cell = cells[c];
                    String column = c < table.header.length ? table.header[c].trim() : "";
                    if (!RANK_COLUMN.matcher(column).matches()) {
                        Place place = new Place(section, paragraph, i + 1, table.number, table.row, column);
                        String context = c == 0 ? cell : cells[0] + ". " + column;
                        // A long cell is a text of its own; a short one is about its row and column.
                        List<Figure> found = figuresOf(cell, offset, place, cell.length() > 40 ? "" : context,
                                table.title.toString());
                        for (Figure f : found) {
                            figures.add(table.projections && f.role() == Figure.Role.FACT ? new Figure(f.kind(),
                                    f.value(), f.high(), f.approx(), f.currency(), f.text(), f.start(), f.end(),
                                    f.place(), f.subject(), Figure.Role.PROJECTION, f.sources()) : f);
                        }
                    }
                    offset += cell.length() + 1;
                }
                continue;
            }
            if (table != null && table.header == null) {
                table.title.append(plain).append(' ');
                continue;
            }
            if (table != null) {
                // A Word table's source line is the paragraph right under it ("[2, 3] – compiled by …",
                // "Составлено автором по [2, 3]."), not a row: a short line with a citation and no other number
                // still cites the table's figures.
                boolean sourceLine = plain.length() < 120 && CITATION.matcher(plain).find()
                        && !CITATION.matcher(plain).replaceAll("").matches(".*\\d.*");
                if (sourceLine) {
                    Matcher c = CITATION.matcher(plain);
                    if (c.find()) {
                        table.sources.addAll(citations(c.group(1)));
                    }
                }
                closeTable(table, figures);
                table = null;
                if (sourceLine) {
                    continue;
                }
            }
            Matcher s = SECTION.matcher(line.trim());
            if (s.find()) {
                section = s.group(1).trim();
            } else if (line.startsWith("#")) {
                section = plain;
                continue;
            }
            paragraph++;
            figures.addAll(figuresOf(line, 0, new Place(section, paragraph, i + 1, 0, 0, null), "", ""));
        }
        if (table != null) {
            closeTable(table, figures);
        }
        return new NoteText(List.copyOf(lines), List.copyOf(figures), references);
    }

    /** A table's cells without a citation of their own take the table's source line. */
    private static void closeTable(Table table, List<Figure> figures) {
        if (table.sources.isEmpty()) {
            return;
        }
        for (int k = 0; k < figures.size(); k++) {
            Figure f = figures.get(k);
            if (f.place().table() == table.number && f.sources().isEmpty()) {
                figures.set(k, new Figure(f.kind(), f.value(), f.high(), f.approx(), f.currency(), f.text(),
                        f.start(), f.end(), f.place(), f.subject(), f.role(), List.copyOf(table.sources)));
            }
        }
    }

    private static final class Table {
        final int number;
        final StringBuilder title;
        String[] header;
        int row;
        /** Its caption's words ("Table 1. Scenarios against the baseline"): a table of projections or not. */
        boolean projections;
        final Set<String> sources = new LinkedHashSet<>();

        Table(int number, StringBuilder title) {
            this.number = number;
            this.title = title;
        }
    }

    /** The figures of one paragraph or cell; {@code offset} is where it starts in its line. */
    static List<Figure> figuresOf(String text, int offset, Place place, String cellContext, String tableTitle) {
        String masked = mask(text);
        // First pass: where each figure is, its currency and whether it has a scale word, so that the first end of
        // "с 5 млрд до 10 млрд тенге" can take the currency written once after the second.
        List<int[]> spans = new ArrayList<>();
        List<String> currencies = new ArrayList<>();
        List<Boolean> plain = new ArrayList<>();
        List<Boolean> scaled = new ArrayList<>();
        Matcher first = FIGURE.matcher(masked);
        while (first.find()) {
            spans.add(new int[] {first.start(), first.end()});
            currencies.add(currency(first.group("cur"), first.group("pre")));
            plain.add(first.group("pa") == null && first.group("pct") == null && first.group("b") == null);
            scaled.add(first.group("scale") != null);
        }
        List<Figure> out = new ArrayList<>();
        Matcher m = FIGURE.matcher(masked);
        int i = 0;
        while (m.find()) {
            String inherited = null;
            if (currencies.get(i) == null && plain.get(i) && i + 1 < spans.size() && currencies.get(i + 1) != null
                    && scaled.get(i).equals(scaled.get(i + 1))
                    && RANGE_TO.matcher(masked.substring(spans.get(i)[1], spans.get(i + 1)[0])).matches()) {
                inherited = currencies.get(i + 1);
            }
            Figure f = figure(m, text, offset, place, cellContext, tableTitle, inherited);
            if (f != null) {
                out.add(f);
            }
            i++;
        }
        return out;
    }

    private static String mask(String text) {
        StringBuilder sb = new StringBuilder(text);
        Matcher m = NOT_FIGURES.matcher(text);
        while (m.find()) {
            for (int k = m.start(); k < m.end(); k++) {
                if (Character.isDigit(sb.charAt(k))) {
                    sb.setCharAt(k, 'x');
                }
            }
        }
        return sb.toString();
    }

    /** {@code inherited}: the currency of the range's other end when this one has none of its own, else null. */
    private static Figure figure(Matcher m, String text, int offset, Place place, String cellContext,
                                 String tableTitle, String inherited) {
        BigDecimal a = number(m.group("a"));
        BigDecimal b = m.group("b") == null ? null : number(m.group("b"));
        String scale = m.group("scale");
        boolean percent = m.group("pa") != null || m.group("pct") != null;
        String currency = currency(m.group("cur"), m.group("pre"));
        if (currency == null && !percent) {
            currency = inherited;
        }
        FigureKind kind;
        if (percent) {
            kind = FigureKind.PERCENT;
        } else if (currency != null) {
            kind = FigureKind.MONEY;
        } else if (scale == null && b == null && m.group("a").matches("(19|20)\\d\\d")
                && m.group("plus") == null) {
            kind = FigureKind.YEAR;
        } else if (scale == null && b != null && m.group("a").matches("(19|20)\\d\\d")
                && m.group("b").matches("(19|20)\\d\\d")) {
            kind = FigureKind.YEAR; // "2021–2023": a span of years
        } else {
            kind = FigureKind.COUNT;
        }
        if (scale != null) {
            BigDecimal factor = scale(scale);
            a = a.multiply(factor);
            b = b == null ? null : b.multiply(factor);
        }
        if (percent && currency != null) {
            currency = null;
        }
        int start = m.start();
        int end = m.end();
        // The trailing space a lazy unit match may leave is not part of the figure.
        while (end > start && Character.isWhitespace(text.charAt(end - 1))) {
            end--;
        }
        String before = text.substring(Math.max(0, start - 25), start).toLowerCase(Locale.ROOT);
        String after = text.substring(end, Math.min(text.length(), end + 12)).toLowerCase(Locale.ROOT);
        boolean approx = m.group("plus") != null
                || before.matches("(?s).*(шамамен|около|примерно|приблизительно|about|approximately|around|"
                + "~|≈|до|up to|over|more than|более|свыше|астам)\\s*$")
                || after.matches("(?s)^(-ға|-ге|-қа|-ке|-ка|-га)?\\s*дейін.*");
        Sentence sentence = Sentence.around(text, start, end);
        // A Kazakh case ending on the figure ("10%-ы", "1 400-і") belongs to it, not to the words after it.
        Matcher suffix = CASE_ENDING.matcher(text.substring(end));
        int withSuffix = suffix.find() ? end + suffix.end() : end;
        Subject subject = Subjects.of(kind, currency, text, sentence, start - sentence.start(),
                withSuffix - sentence.start(), cellContext, tableTitle);
        Figure.Role role = Subjects.isTarget(text, sentence, start) ? Figure.Role.TARGET : Figure.Role.FACT;
        List<String> sources = new ArrayList<>();
        Matcher c = CITATION.matcher(sentence.text());
        while (c.find()) {
            sources.addAll(citations(c.group(1)));
        }
        if (sources.isEmpty() && !place.inTable()) {
            // A citation at the end of the paragraph covers its sentences.
            Matcher p = CITATION.matcher(text);
            while (p.find()) {
                sources.addAll(citations(p.group(1)));
            }
        }
        return new Figure(kind, a, b, approx, currency, text.substring(start, end), offset + start, offset + end,
                place, subject, role, List.copyOf(new LinkedHashSet<>(sources)));
    }

    static List<String> citations(String inside) {
        List<String> out = new ArrayList<>();
        for (String part : inside.split("\\s*[,;]\\s*")) {
            String[] range = part.split("\\s*[–-]\\s*");
            if (range.length == 2) {
                for (int k = Integer.parseInt(range[0]); k <= Integer.parseInt(range[1]); k++) {
                    out.add(Integer.toString(k));
                }
            } else {
                out.add(part.trim());
            }
        }
        return out;
    }

    /** "31 287", "31,287", "2,5", "0.2": groups of three after a space or comma are thousands, else decimals. */
    static BigDecimal number(String s) {
        String t = s.replaceAll(SEP, "");
        if (t.matches("\\d{1,3}(,\\d{3})+")) {
            t = t.replace(",", "");
        }
        return new BigDecimal(t.replace(',', '.'));
    }

    private static BigDecimal scale(String word) {
        String w = word.toLowerCase(Locale.ROOT);
        if (w.startsWith("трлн") || w.startsWith("триллион") || w.startsWith("trillion") || w.equals("tn")) {
            return BigDecimal.TEN.pow(12);
        }
        if (w.startsWith("млрд") || w.startsWith("миллиард") || w.startsWith("billion") || w.equals("bn")) {
            return BigDecimal.TEN.pow(9);
        }
        if (w.startsWith("млн") || w.startsWith("миллион") || w.startsWith("million") || w.equals("mln")
                || w.equals("mn")) {
            return BigDecimal.TEN.pow(6);
        }
        return BigDecimal.TEN.pow(3);
    }

    private static String currency(String word, String prefix) {
        String w = (word != null ? word : prefix == null ? "" : prefix.trim()).toLowerCase(Locale.ROOT);
        if (w.isEmpty()) {
            return null;
        }
        if (w.startsWith("тең") || w.startsWith("тен") || w.startsWith("tenge") || w.startsWith("тг") || w.equals("₸") || w.equals("kzt")) {
            return "KZT";
        }
        if (w.startsWith("евро") || w.startsWith("euro") || w.equals("eur") || w.equals("€")) {
            return "EUR";
        }
        return "USD";
    }

    /** Words of a piece of text, lower case, with their positions. */
    static List<int[]> words(String text) {
        List<int[]> out = new ArrayList<>();
        Matcher w = WORD.matcher(text);
        while (w.find()) {
            out.add(new int[] {w.start(), w.end()});
        }
        return out;
    }

    /** A sentence of a paragraph: where it starts in the paragraph and its text. */
    record Sentence(int start, String text) {

        static Sentence around(String paragraph, int from, int to) {
            int s = 0;
            Matcher end = SENTENCE_END.matcher(paragraph);
            while (end.find()) {
                if (end.end() <= from) {
                    s = end.end();
                } else if (end.start() >= to) {
                    return new Sentence(s, paragraph.substring(s, end.start()));
                }
            }
            return new Sentence(s, paragraph.substring(s));
        }
    }

    /** For {@link Subjects}: the concept words nearest a figure. */
    static Concept nearest(Map<Concept, Pattern> concepts, Set<Concept> excluded, String clause, int figStart,
                           int figEnd) {
        Concept best = Concept.NONE;
        double bestDistance = Double.MAX_VALUE;
        List<int[]> words = words(clause);
        for (Map.Entry<Concept, Pattern> e : concepts.entrySet()) {
            if (excluded.contains(e.getKey())) {
                continue;
            }
            Matcher m = e.getValue().matcher(clause);
            while (m.find()) {
                double d;
                if (m.start() >= figEnd) {
                    d = countWords(words, figEnd, m.start());
                } else if (m.end() <= figStart) {
                    d = countWords(words, m.end(), figStart) + 0.5;
                } else {
                    continue;
                }
                if (d < bestDistance) {
                    bestDistance = d;
                    best = e.getKey();
                }
            }
        }
        return best;
    }

    private static int countWords(List<int[]> words, int from, int to) {
        int n = 1;
        for (int[] w : words) {
            if (w[0] >= from && w[1] <= to) {
                n++;
            }
        }
        return n;
    }
}
