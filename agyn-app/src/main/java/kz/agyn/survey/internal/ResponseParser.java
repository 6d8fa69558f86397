package kz.agyn.survey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.Charset;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.survey.Question;
import kz.agyn.survey.QuestionType;
import kz.agyn.survey.Response;
import kz.agyn.survey.ResponseMapping;
import kz.agyn.survey.SurveyOption;
import kz.agyn.tabular.CsvOptions;
import kz.agyn.tabular.Format;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.Row;
import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TableReaders;
import kz.agyn.tabular.TabularException;
import kz.agyn.tabular.XlsxOptions;

/**
 * Reads a response file (CSV or XLSX) into {@link Response}s, checking every cell against the questionnaire:
 * options must exist, required questions be answered, numbers be numbers, texts fit, respondent ids be present
 * and unique in the file and in the survey, and the text be readable in its character set. It writes nothing.
 *
 * <p>Layouts of common tools are understood: one column per question holding option codes or option texts in
 * any of the three languages (Google Forms writes the texts); several options in one cell separated by
 * {@code ;}, {@code ,} or {@code |} (Google Forms) or by spaces (KoboToolbox); KoboToolbox's 0/1 columns
 * {@code question/option}; and LimeSurvey's ranking columns {@code question[1]}, {@code question[2]}, ...
 */
public final class ResponseParser {

    /** The outcome: the header, the responses (only meaningful without problems) and the problems. */
    public record Parsed(Format format, List<String> columns, List<Response> responses, long rows,
                         List<Problem> problems, int problemCount) {
    }

    private static final List<String> ID_HEADERS = List.of("respondent_id", "response_id", "id", "_uuid", "_id",
            "response id");
    private static final Pattern RANK_COLUMN = Pattern.compile("(.+?)\\s*[\\[_](\\d{1,2})]?");

    private final List<Question> questions;
    private final Function<Set<String>, Set<String>> existingIds;
    private final ProblemCollector problems = new ProblemCollector();
    private List<String> requiredDesign = List.of();
    private boolean requiredReplicates;

    /**
     * @param existingIds given the ids in the file, those the survey already holds
     */
    public ResponseParser(List<Question> questions, Function<Set<String>, Set<String>> existingIds) {
        this.questions = List.copyOf(questions);
        this.existingIds = existingIds;
    }

    /**
     * The design columns the survey declares (of {@link #DESIGN_COLUMNS}): each must be in the file and filled in
     * every row, and the population sizes must fit the sample; otherwise the import is refused with the place.
     */
    public ResponseParser requireDesign(List<String> columns) {
        requiredDesign = List.copyOf(columns);
        return this;
    }

    /**
     * The survey declares replicate weights: the file must have the columns {@code repw_1…repw_R} (R ≥ 2, none
     * missing in between), each filled in every row with a non-negative number. Without the declaration such columns
     * are read and checked all the same when present, so that the design can be declared after the import.
     */
    public ResponseParser requireReplicates(boolean required) {
        requiredReplicates = required;
        return this;
    }

    private static final Pattern REPLICATE_COLUMN = Pattern.compile(
            Pattern.quote(kz.agyn.survey.ReplicateDeclaration.COLUMN_PREFIX) + "(\\d{1,4})");

    /** The replicate weight columns in order of their number, or problems where they are missing or too few. */
    private int[] replicateColumns(List<String> header, Location fileLocation) {
        java.util.TreeMap<Integer, Integer> found = new java.util.TreeMap<>();
        for (int i = 0; i < header.size(); i++) {
            Matcher x = REPLICATE_COLUMN.matcher(norm(header.get(i)));
            if (x.matches()) {
                found.putIfAbsent(Integer.parseInt(x.group(1)), i);
            }
        }
        String prefix = kz.agyn.survey.ReplicateDeclaration.COLUMN_PREFIX;
        if (found.isEmpty()) {
            if (requiredReplicates) {
                problem(fileLocation, prefix + 1, "survey.import.missingReplicateColumn", prefix + 1);
            }
            return new int[0];
        }
        int count = found.lastKey();
        int[] columns = new int[count];
        for (int r = 1; r <= count; r++) {
            Integer c = found.get(r);
            if (c == null) {
                problem(fileLocation, prefix + r, "survey.import.missingReplicateColumn", prefix + r);
            } else {
                columns[r - 1] = c;
            }
        }
        if (count < 2) {
            problem(fileLocation, prefix + 1, "survey.import.oneReplicate", prefix + 1);
        }
        return columns;
    }

