package kz.agyn.note.writer;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import kz.agyn.kernel.UserException;
import kz.agyn.note.Contradiction;
import kz.agyn.note.FigureFormatter;
import kz.agyn.note.NoteFigure;
import kz.agyn.note.NoteFigures;
import kz.agyn.note.SourceDocument;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Service;

/**
 * Writes a template out in one language from the figures Agyn holds: each placeholder replaced by its figure in
 * the reader's number format, running text cited, each table numbered with a source line naming what it was
 * compiled from, shares of one whole checked to sum to 100%, the contradictions among the figures used listed,
 * and the reference list built from the sources actually cited (GOST R 7.0.100 in kk and ru, APA in en).
 */
@Service
public class NoteWriter {

    private static final Pattern PLACEHOLDER = Pattern.compile("\\{([a-z]+):([^}]*)}");
    /** Where a cited figure stood, until its citation moves to the end of the sentence. */
    private static final String MARK = "\u0001";
    private static final String END = "\u0002";
    private static final Pattern MARKED = Pattern.compile("\u0001(\\d+)\u0002");
    /** A citation of the seed note's reference list in a recorded description: "[4]", "[2,3]". */
    private static final Pattern NOTE_CITATION = Pattern.compile("\\[(\\d+(?:,\\s*\\d+)*)]");
    /** A sentence ends at a full stop, question or exclamation mark followed by a space: "0.2%" does not end one. */
    /** The citation key of a warehouse dataset: "wh:" and its code, beside the note's own source codes. */
    private static final String WAREHOUSE_SOURCE = "wh:";
    private static final Pattern SENTENCE_END = Pattern.compile("(?<=[.!?…])\\s+");

    /** A parameter in a text: {@code ${region}}, {@code ${region.name}}, {@code ${period}}, {@code ${period-2}}. */
    private static final Pattern PARAMETER = Pattern.compile("\\$\\{([^}]*)}");
    private static final Pattern PERIOD_MINUS = Pattern.compile("period-(\\d{1,2})");
    private static final Pattern YEAR = Pattern.compile("\\d{4}");
    private static final Pattern KATO = Pattern.compile("\\d{9}");

    private final NoteFigures figures;
    private final FigureFormatter formatter;
    private final MessageSource messages;
    private final WarehouseReader warehouse;
    private final PolicyReader policy;
    private final SeriesForecasts forecasts;

    public NoteWriter(NoteFigures figures, FigureFormatter formatter, MessageSource messages,
                      WarehouseReader warehouse, PolicyReader policy, SeriesForecasts forecasts) {
        this.figures = figures;
        this.formatter = formatter;
        this.messages = messages;
        this.warehouse = warehouse;
        this.policy = policy;
        this.forecasts = forecasts;
    }

    /** The template with its default parameters, from the current data, dated today when it bears no date. */
    public NoteDocument write(NoteTemplate template, Locale locale) {
        return write(template, locale, NoteParameters.of(template, null, null, java.time.LocalDate.now()));
    }

