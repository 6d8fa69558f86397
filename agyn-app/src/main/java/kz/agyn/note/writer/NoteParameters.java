package kz.agyn.note.writer;

import java.time.LocalDate;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * What one writing of a template is for: the region (a KATO code, or {@code KZ} for the whole country), the period
 * (a year), the scenarios compared (shipped codes, names or numbers, comma-separated), the date the note bears, and
 * the data to read. {@code pinned} empty reads the current version of each source; an issued note is written again
 * with the versions it was first written from, so that it comes out as it was issued whatever was imported since.
 * {@code pins} does the same for the scenario runs and the measures' KPIs it read.
 */
public record NoteParameters(String region, String period, String scenarios, LocalDate date,
                             Map<String, DataVersion> pinned, Pins pins) {

    /** The parameters a template may declare. */
    public static final List<String> NAMES = List.of("region", "period", "scenarios");

    public NoteParameters {
        pinned = Map.copyOf(pinned);
        pins = pins == null ? Pins.NONE : pins;
    }

    public NoteParameters(String region, String period, LocalDate date, Map<String, DataVersion> pinned) {
        this(region, period, null, date, pinned, Pins.NONE);
    }

    /** The template's defaults where nothing is given, the current data, dated {@code date}. */
    public static NoteParameters of(NoteTemplate t, String region, String period, LocalDate date) {
        return of(t, region, period, null, date);
    }

    /** As {@link #of(NoteTemplate, String, String, LocalDate)}, with the scenarios chosen (blank: the template's). */
    public static NoteParameters of(NoteTemplate t, String region, String period, String scenarios,
                                    LocalDate date) {
        return new NoteParameters(blank(region) ? t.parameters().getOrDefault("region", "KZ") : region.trim(),
                blank(period) ? t.parameters().get("period") : period.trim(),
                blank(scenarios) ? t.parameters().get("scenarios") : scenarios.trim(), date, Map.of(), Pins.NONE);
    }

    public NoteParameters pinnedTo(List<DataVersion> versions) {
        return pinnedTo(versions, pins);
    }

    /** Written again as first written: each indicator at the version read, each run and KPI as read. */
    public NoteParameters pinnedTo(List<DataVersion> versions, Pins read) {
        Map<String, DataVersion> m = new LinkedHashMap<>();
        versions.forEach(v -> m.put(v.indicator(), v));
        return new NoteParameters(region, period, scenarios, date, m, read);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The source and version an indicator was read from. */
    public record DataVersion(String indicator, String dataset, int version) {
    }

    /**
     * What a note read besides the warehouse: the scenario run each scenario block read (by the scenarios it
     * named, as written out: "researchers_pay_30,research_budget_10bn"), and each measure's KPI as it stood (by
     * measure number). A finished run never changes, so its id is enough; a KPI is computed live (the registry
     * keeps no history), so its figures themselves are kept.
     */
    public record Pins(Map<String, UUID> runs, Map<Long, KpiFigures> kpis) {

        public static final Pins NONE = new Pins(Map.of(), Map.of());

        public Pins {
            runs = runs == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(runs));
            kpis = kpis == null ? Map.of() : java.util.Collections.unmodifiableMap(new LinkedHashMap<>(kpis));
        }

        public boolean empty() {
            return runs.isEmpty() && kpis.isEmpty();
        }
    }
}