    private List<Double> replicates(Row row, List<String> header, int[] columns) {
        List<Double> out = new ArrayList<>(columns.length);
        for (int c : columns) {
            String v = row.cell(c).trim();
            if (v.isEmpty()) {
                problem(row.location(c), header(header, c), "survey.import.missingReplicateWeight", header(header, c));
                continue;
            }
            Optional<Double> w = number(v);
            if (w.isEmpty() || !(w.get() >= 0)) {
                problem(row.location(c), header(header, c), "survey.import.badReplicateWeight", v, header(header, c));
            } else {
                out.add(w.get());
            }
        }
        return out;
    }

    /**
     * Reads the file at {@code file}; {@code fileName} is the name the user knows it by. Whatever the bytes, the
     * answer is a {@link Parsed}: a file that cannot be read is one problem, located where it could be.
     */
    public Parsed parse(Path file, String fileName, ResponseMapping mapping) {
        ResponseMapping m = mapping == null ? ResponseMapping.empty() : mapping;
        byte[] head;
        try (InputStream in = Files.newInputStream(file)) {
            head = in.readNBytes(HEAD);
        } catch (IOException e) {
            problem(new Location(fileName, null, 0, 0), null, "tabular.io");
            return done(Format.CSV, List.of(), List.of(), 0);
        }
        Format format = Format.sniff(Arrays.copyOf(head, Math.min(head.length, 4096)), fileName);
        if (format != Format.CSV && format != Format.XLSX) {
            problem(new Location(fileName, null, 0, 0), null, "survey.import.badFormat", format.name());
            return done(format, List.of(), List.of(), 0);
        }
        try (TableReader reader = open(file, head, fileName, format, m)) {
            return read(reader, fileName, format, m);
        } catch (TabularException e) {
            problem(e.location(), null, e.code(), e.args());
            return done(format, List.of(), List.of(), 0);
        } catch (IOException e) {
            problem(new Location(fileName, null, 0, 0), null, "tabular.io");
            return done(format, List.of(), List.of(), 0);
        }
    }

    /** What the format and the CSV dialect are told from. */
    private static final int HEAD = 64 * 1024;

    private static TableReader open(Path file, byte[] head, String fileName, Format format, ResponseMapping m)
            throws TabularException, IOException {
        if (format == Format.XLSX) {
            return TableReaders.xlsx(file, fileName, new XlsxOptions(m.sheet(), 0, 0, 0, 0));
        }
        CsvOptions detected = CsvOptions.detect(head);
        Charset charset;
        try {
            charset = m.charset() == null || m.charset().isBlank() ? detected.charset() : Charset.forName(m.charset());
        } catch (IllegalArgumentException e) {
            charset = detected.charset();
        }
        InputStream in = Files.newInputStream(file);
        try {
            return TableReaders.csv(in, fileName, new CsvOptions(charset,
                    m.delimiter() != null ? m.delimiter() : detected.delimiter(), detected.decimalComma(), true));
        } catch (TabularException | RuntimeException e) {
            in.close();
            throw e;
        }
    }

    /** The columns of the design variables: stratum, first- and second-stage cluster, their population sizes. */
    static final List<String> DESIGN_COLUMNS = List.of("stratum", "psu", "ssu", "fpc1", "fpc2");