    public NoteDocument write(NoteTemplate template, Locale locale, NoteParameters parameters) {
        checkParameters(template, parameters);
        Run run = new Run(template, locale, parameters);
        List<NoteDocument.Part> parts = new ArrayList<>();
        int tables = 0;
        int charts = 0;
        int n = 0;
        for (NoteTemplate.Block block : template.blocks()) {
            run.where = msg("note.write.where.block", locale, ++n);
            if (block instanceof NoteTemplate.Heading h) {
                parts.add(new NoteDocument.Heading(run.text(h.text(), false, null)));
            } else if (block instanceof NoteTemplate.Paragraph p) {
                parts.add(new NoteDocument.Text(run.text(p.text(), true, null)));
            } else if (block instanceof NoteTemplate.Items i) {
                parts.add(new NoteDocument.Items(
                        i.items().stream().map(t -> run.text(t, true, null)).toList()));
            } else if (block instanceof NoteTemplate.Table t) {
                parts.add(run.table(t, ++tables));
            } else if (block instanceof NoteTemplate.Pivot t) {
                parts.add(run.pivot(t, ++tables));
            } else if (block instanceof NoteTemplate.Chart c && c.kind() == NoteTemplate.ChartKind.MAP) {
                parts.add(run.map(c, ++charts));
            } else if (block instanceof NoteTemplate.Chart c && c.kind() == NoteTemplate.ChartKind.FAN) {
                parts.add(run.fan(c, ++charts));
            } else if (block instanceof NoteTemplate.Chart c) {
                parts.add(run.chart(c, ++charts));
            } else if (block instanceof NoteTemplate.Scenarios c) {
                parts.add(run.scenarios(c, ++tables));
            } else if (block instanceof NoteTemplate.Kpi k && k.form() == NoteTemplate.KpiForm.SENTENCE) {
                parts.add(run.kpiSentence(k));
            } else if (block instanceof NoteTemplate.Kpi k) {
                parts.add(run.kpiTable(k, ++tables));
            } else if (block instanceof NoteTemplate.Contradictions) {
                NoteDocument.Findings f = run.contradictions();
                if (!f.findings().isEmpty()) {
                    parts.add(f);
                }
            } else if (block instanceof NoteTemplate.References) {
                run.referencesAt = parts.size();
            }
        }
        List<NoteDocument.Reference> references = run.references();
        if (run.referencesAt >= 0 && !references.isEmpty()) {
            parts.add(run.referencesAt, new NoteDocument.ReferenceList(msg("note.write.references", locale),
                    references));
        }
        NoteTemplate.Header h = template.header();
        run.where = msg("note.write.where.header", locale);
        NoteDocument.Labels labels = new NoteDocument.Labels(msg("note.write.label.addressee", locale),
                msg("note.write.label.author", locale), msg("note.write.label.date", locale),
                msg("note.write.label.title", locale), msg("note.write.label.keywords", locale));
        return new NoteDocument(template.code(), template.version(), locale, labels,
                run.text(h.addressee(), false, null), run.text(h.author(), false, null),
                h.date() != null ? h.date() : parameters.date(), run.text(h.kind(), false, null),
                run.text(h.title(), false, null), run.text(h.keywords(), false, null), parts, references,
                List.copyOf(run.data.values()), new NoteParameters.Pins(run.runs, run.kpis));
    }

    /** A region Agyn knows (or the country) and a year, else a refusal saying which and what it takes. */
    private void checkParameters(NoteTemplate template, NoteParameters p) {
        if (template.parameters().containsKey("region")) {
            String r = p.region() == null ? "" : p.region().trim();
            boolean country = WarehouseReader.WHOLE_COUNTRY.equals(WarehouseReader.stored(r));
            if (!country && (!KATO.matcher(r).matches() || warehouse.regionName(r, Locale.ENGLISH).isEmpty())) {
                throw new UserException(UserException.Kind.INVALID, "note.write.badRegion", r);
            }
        }
        if (template.parameters().containsKey("period")
                && (p.period() == null || !YEAR.matcher(p.period()).matches())) {
            throw new UserException(UserException.Kind.INVALID, "note.write.badPeriod",
                    p.period() == null ? "" : p.period());
        }
    }

