package kz.agyn.note.writer;

import java.time.LocalDate;
import java.util.List;
import kz.agyn.reference.Names;

/**
 * A measure's KPI as a note read it, language-free: kept with an issued note so that it is written again as it
 * was issued (the registry's shares are computed live and a measure may be edited later). Written out in the
 * note's language when the note is laid out.
 *
 * @param unit       PERCENT, KZT or COUNT
 * @param actual     the values reported, one a year, in order
 * @param projected  the projection for the deadline's year, or null; {@code lower}, {@code upper} its interval
 * @param method     what projected it ("trend", "forecast"), or null
 * @param level      the interval's coverage (0.8), or null
 * @param light      ON_TRACK, AT_RISK, OFF_TRACK or NO_DATA, as judged on the note's date
 * @param reason     why (the last part of a {@code measure.reason.*} key)
 * @param sources    where the values come from
 */
public record KpiFigures(long measure, Names name, Names owner, String unit, double baseline, int baselineYear,
                         double target, int targetYear, LocalDate deadline, List<Point> actual, Double projected,
                         Double lower, Double upper, String method, Double level, String light, String reason,
                         List<Source> sources) {

    public KpiFigures {
        actual = actual == null ? List.of() : List.copyOf(actual);
        sources = sources == null ? List.of() : List.copyOf(sources);
    }

    /** A value of a year. */
    public record Point(int year, double value) {
    }

    /** WAREHOUSE (with its dataset and version), REGISTRY or MANUAL; {@code synthetic} for demonstration data. */
    public record Source(String kind, String dataset, Integer version, boolean synthetic) {
    }

    public Point latest() {
        return actual.isEmpty() ? null : actual.get(actual.size() - 1);
    }
}