    private kz.agyn.survey.DesignValues design(Row row, List<String> header, int[] columns) {
        String[] ids = new String[3];
        for (int d = 0; d < 3; d++) {
            if (columns[d] >= 0 && !row.cell(columns[d]).isBlank()) {
                ids[d] = row.cell(columns[d]).trim();
                if (ids[d].length() > 100) {
                    problem(row.location(columns[d]), header(header, columns[d]), "survey.import.tooLong", 100);
                }
            }
        }
        Double[] sizes = new Double[2];
        for (int d = 0; d < 2; d++) {
            int c = columns[3 + d];
            if (c >= 0 && !row.cell(c).isBlank()) {
                Optional<Double> v = number(row.cell(c));
                if (v.isEmpty() || !(v.get() >= 1) || v.get().isInfinite()) {
                    problem(row.location(c), header(header, c), "survey.import.badPopulationSize", row.cell(c));
                } else {
                    sizes[d] = v.get();
                }
            }
        }
        return new kz.agyn.survey.DesignValues(ids[0], ids[1], ids[2], sizes[0], sizes[1]);
    }

    /**
     * The declared design's values across the rows: each filled in, and each stratum's first-stage population
     * size (fpc1) the same in all its rows and at least the number of its PSUs (or, without clusters, of its
     * respondents) in the file; R's {@code svydesign} refuses the same.
     */
    private final class DesignCheck {
        private final Map<String, Set<String>> units = new LinkedHashMap<>();
        private final Map<String, Double> size = new HashMap<>();
        private final Map<String, Location> sizeAt = new HashMap<>();

        void add(Row row, List<String> header, int[] columns, kz.agyn.survey.DesignValues v) {
            if (requiredDesign.isEmpty()) {
                return;
            }
            String[] values = {v.stratum(), v.psu(), v.ssu(), v.fpc1() == null ? null : "", v.fpc2() == null ? null
                    : ""};
            for (int d = 0; d < values.length; d++) {
                if (columns[d] >= 0 && requiredDesign.contains(DESIGN_COLUMNS.get(d)) && values[d] == null
                        && row.cell(columns[d]).isBlank()) {
                    problem(row.location(columns[d]), header(header, columns[d]), "survey.import.missingDesignValue",
                            DESIGN_COLUMNS.get(d));
                }
            }
            if (v.fpc1() == null) {
                return;
            }
            String stratum = v.stratum() == null ? "—" : v.stratum();
            boolean clusters = requiredDesign.contains("psu");
            units.computeIfAbsent(stratum, s -> new HashSet<>()).add(clusters ? String.valueOf(v.psu())
                    : String.valueOf(row.number()));
            Double first = size.putIfAbsent(stratum, v.fpc1());
            if (first == null) {
                sizeAt.put(stratum, row.location(columns[3]));
            } else if (!first.equals(v.fpc1())) {
                problem(row.location(columns[3]), header(header, columns[3]), "survey.import.fpcVaries",
                        stratum, number(v.fpc1()), number(first), sizeAt.get(stratum).row());
            }
        }

        void finish(List<String> header, int[] columns) {
            units.forEach((stratum, drawn) -> {
                Double n = size.get(stratum);
                if (n != null && n < drawn.size()) {
                    problem(sizeAt.get(stratum), header(header, columns[3]), "survey.import.fpcTooSmall",
                            stratum, number(n), drawn.size());
                }
            });
        }

        private static String number(double x) {
            return x == Math.rint(x) ? String.valueOf((long) x) : String.valueOf(x);
        }
    }

    /** Where a question's answers are in the file. */
    private record Source(Question question, int column, Map<Integer, Integer> rankColumns,
                          Map<Integer, String> optionColumns) {
    }