    /**
     * Each sentence's citations gathered before its full stop, as the note writes them ("… 31 287 адам елден
     * кеткен [1]."): the figures were marked where they stand, and a sentence citing one source twice cites it once.
     */
    static String citeAtSentenceEnds(String marked) {
        StringBuilder out = new StringBuilder();
        for (String sentence : SENTENCE_END.split(marked, -1)) {
            TreeSet<Integer> numbers = new TreeSet<>();
            Matcher m = MARKED.matcher(sentence);
            while (m.find()) {
                numbers.add(Integer.parseInt(m.group(1)));
            }
            String plain = MARKED.matcher(sentence).replaceAll("");
            if (!out.isEmpty()) {
                out.append(' ');
            }
            if (numbers.isEmpty()) {
                out.append(plain);
                continue;
            }
            String cites = " [" + String.join(", ", numbers.stream().map(String::valueOf).toList()) + "]";
            int end = plain.length();
            while (end > 0 && ".!?…".indexOf(plain.charAt(end - 1)) >= 0) {
                end--;
            }
            out.append(plain, 0, end).append(cites).append(plain.substring(end));
        }
        return out.toString();
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    /** One writing: the citation numbers given so far and the figures used. */
    private final class Run {
        final NoteTemplate template;
        final Locale locale;
        final Map<String, Integer> cited = new LinkedHashMap<>();
        final Set<String> used = new LinkedHashSet<>();
        final NoteParameters parameters;
        /** The source and version each warehouse indicator was read from, in order of first use. */
        final Map<String, NoteParameters.DataVersion> data = new LinkedHashMap<>();
        /** The scenario run each scenario block read, by the scenarios it named; each measure's KPI as read. */
        final Map<String, java.util.UUID> runs = new LinkedHashMap<>();
        final Map<Long, KpiFigures> kpis = new LinkedHashMap<>();
        /** Where the writing is ("block 4", "header"), for a refusal to say. */
        String where = "";
        int referencesAt = -1;

        Run(NoteTemplate template, Locale locale, NoteParameters parameters) {
            this.template = template;
            this.locale = locale;
            this.parameters = parameters;
        }

        /** The template's parameters written out; one it does not declare is refused, naming it and where. */
        String parameters(String text) {
            Matcher m = PARAMETER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                m.appendReplacement(out, Matcher.quoteReplacement(parameter(m.group(1).trim(), m.group())));
            }
            m.appendTail(out);
            return out.toString();
        }

        private String parameter(String name, String written) {
            Matcher minus = PERIOD_MINUS.matcher(name);
            if (name.equals("region") && template.parameters().containsKey("region")) {
                return parameters.region();
            } else if (name.equals("region.name") && template.parameters().containsKey("region")) {
                return warehouse.regionName(parameters.region(), locale).orElse(parameters.region());
            } else if (name.equals("period") && template.parameters().containsKey("period")) {
                return parameters.period();
            } else if (name.equals("scenarios") && template.parameters().containsKey("scenarios")) {
                return parameters.scenarios() == null ? "" : parameters.scenarios();
            } else if (minus.matches() && template.parameters().containsKey("period")) {
                return String.valueOf(Integer.parseInt(parameters.period()) - Integer.parseInt(minus.group(1)));
            }
            throw new UserException(UserException.Kind.INVALID, "note.write.placeholder", template.code(), written,
                    where);
        }

        /** Placeholders replaced; in running text each figure is followed by its citation. */
        String text(kz.agyn.reference.Names names, boolean cite, Set<String> sources) {
            String text = parameters(names.in(locale));
            Matcher m = PLACEHOLDER.matcher(text);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                if (m.group(1).equals("obs")) {
                    String value = observation(m.group(2), m.group());
                    String source = WAREHOUSE_SOURCE + data.get(m.group(2).split(";", 2)[0].trim()).dataset();
                    if (cite) {
                        value = value + MARK + number(source) + END;
                    } else if (sources != null) {
                        sources.add(source);
                    }
                    m.appendReplacement(out, Matcher.quoteReplacement(value));
                    continue;
                }
                NoteFigure f = figure(m.group(1), m.group(2));
                used.add(f.code());
                String value = m.group(1).equals("num") ? formatter.number(f, locale) : formatter.format(f, locale);
                if (cite) {
                    value = value + MARK + number(f.sourceCode()) + END;
                } else if (sources != null) {
                    sources.add(f.sourceCode());
                }
                m.appendReplacement(out, Matcher.quoteReplacement(value));
            }
            m.appendTail(out);
            return cite ? citeAtSentenceEnds(out.toString()) : out.toString();
        }

        NoteFigure figure(String kind, String code) {
            if (!kind.equals("fig") && !kind.equals("num")) {
                throw new UserException(UserException.Kind.INVALID, "note.write.placeholder", template.code(),
                        "{" + kind + ":" + code + "}", where);
            }
            return figures.figure(code).orElseThrow(() -> new UserException(UserException.Kind.INVALID,
                    "note.write.placeholder", template.code(), "{" + kind + ":" + code + "}", where));
        }

