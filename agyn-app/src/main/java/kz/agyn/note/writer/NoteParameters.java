package kz.agyn.note.writer;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What one writing of a template is for: the region (a KATO code, or {@code KZ} for the whole country), the period
 * (a year), the date the note bears, and the data versions to read. {@code pinned} empty reads the current version
 * of each source; an issued note is written again with the versions it was first written from, so that it comes
 * out as it was issued whatever was imported since.
 */
public record NoteParameters(String region, String period, LocalDate date, Map<String, DataVersion> pinned) {

    /** The parameters a template may declare. */
    public static final List<String> NAMES = List.of("region", "period");

    public NoteParameters {
        pinned = Map.copyOf(pinned);
    }

    /** The template's defaults where nothing is given, the current data, dated {@code date}. */
    public static NoteParameters of(NoteTemplate t, String region, String period, LocalDate date) {
        return new NoteParameters(blank(region) ? t.parameters().getOrDefault("region", "KZ") : region.trim(),
                blank(period) ? t.parameters().get("period") : period.trim(), date, Map.of());
    }

    public NoteParameters pinnedTo(List<DataVersion> versions) {
        Map<String, DataVersion> m = new java.util.LinkedHashMap<>();
        versions.forEach(v -> m.put(v.indicator(), v));
        return new NoteParameters(region, period, date, m);
    }

    private static boolean blank(String s) {
        return s == null || s.isBlank();
    }

    /** The source and version an indicator was read from. */
    public record DataVersion(String indicator, String dataset, int version) {
    }
}
