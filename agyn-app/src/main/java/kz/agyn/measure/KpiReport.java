package kz.agyn.measure;

import java.util.List;

/**
 * A measure's KPI as the board and its page show it.
 *
 * @param measure    the measure
 * @param actual     the actual values, one a year, in order
 * @param projection where the KPI is heading to the deadline, or null when it cannot be projected
 * @param verdict    the traffic light and why
 * @param sources    where the actual values come from, as cited (a dataset's title, publisher and licence; the
 *                   registry; the users who reported them)
 * @param problem    a message key when the values could not be read (an indicator since removed), else null
 */
public record KpiReport(Measure measure, List<KpiPoint> actual, Projection projection, StatusRule.Verdict verdict,
                        List<Source> sources, String problem) {

    public KpiReport {
        actual = List.copyOf(actual);
        sources = List.copyOf(sources);
    }

    /**
     * Where values come from.
     *
     * @param kind      WAREHOUSE, REGISTRY or MANUAL
     * @param code      the dataset's code, or null
     * @param title     the dataset's title in the reader's language, or null
     * @param publisher the publisher as written, or null
     * @param licence   the licence as written, or null
     * @param synthetic whether the values are demonstration data
     */
    public record Source(KpiSource kind, String code, String title, String publisher, String licence,
                         boolean synthetic) {
    }

    /** The latest actual value, or null. */
    public KpiPoint latest() {
        return actual.isEmpty() ? null : actual.get(actual.size() - 1);
    }

    public TrafficLight light() {
        return verdict.light();
    }

    /** Whether any of the values shown comes from demonstration data, which every view then says. */
    public boolean synthetic() {
        return !actual.isEmpty() && sources.stream().anyMatch(Source::synthetic);
    }
}