        /**
         * {@code {obs:INDICATOR;region=…;period=…}}: the one figure the explorer shows for these choices, in the
         * reader's number format; a count of 1–4 persons is written "<5", as every published aggregate writes it.
         */
        String observation(String query, String written) {
            String[] parts = query.split(";");
            String indicator = parts[0].trim();
            if (!warehouse.knows(indicator)) {
                throw new UserException(UserException.Kind.INVALID, "note.write.placeholder", template.code(),
                        written, where);
            }
            Map<kz.agyn.warehouse.Dimension, String> filters = new java.util.EnumMap<>(
                    kz.agyn.warehouse.Dimension.class);
            String period = null;
            String dataset = null;
            for (int i = 1; i < parts.length; i++) {
                String[] kv = parts[i].split("=", 2);
                String key = kv[0].trim();
                String value = kv.length < 2 ? "" : kv[1].trim();
                if (key.equals("period")) {
                    period = value;
                } else if (key.equals("dataset")) {
                    dataset = value;
                } else if (WarehouseReader.KEYS.containsKey(key) && !value.isEmpty()) {
                    filters.put(WarehouseReader.KEYS.get(key), value);
                } else {
                    throw new UserException(UserException.Kind.INVALID, "note.write.placeholder", template.code(),
                            written, where);
                }
            }
            List<kz.agyn.warehouse.Observation> found = period == null || period.isEmpty() ? List.of()
                    : warehouse.read(indicator, filters, period, period, dataset, null, parameters.pinned());
            if (found.isEmpty()) {
                throw new UserException(UserException.Kind.INVALID, "note.write.noData", template.code(), where,
                        written);
            }
            kz.agyn.warehouse.Observation o = found.get(0);
            used(o);
            return value(o);
        }

        /** What a pivot block reads: its periods, its codes in order with their labels, and the observations. */
        private record PivotData(List<String> periods, List<String> codes, List<String> labels,
                                 List<kz.agyn.warehouse.Observation> found, kz.agyn.warehouse.Dimension rows,
                                 String caption,
                                 String sourceLine) {

            kz.agyn.warehouse.Observation at(String code, String period) {
                return found.stream().filter(o -> o.period().equals(period)
                        && WarehouseReader.code(o, rows).equals(code)).findFirst().orElse(null);
            }
        }

        private PivotData read(NoteTemplate.Pivot t) {
            Map<kz.agyn.warehouse.Dimension, String> filters = new java.util.EnumMap<>(
                    kz.agyn.warehouse.Dimension.class);
            t.filters().forEach((d, v) -> filters.put(d, parameters(v)));
            String from = parameters(t.from());
            String to = parameters(t.to());
            String written = t.indicator() + ";rows=" + t.rows().name().toLowerCase(Locale.ROOT) + ";"
                    + filters.entrySet().stream().map(e -> e.getKey().name().toLowerCase(Locale.ROOT) + "="
                    + e.getValue() + ";").collect(java.util.stream.Collectors.joining()) + "period=" + from + ".." + to;
            if (!warehouse.knows(t.indicator())) {
                throw new UserException(UserException.Kind.INVALID, "note.write.placeholder", template.code(),
                        "{obs:" + written + "}", where);
            }
            List<kz.agyn.warehouse.Observation> found = warehouse.read(t.indicator(), filters, from, to,
                    t.dataset(), t.rows(), parameters.pinned());
            if (found.isEmpty()) {
                throw new UserException(UserException.Kind.INVALID, "note.write.noData", template.code(), where,
                        written);
            }
            found.forEach(this::used);
            List<String> periods = found.stream().map(kz.agyn.warehouse.Observation::period).distinct()
                    .sorted(java.util.Comparator.comparing(kz.agyn.kernel.Period::parse)).toList();
            List<String> codes = WarehouseReader.rowOrder(found, t.rows(), periods.get(periods.size() - 1));
            List<String> labels = codes.stream().map(c -> warehouse.label(t.rows(), c, locale)).toList();
            // The source line as under the note's other tables ("[1] – compiled by the author from"), which the
            // consistency check reads as the table's source; the licence stands in the reference it cites.
            int cite = number(WAREHOUSE_SOURCE + found.get(0).dataset());
            String caption = parameters(t.caption().in(locale)) + ", " + msg("note.write.unit."
                    + warehouse.unit(t.indicator()), locale);
            return new PivotData(periods, codes, labels, found, t.rows(), caption,
                    msg("note.write.compiledFrom", locale, String.valueOf(cite)));
        }

