package kz.agyn.measure;

import java.time.LocalDate;
import java.util.List;

/**
 * The board's traffic light (decision 0039). In order, the first that applies:
 * <ol>
 *   <li>no actual value: {@link TrafficLight#NO_DATA};</li>
 *   <li>the latest actual value reaches the target: {@link TrafficLight#ON_TRACK};</li>
 *   <li>the deadline has passed: {@link TrafficLight#OFF_TRACK};</li>
 *   <li>a projection reaches the deadline's year: on track if its value reaches the target; at risk if only the
 *       favourable bound of its interval does (the target is within what the data allow); off track if not even
 *       that bound does, or, for a projection without an interval, if its value does not;</li>
 *   <li>no projection (a single value, or the values already reach the deadline's year): the latest value set
 *       against the planned path, the straight line from the baseline to the target at the deadline's year: on
 *       track at or beyond the path, at risk if it covered at least half the distance the path planned by
 *       then, off track otherwise.</li>
 * </ol>
 * "Reaches" is "at or above" when the target lies above the baseline and "at or below" when it lies below.
 */
public final class StatusRule {

    private StatusRule() {
    }

    /**
     * A light and why, as the last part of a message key ({@code measure.reason.*}).
     *
     * @param light  the verdict
     * @param reason which branch of the rule gave it
     */
    public record Verdict(TrafficLight light, String reason) {
    }

    public static Verdict judge(Measure m, List<KpiPoint> actual, Projection projection, LocalDate today) {
        if (actual.isEmpty()) {
            return new Verdict(TrafficLight.NO_DATA, "noData");
        }
        KpiPoint latest = actual.get(actual.size() - 1);
        double target = m.target().value().doubleValue();
        if (reaches(m, latest.value(), target)) {
            return new Verdict(TrafficLight.ON_TRACK, "reached");
        }
        if (today.isAfter(m.deadline())) {
            return new Verdict(TrafficLight.OFF_TRACK, "deadlinePassed");
        }
        int deadlineYear = m.deadline().getYear();
        Projection.Point p = projection == null ? null : projection.at(deadlineYear).orElse(null);
        if (p != null) {
            // The reasons name what projected: the trend, or a forecast (its texts end in "Forecast").
            String by = "trend".equals(projection.method()) ? "" : "Forecast";
            if (reaches(m, p.value(), target)) {
                return new Verdict(TrafficLight.ON_TRACK, "projected" + by);
            }
            if (p.hasInterval() && reaches(m, m.upwards() ? p.upper() : p.lower(), target)) {
                return new Verdict(TrafficLight.AT_RISK, "withinInterval" + by);
            }
            return new Verdict(TrafficLight.OFF_TRACK, (p.hasInterval() ? "outsideInterval" : "projectedShort") + by);
        }
        double baseline = m.baseline().value().doubleValue();
        double planned = planned(m, latest.year());
        double done = latest.value() - baseline;
        double due = planned - baseline;
        if (!m.upwards()) {
            done = -done;
            due = -due;
        }
        if (done >= due) {
            return new Verdict(TrafficLight.ON_TRACK, "onPath");
        }
        return done >= due / 2 && done > 0 ? new Verdict(TrafficLight.AT_RISK, "behindPath")
                : new Verdict(TrafficLight.OFF_TRACK, "farBehindPath");
    }

    /** The value the straight path from the baseline to the target at the deadline's year plans for a year. */
    public static double planned(Measure m, int year) {
        double baseline = m.baseline().value().doubleValue();
        double target = m.target().value().doubleValue();
        int from = m.baseline().year();
        int to = Math.max(m.deadline().getYear(), from);
        if (to == from || year >= to) {
            return year >= to ? target : baseline;
        }
        if (year <= from) {
            return baseline;
        }
        return baseline + (target - baseline) * (year - from) / (to - from);
    }

    static boolean reaches(Measure m, double value, double target) {
        return m.upwards() ? value >= target : value <= target;
    }
}