    private Parsed read(TableReader reader, String fileName, Format format, ResponseMapping m)
            throws TabularException {
        List<String> header = reader.columns();
        Location fileLocation = new Location(fileName, reader.sheet(), 0, 0);
        Map<String, Integer> index = new HashMap<>();
        for (int i = header.size() - 1; i >= 0; i--) {
            index.put(norm(header.get(i)), i);
        }
        int idColumn = m.idColumn() != null ? index.getOrDefault(norm(m.idColumn()), -1)
                : ID_HEADERS.stream().map(index::get).filter(i -> i != null).findFirst().orElse(-1);
        if (idColumn < 0) {
            problem(fileLocation, m.idColumn(), "survey.import.noIdColumn",
                    m.idColumn() != null ? m.idColumn() : "respondent_id");
        }
        int weightColumn = index.getOrDefault(norm(m.weightColumn() != null ? m.weightColumn() : "weight"), -1);
        if (m.weightColumn() != null && weightColumn < 0) {
            problem(fileLocation, m.weightColumn(), "survey.import.missingColumn", m.weightColumn());
        }
        // The sample design's variables, when the file has them (see SurveyDesignDeclaration).
        int[] designColumns = new int[DESIGN_COLUMNS.size()];
        for (int d = 0; d < designColumns.length; d++) {
            designColumns[d] = index.getOrDefault(DESIGN_COLUMNS.get(d), -1);
            if (designColumns[d] < 0 && requiredDesign.contains(DESIGN_COLUMNS.get(d))) {
                problem(fileLocation, DESIGN_COLUMNS.get(d), "survey.import.missingDesignColumn",
                        DESIGN_COLUMNS.get(d));
            }
        }
        DesignCheck designCheck = new DesignCheck();
        int[] replicateColumns = replicateColumns(header, fileLocation);
        List<Source> sources = new ArrayList<>();
        for (Question q : questions) {
            String name = m.columns().getOrDefault(q.code(), q.code());
            int column = index.getOrDefault(norm(name), -1);
            Map<Integer, Integer> ranks = new LinkedHashMap<>();
            Map<Integer, String> optionColumns = new LinkedHashMap<>();
            if (column < 0 && q.type() == QuestionType.RANKING) {
                for (int i = 0; i < header.size(); i++) {
                    Matcher x = RANK_COLUMN.matcher(header.get(i).trim());
                    if (x.matches() && norm(x.group(1)).equals(norm(name))) {
                        ranks.put(Integer.parseInt(x.group(2)), i);
                    }
                }
            }
            if (column < 0 && q.type() == QuestionType.MULTIPLE) {
                for (SurveyOption o : q.options()) {
                    for (String form : List.of(name + "/" + o.code(), name + "[" + o.code() + "]")) {
                        Integer i = index.get(norm(form));
                        if (i != null) {
                            optionColumns.put(i, o.code());
                        }
                    }
                }
            }
            if (column < 0 && ranks.isEmpty() && optionColumns.isEmpty()) {
                if ((q.required() && q.showIf() == null) || m.columns().containsKey(q.code())) {
                    problem(fileLocation, name, "survey.import.missingColumn", name);
                }
                continue;
            }
            sources.add(new Source(q, column, ranks, optionColumns));
        }
        if (!problems.isEmpty()) {
            return done(format, header, List.of(), 0);
        }
        List<Response> responses = new ArrayList<>();
        Map<String, Long> firstRow = new HashMap<>();
        Map<String, Location> idLocation = new LinkedHashMap<>();
        long rows = 0;
        Row row;
        while ((row = reader.next()) != null) {
            if (row.blank()) {
                continue;
            }
            rows++;
            for (int i = 0; i < row.cells().size(); i++) {
                if (row.cell(i).indexOf('\uFFFD') >= 0) {
                    problem(row.location(i), header(header, i), "survey.import.badEncoding");
                }
            }
            String id = row.cell(idColumn).trim();
            if (id.isEmpty()) {
                problem(row.location(idColumn), header(header, idColumn), "survey.import.missingId");
            } else if (id.length() > 100) {
                problem(row.location(idColumn), header(header, idColumn), "survey.import.tooLong", 100);
            } else {
                Long first = firstRow.putIfAbsent(id, row.number());
                if (first != null) {
                    problem(row.location(idColumn), header(header, idColumn), "survey.import.duplicateRespondent",
                            id, first);
                } else {
                    idLocation.put(id, row.location(idColumn));
                }
            }
            double weight = 1;
            if (weightColumn >= 0 && !row.cell(weightColumn).isBlank()) {
                Optional<Double> w = number(row.cell(weightColumn));
                if (w.isEmpty() || !(w.get() > 0) || w.get().isInfinite()) {
                    problem(row.location(weightColumn), header(header, weightColumn), "survey.import.badWeight",
                            row.cell(weightColumn));
                } else {
                    weight = w.get();
                }
            }
            Map<String, List<String>> choices = new LinkedHashMap<>();
            Map<String, Double> numbers = new LinkedHashMap<>();
            Map<String, String> texts = new LinkedHashMap<>();
            for (Source s : sources) {
                answer(row, header, s, choices, numbers, texts);
            }
            kz.agyn.survey.DesignValues design = design(row, header, designColumns);
            if (replicateColumns.length > 0) {
                design = new kz.agyn.survey.DesignValues(design.stratum(), design.psu(), design.ssu(), design.fpc1(),
                        design.fpc2(), replicates(row, header, replicateColumns));
            }
            designCheck.add(row, header, designColumns, design);
            responses.add(new Response(id.isEmpty() ? null : id, weight, choices, numbers, texts, design));
        }
        designCheck.finish(header, designColumns);
        if (rows == 0) {
            problem(fileLocation, null, "survey.import.noRows");
        }
        Set<String> existing = existingIds.apply(idLocation.keySet());
        for (String id : existing) {
            Location l = idLocation.get(id);
            problem(l, header(header, idColumn), "survey.import.respondentExists", id);
        }
        return done(format, header, responses, rows);
    }