        /** A warehouse pivot as a numbered table: a row per code, a column per period, the total last. */
        NoteDocument.Table pivot(NoteTemplate.Pivot t, int number) {
            PivotData d = read(t);
            List<String> columns = new ArrayList<>();
            columns.add(msg("dimension." + t.rows().name(), locale));
            columns.addAll(d.periods());
            List<List<String>> rows = new ArrayList<>();
            for (int i = 0; i < d.codes().size(); i++) {
                List<String> row = new ArrayList<>();
                row.add(d.labels().get(i));
                for (String p : d.periods()) {
                    kz.agyn.warehouse.Observation o = d.at(d.codes().get(i), p);
                    row.add(o == null ? kz.agyn.platform.format.Numbers.DASH : value(o));
                }
                rows.add(row);
            }
            return new NoteDocument.Table(number, msg("note.write.tableLabel", locale, number), d.caption(), columns,
                    rows, d.sourceLine(), null);
        }

        /**
         * A warehouse pivot as a numbered chart: a series per code (at most eight: the largest in the last period,
         * the total left out when there are other rows, as a chart of parts beside their sum reads badly), a point
         * per period. A count of 1–4 persons is left out of the picture, as it is written "<5" in a table.
         */
        NoteDocument.Chart chart(NoteTemplate.Chart c, int number) {
            PivotData d = read(c.data());
            List<ChartImage.Series> series = new ArrayList<>();
            List<String> words = new ArrayList<>();
            boolean parts = d.codes().size() > 1;
            for (int i = 0; i < d.codes().size() && series.size() < 8; i++) {
                if (parts && WarehouseReader.total(d.rows(), d.codes().get(i))) {
                    continue;
                }
                List<java.math.BigDecimal> values = new ArrayList<>();
                List<String> said = new ArrayList<>();
                for (String p : d.periods()) {
                    kz.agyn.warehouse.Observation o = d.at(d.codes().get(i), p);
                    boolean withheld = o == null || kz.agyn.warehouse.Disclosure.suppressed(
                            warehouse.unit(o.indicator()), o.scaledValue());
                    values.add(withheld ? null : o.scaledValue());
                    said.add(p + " " + (o == null ? kz.agyn.platform.format.Numbers.DASH : value(o)));
                }
                series.add(new ChartImage.Series(d.labels().get(i), values));
                words.add(d.labels().get(i) + ": " + String.join(", ", said));
            }
            String unit = msg("note.write.unit." + warehouse.unit(c.data().indicator()), locale);
            byte[] png = ChartImage.render(c.kind(), d.periods(), series, unit, locale);
            return new NoteDocument.Chart(number, msg("note.write.chartLabel", locale, number), d.caption(),
                    d.sourceLine(), String.join("; ", words), png, ChartImage.WIDTH, ChartImage.HEIGHT);
        }

        /**
         * The regions shaded by the pivot's value in one period (the block's {@code from}..{@code to} read, the last
         * period drawn), with a legend of classes and the regions' names in the note's language.
         */
        NoteDocument.Chart map(NoteTemplate.Chart c, int number) {
            NoteTemplate.Pivot asked = c.data();
            NoteTemplate.Pivot byRegion = new NoteTemplate.Pivot(asked.id(), asked.caption(), asked.indicator(),
                    kz.agyn.warehouse.Dimension.REGION, asked.filters(), asked.to(), asked.to(), asked.dataset());
            PivotData d = read(byRegion);
            String period = d.periods().get(d.periods().size() - 1);
            Map<String, java.math.BigDecimal> values = new LinkedHashMap<>();
            Map<String, String> labels = new LinkedHashMap<>();
            List<String> words = new ArrayList<>();
            for (int i = 0; i < d.codes().size(); i++) {
                String code = d.codes().get(i);
                if (WarehouseReader.total(kz.agyn.warehouse.Dimension.REGION, code)) {
                    continue;
                }
                kz.agyn.warehouse.Observation o = d.at(code, period);
                if (o == null) {
                    continue;
                }
                boolean withheld = kz.agyn.warehouse.Disclosure.suppressed(warehouse.unit(o.indicator()),
                        o.scaledValue());
                if (!withheld) {
                    values.put(code, o.scaledValue());
                }
                words.add(d.labels().get(i) + " " + value(o));
            }
            for (String kato : MapImage.regions()) {
                labels.put(kato, MapImage.shortName(warehouse.regionName(kato, locale).orElse(kato)));
            }
            String unit = msg("note.write.unit." + warehouse.unit(asked.indicator()), locale);
            byte[] png = MapImage.render(values, labels, unit, msg("note.write.map.noData", locale), locale);
            return new NoteDocument.Chart(number, msg("note.write.chartLabel", locale, number),
                    d.caption() + ", " + period, d.sourceLine(), String.join("; ", words), png, MapImage.WIDTH,
                    MapImage.HEIGHT);
        }

