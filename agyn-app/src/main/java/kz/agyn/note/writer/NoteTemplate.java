package kz.agyn.note.writer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.Dimension;

/**
 * A note's template: its header and its blocks, each text in the three languages. Text may hold placeholders
 * {@code {fig:CODE}}, a figure of the note's datasets written in the reader's language with "≈", its unit and
 * period ("≈ 150 млрд ₸ / жыл"), and {@code {num:CODE}}, its number alone for prose whose words say the rest
 * ("шамамен 150 млрд теңге"). In running text each is followed by its citation; in a table it is not: the
 * table's source line cites.
 *
 * <p>A template may declare {@code parameters} with their defaults: {@code region} (a KATO code, or {@code KZ} for
 * the country) and {@code period} (a year). Any text then says {@code ${region}}, {@code ${region.name}},
 * {@code ${period}} or {@code ${period-2}}, and a figure of the warehouse is
 * {@code {obs:INDICATOR;region=${region};period=${period}}} (other dimensions: occupation, education, country,
 * sex, age, flow; and dataset), read as the explorer reads it.
 */
public record NoteTemplate(String code, int version, Names name, Map<String, String> parameters, Header header,
                           List<Block> blocks) {

    public NoteTemplate {
        parameters = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(parameters));
        blocks = List.copyOf(blocks);
    }

    public NoteTemplate(String code, int version, Names name, Header header, List<Block> blocks) {
        this(code, version, name, Map.of(), header, blocks);
    }

    /**
     * What stands above the title: to whom, from whom, when, and the keywords. {@code date} null: the note is
     * dated the day it is issued.
     */
    public record Header(Names addressee, Names author, LocalDate date, Names kind, Names title, Names keywords) {
    }

    /** One block of the note's body. */
    public sealed interface Block permits Heading, Paragraph, Table, Pivot, Chart, Scenarios, Kpi, Items,
            Contradictions, References {
    }

    /** A section heading. */
    public record Heading(Names text) implements Block {
    }

    /** A paragraph of running text. */
    public record Paragraph(Names text) implements Block {
    }

    /**
     * A numbered table; {@code total}, when given, names the share figures of one whole whose sum the writer
     * checks against 100%.
     */
    public record Table(String id, Names caption, List<Names> columns, List<List<Names>> rows, Total total)
            implements Block {
        public Table {
            columns = List.copyOf(columns);
            rows = rows.stream().map(List::copyOf).toList();
        }
    }

    /**
     * A numbered table that is a warehouse pivot: a row per code of {@code rows} (the total last), a column per
     * period from {@code from} to {@code to}, the other dimensions held at {@code filters} or at their total.
     * Filters and periods may hold parameters ({@code ${region}}); {@code dataset} null reads the source the
     * explorer would.
     */
    public record Pivot(String id, Names caption, String indicator, Dimension rows, Map<Dimension, String> filters,
                        String from, String to, String dataset) implements Block {
        public Pivot {
            filters = Map.copyOf(filters);
        }
    }

    /**
     * How a chart draws its series: lines or bars of a pivot; a MAP of the regions shaded by the pivot's value in
     * one period (rows are regions); a FAN of a series' forecast, its median and its 80% and 95% intervals as
     * shaded bands after the observed values.
     */
    public enum ChartKind { LINE, BAR, MAP, FAN }

    /**
     * A numbered chart of a warehouse pivot ({@code data}: a series per code of its rows, a point per period), drawn
     * as a picture in every format, with its caption under it and the source line as a table's. {@code horizon}:
     * the years a FAN chart forecasts (0 for the other kinds).
     */
    public record Chart(Pivot data, ChartKind kind, int horizon) implements Block {
        public Chart(Pivot data, ChartKind kind) {
            this(data, kind, 0);
        }
    }

    /**
     * A numbered table comparing policy scenarios with the baseline in one year of a finished run: a row per
     * measure of the scenario engine ({@code EMIGRANTS}, {@code BUDGET_COST_KZT} …), a column for the baseline and,
     * for each scenario, its value and its difference from the baseline. {@code scenarios} names them by shipped
     * code, name or number, comma-separated, and may be {@code ${scenarios}}, the scenarios chosen at issuing;
     * {@code year} null is the run's last year.
     */
    public record Scenarios(String id, Names caption, String scenarios, List<String> measures, String year)
            implements Block {
        public Scenarios {
            measures = List.copyOf(measures);
        }
    }

    /** How a measure's KPI is written: a numbered table, or a sentence of running text. */
    public enum KpiForm { TABLE, SENTENCE }

    /**
     * A measure's KPI (kz.agyn.measure): baseline, target and deadline, the reported values, the projection to the
     * deadline and the traffic light in words. {@code measure} names it by number or by its name in any language.
     */
    public record Kpi(String id, Names caption, String measure, KpiForm form) implements Block {
    }

    /** The figures of a table that are shares of one whole. */
    public record Total(int column, List<String> figures) {
        public Total {
            figures = List.copyOf(figures);
        }
    }

    /** A numbered list (the recommendations). */
    public record Items(List<Names> items) implements Block {
        public Items {
            items = List.copyOf(items);
        }
    }

    /** Where the figures used disagree with each other, as Agyn's note datasets record it. */
    public record Contradictions() implements Block {
    }

    /** The reference list: the sources cited, in order of first citation. */
    public record References() implements Block {
    }
}