    private void answer(Row row, List<String> header, Source s, Map<String, List<String>> choices,
                        Map<String, Double> numbers, Map<String, String> texts) {
        Question q = s.question();
        int c = s.column();
        String name = c >= 0 ? header(header, c) : q.code();
        Location at = c >= 0 ? row.location(c) : row.location(s.rankColumns().isEmpty()
                ? s.optionColumns().keySet().iterator().next() : s.rankColumns().values().iterator().next());
        boolean blank;
        long before = problems.count();
        switch (q.type()) {
            case NUMBER -> {
                String v = row.cell(c).trim();
                blank = v.isEmpty();
                if (!blank) {
                    Optional<Double> n = number(v);
                    if (n.isEmpty()) {
                        problem(at, name, "survey.import.notANumber", v, q.code());
                    } else {
                        numbers.put(q.code(), n.get());
                    }
                }
            }
            case TEXT -> {
                String v = row.cell(c).trim();
                blank = v.isEmpty();
                if (!blank) {
                    if (q.maxLength() != null && v.codePointCount(0, v.length()) > q.maxLength()) {
                        problem(at, name, "survey.import.tooLong", q.maxLength());
                    } else {
                        texts.put(q.code(), v);
                    }
                }
            }
            default -> {
                List<String> chosen = new ArrayList<>();
                boolean answeredNone = false;
                if (!s.optionColumns().isEmpty()) {
                    s.optionColumns().forEach((col, option) -> {
                        String v = row.cell(col).trim().toLowerCase(Locale.ROOT);
                        if (Set.of("1", "true", "yes", "y", "x", "иә", "да").contains(v)) {
                            chosen.add(option);
                        } else if (!Set.of("", "0", "false", "no", "n", "жоқ", "нет").contains(v)) {
                            problem(row.location(col), header(header, col), "survey.import.unknownOption", v,
                                    q.code());
                        }
                    });
                    // Every option column filled and none ticked: the respondent answered "none of these", which
                    // is not the same as skipping the question (all blank).
                    answeredNone = chosen.isEmpty() && q.type() == QuestionType.MULTIPLE && s.optionColumns().keySet()
                            .stream().noneMatch(col -> row.cell(col).isBlank());
                } else if (!s.rankColumns().isEmpty()) {
                    new java.util.TreeMap<>(s.rankColumns()).forEach((rank, col) -> {
                        String v = row.cell(col).trim();
                        if (!v.isEmpty()) {
                            option(q, v).ifPresentOrElse(chosen::add, () -> problem(row.location(col),
                                    header(header, col), "survey.import.unknownOption", v, q.code()));
                        }
                    });
                } else {
                    for (String v : values(q, row.cell(c))) {
                        option(q, v).ifPresentOrElse(chosen::add,
                                () -> problem(at, name, "survey.import.unknownOption", v, q.code()));
                    }
                }
                if (answeredNone) {
                    q.options().stream().filter(SurveyOption::none).findFirst().ifPresent(o -> chosen.add(o.code()));
                }
                blank = chosen.isEmpty() && !answeredNone;
                Set<String> distinct = new LinkedHashSet<>(chosen);
                boolean noneWithOthers = chosen.size() > 1 && q.options().stream()
                        .anyMatch(o -> o.none() && chosen.contains(o.code()));
                if (distinct.size() < chosen.size()) {
                    problem(at, name, "survey.import.repeatedOption", q.code());
                } else if (q.type() != QuestionType.MULTIPLE && q.type() != QuestionType.RANKING
                        && chosen.size() > 1) {
                    problem(at, name, "survey.import.oneOption", q.code());
                } else if (noneWithOthers) {
                    problem(at, name, "survey.import.noneWithOthers", q.code());
                } else if (!blank) {
                    choices.put(q.code(), List.copyOf(chosen));
                }
            }
        }
        // A value that was there but wrong is reported as such, not also as missing.
        // A required question its skip rule leaves out for this respondent was not asked, so not missed.
        boolean asked = q.showIf() == null || q.showIf().shows(choices.getOrDefault(q.showIf().question(), List.of()));
        if (blank && q.required() && asked && problems.count() == before) {
            problem(at, name, "survey.import.missingAnswer", q.code());
        }
    }