        /**
         * A series and its forecast: the observed values (the pivot's total row over its periods) and, for
         * {@code horizon} years after them, the forecast's median with its 80% and 95% intervals as shaded bands,
         * forecast by kz.agyn.forecast's engine (the method its backtest chooses). Read at the pinned version, and
         * the engine is deterministic, so an issued note's fan is drawn again the same.
         */
        NoteDocument.Chart fan(NoteTemplate.Chart c, int number) {
            NoteTemplate.Pivot asked = c.data();
            PivotData d = read(asked);
            List<String> periods = d.periods();
            String code = d.codes().get(d.codes().size() - 1);
            double[] y = new double[periods.size()];
            for (int i = 0; i < periods.size(); i++) {
                kz.agyn.warehouse.Observation o = d.at(code, periods.get(i));
                if (o == null) {
                    throw new UserException(UserException.Kind.INVALID, "note.write.fan.gap", template.code(),
                            where, periods.get(i));
                }
                y[i] = o.scaledValue().doubleValue();
            }
            int horizon = Math.max(1, c.horizon());
            SeriesForecasts.Fan p;
            try {
                p = forecasts.forecast(y, horizon);
            } catch (UserException e) {
                throw new UserException(UserException.Kind.INVALID, "note.write.fan.cannot", template.code(), where,
                        msg(e.code(), locale, e.args()));
            }
            List<String> future = new ArrayList<>();
            int last = Integer.parseInt(periods.get(periods.size() - 1).substring(0, 4));
            for (int k = 1; k <= horizon; k++) {
                future.add(String.valueOf(last + k));
            }
            kz.agyn.platform.format.Numbers numbers = new kz.agyn.platform.format.Numbers(locale);
            kz.agyn.platform.format.Decimals dec = kz.agyn.platform.format.Decimals.upTo(0);
            List<String> said = new ArrayList<>();
            for (int i = 0; i < periods.size(); i++) {
                said.add(periods.get(i) + " " + value(d.at(code, periods.get(i))));
            }
            for (int k = 0; k < horizon; k++) {
                said.add(msg("note.write.fan.point", locale, future.get(k), numbers.number(p.median()[k], dec),
                        numbers.range(p.lo80()[k], p.hi80()[k], dec), numbers.range(p.lo95()[k], p.hi95()[k], dec)));
            }
            String unit = msg("note.write.unit." + warehouse.unit(asked.indicator()), locale);
            byte[] png = FanImage.render(periods, y, future, p.median(), p.lo80(), p.hi80(), p.lo95(), p.hi95(), unit,
                    new String[] {msg("note.write.fan.observed", locale), msg("note.write.fan.median", locale),
                        msg("note.write.fan.band80", locale), msg("note.write.fan.band95", locale)}, locale);
            String caption = d.caption() + " " + msg("note.write.fan.caption", locale,
                    msg("note.write.fan.method." + p.method(), locale));
            return new NoteDocument.Chart(number, msg("note.write.chartLabel", locale, number), caption,
                    d.sourceLine(), String.join("; ", said), png, FanImage.WIDTH, FanImage.HEIGHT);
        }

        /**
         * Policy scenarios against the baseline in one year of the newest finished run that compared them all (or
         * the run an issued note read): a row per measure, the baseline's value, each scenario's and its
         * difference; the source line cites the run, whose reference names it, its settings and the data versions
         * it read.
         */
        NoteDocument.Table scenarios(NoteTemplate.Scenarios b, int number) {
            String asked = parameters(b.scenarios());
            PolicyReader.Comparison c = policy.compare(template.code(), where, asked, b.measures(),
                    b.year() == null ? null : parameters(b.year()), parameters.pins().runs(), locale);
            runs.put(c.key(), c.run().id());
            int cite = number(PolicyReader.RUN_SOURCE + c.run().id());
            return new NoteDocument.Table(number, msg("note.write.tableLabel", locale, number),
                    parameters(b.caption().in(locale)) + ", " + c.year(), c.columns(), c.rows(),
                    msg("note.write.scenario.source", locale, String.valueOf(cite)), null);
        }

        NoteDocument.Table kpiTable(NoteTemplate.Kpi k, int number) {
            KpiFigures f = kpi(k);
            PolicyReader.KpiText t = policy.kpiText(f, locale);
            String cites = kpiCites(f);
            return new NoteDocument.Table(number, msg("note.write.tableLabel", locale, number),
                    parameters(k.caption().in(locale)) + ": " + f.name().in(locale),
                    List.of(msg("note.write.kpi.what", locale), msg("note.write.kpi.value", locale)), t.rows(),
                    msg("note.write.compiledFrom", locale, cites), null);
        }

        NoteDocument.Text kpiSentence(NoteTemplate.Kpi k) {
            KpiFigures f = kpi(k);
            String sentence = policy.kpiText(f, locale).sentence();
            // The citation before the sentence's full stop, as the note cites running text.
            int end = sentence.length();
            while (end > 0 && ".!?…".indexOf(sentence.charAt(end - 1)) >= 0) {
                end--;
            }
            return new NoteDocument.Text(sentence.substring(0, end) + " [" + kpiCites(f) + "]"
                    + sentence.substring(end));
        }

        private KpiFigures kpi(NoteTemplate.Kpi k) {
            KpiFigures f = policy.kpi(template.code(), where, parameters(k.measure()), parameters.pins().kpis(),
                    parameters.date(), locale);
            kpis.put(f.measure(), f);
            return f;
        }

        /**
         * The KPI's sources cited: the register of measures (its baseline, target and deadline, and values reported
         * by hand), and where its values come from: a warehouse dataset as every dataset is cited, or the registry.
         */
        private String kpiCites(KpiFigures f) {
            TreeSet<Integer> numbers = new TreeSet<>();
            numbers.add(number(PolicyReader.KPI_SOURCE + "MEASURES"));
            for (KpiFigures.Source s : f.sources()) {
                if (s.kind().equals("WAREHOUSE") && s.dataset() != null) {
                    data.putIfAbsent("kpi:" + s.dataset(), new NoteParameters.DataVersion("kpi:" + s.dataset(),
                            s.dataset(), s.version() == null ? 0 : s.version()));
                    numbers.add(number(WAREHOUSE_SOURCE + s.dataset()));
                } else if (s.kind().equals("REGISTRY")) {
                    numbers.add(number(PolicyReader.KPI_SOURCE + s.kind() + (s.synthetic() ? ":synthetic" : "")));
                }
            }
            return String.join(", ", numbers.stream().map(String::valueOf).toList());
        }

        void used(kz.agyn.warehouse.Observation o) {
            data.putIfAbsent(o.indicator(), new NoteParameters.DataVersion(o.indicator(), o.dataset(), o.version()));
        }

        String value(kz.agyn.warehouse.Observation o) {
            if (kz.agyn.warehouse.Disclosure.suppressed(warehouse.unit(o.indicator()), o.scaledValue())) {
                return "<5";
            }
            return new kz.agyn.platform.format.Numbers(locale).number(o.scaledValue(),
                    kz.agyn.platform.format.Decimals.upTo(2));
        }

        int number(String source) {
            return cited.computeIfAbsent(source, s -> cited.size() + 1);
        }