    /** The values of a cell: several for multiple-choice and ranking questions. */
    private List<String> values(Question q, String cell) {
        String v = cell.trim();
        if (v.isEmpty()) {
            return List.of();
        }
        if (q.type() != QuestionType.MULTIPLE && q.type() != QuestionType.RANKING) {
            return List.of(v);
        }
        List<String> out = new ArrayList<>();
        for (String part : v.split("[;,|]")) {
            String p = part.trim();
            if (p.isEmpty()) {
                continue;
            }
            // KoboToolbox separates codes by spaces; option texts contain spaces, so split only when needed.
            if (option(q, p).isEmpty() && p.contains(" ")) {
                out.addAll(Arrays.asList(p.split("\\s+")));
            } else {
                out.add(p);
            }
        }
        return out;
    }

    /** An option by its code, or by its text in any language, case aside. */
    static Optional<String> option(Question q, String value) {
        String v = value.trim();
        for (SurveyOption o : q.options()) {
            if (o.code().equals(v)) {
                return Optional.of(o.code());
            }
        }
        String n = norm(v);
        for (SurveyOption o : q.options()) {
            if (norm(o.code()).equals(n) || norm(o.text().kk()).equals(n) || norm(o.text().ru()).equals(n)
                    || norm(o.text().en()).equals(n)) {
                return Optional.of(o.code());
            }
        }
        return Optional.empty();
    }

    static Optional<Double> number(String s) {
        String t = s.trim().replaceAll("[\\s\u00A0\u202F]", "").replace(',', '.').replace('\u2212', '-');
        try {
            double d = Double.parseDouble(t);
            return Double.isFinite(d) ? Optional.of(d) : Optional.empty();
        } catch (NumberFormatException e) {
            return Optional.empty();
        }
    }

    private static String norm(String s) {
        return s == null ? "" : s.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
    }

    private static String header(List<String> header, int i) {
        return i >= 0 && i < header.size() ? header.get(i) : i >= 0 ? "#" + (i + 1) : null;
    }

    private void problem(Location l, String column, String code, Object... args) {
        problems.report(l, column, code, args);
    }

    private Parsed done(Format format, List<String> columns, List<Response> responses, long rows) {
        return new Parsed(format, columns, problems.isEmpty() ? responses : List.of(), rows, problems.listed(),
                (int) Math.min(problems.count(), Integer.MAX_VALUE));
    }
}