        NoteDocument.Table table(NoteTemplate.Table t, int number) {
            Set<String> sources = new LinkedHashSet<>();
            List<String> columns = t.columns().stream().map(c -> c.in(locale)).toList();
            List<List<String>> rows = new ArrayList<>();
            for (List<kz.agyn.reference.Names> row : t.rows()) {
                rows.add(row.stream().map(c -> text(c, false, sources)).toList());
            }
            TreeSet<Integer> numbers = new TreeSet<>();
            sources.forEach(s -> numbers.add(number(s)));
            String cites = String.join(", ", numbers.stream().map(String::valueOf).toList());
            String sourceLine = numbers.isEmpty() ? null : msg("note.write.compiledFrom", locale, cites);
            String warning = null;
            if (t.total() != null) {
                BigDecimal sum = BigDecimal.ZERO;
                for (String code : t.total().figures()) {
                    NoteFigure f = figure("fig", code);
                    sum = sum.add(f.value());
                }
                if (sum.subtract(BigDecimal.valueOf(100)).abs().compareTo(new BigDecimal("0.5")) > 0) {
                    warning = msg("note.write.sharesSum", locale, sum.stripTrailingZeros().toPlainString());
                }
            }
            return new NoteDocument.Table(number, msg("note.write.tableLabel", locale, number),
                    t.caption().in(locale), columns, rows, sourceLine, warning);
        }

        /** The recorded contradictions that involve a figure this note uses. */
        NoteDocument.Findings contradictions() {
            List<String> found = new ArrayList<>();
            for (Contradiction c : figures.contradictions()) {
                if (c.figureCodes().stream().anyMatch(used::contains)) {
                    found.add(renumber(c.description().in(locale)));
                }
            }
            return new NoteDocument.Findings(msg("note.write.contradictions", locale),
                    msg("note.write.contradictions.lead", locale), found);
        }

        /**
         * The recorded descriptions cite the seed note's own reference list ("Table 2 [4]"); in this note the same
         * source may have another number, so each is given this note's number for that source.
         */
        String renumber(String description) {
            Matcher m = NOTE_CITATION.matcher(description);
            StringBuilder out = new StringBuilder();
            while (m.find()) {
                List<String> numbers = new ArrayList<>();
                for (String k : m.group(1).split(",\\s*")) {
                    String code = "ref" + k.trim();
                    numbers.add(figures.source(code).isPresent() ? String.valueOf(number(code)) : k.trim());
                }
                m.appendReplacement(out, Matcher.quoteReplacement("[" + String.join(", ", numbers) + "]"));
            }
            m.appendTail(out);
            return out.toString();
        }

        /**
         * A warehouse dataset in the reference list: its title, publisher, the version read and its licence, in
         * GOST R 7.0.100 for kk and ru, APA for en; synthetic data said to be so.
         */
        String datasetReference(String code) {
            kz.agyn.warehouse.DatasetInfo d = warehouse.dataset(code).orElse(null);
            if (d == null) {
                return code;
            }
            int version = data.values().stream().filter(v -> v.dataset().equals(code)).findFirst()
                    .map(NoteParameters.DataVersion::version).orElse(d.currentVersion() == null ? 0
                            : d.currentVersion());
            String licence = d.licence() == null || d.licence().isBlank() ? msg("note.write.noLicence", locale)
                    : d.licence();
            String ref = msg("note.write.datasetRef", locale, d.title().in(locale), d.publisher(),
                    String.valueOf(version), licence, d.url() == null ? "" : d.url()).strip()
                    // A dataset without a link: no "– URL:" left hanging at the end.
                    .replaceAll("\\s*–\\s*URL:$", "");
            return d.synthetic() ? ref + " " + msg("note.write.syntheticData", locale) : ref;
        }

        List<NoteDocument.Reference> references() {
            List<NoteDocument.Reference> out = new ArrayList<>();
            cited.forEach((code, n) -> {
                if (code.startsWith(PolicyReader.RUN_SOURCE) || code.startsWith(PolicyReader.KPI_SOURCE)) {
                    out.add(new NoteDocument.Reference(n, policy.reference(code, locale, parameters.date())));
                    return;
                }
                if (code.startsWith(WAREHOUSE_SOURCE)) {
                    out.add(new NoteDocument.Reference(n, datasetReference(code.substring(WAREHOUSE_SOURCE.length()))));
                    return;
                }
                SourceDocument s = figures.source(code).orElse(null);
                out.add(new NoteDocument.Reference(n, s == null ? code : Citations.format(s, locale)));
            });
            return out;
        }
    }
}
