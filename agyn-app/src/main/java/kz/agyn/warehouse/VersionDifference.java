package kz.agyn.warehouse;

import java.math.BigDecimal;

/**
 * One observation that differs between two versions of a dataset, by its key. {@code before}/{@code after} are
 * the values scaled by their multipliers (null where the version lacks the observation, or where the reader may
 * not see a small count: then {@code suppressed}).
 */
public record VersionDifference(Change change, String indicator, String period, String region, String occupation,
                                String education, String country, String sex, String age, String flow,
                                BigDecimal before, String beforeStatus, BigDecimal after, String afterStatus,
                                boolean suppressed) {

    public VersionDifference(Change change, String indicator, String period, String region, String occupation,
                             String education, String country, String sex, String age, String flow,
                             BigDecimal before, String beforeStatus, BigDecimal after, String afterStatus) {
        this(change, indicator, period, region, occupation, education, country, sex, age, flow, before, beforeStatus,
                after, afterStatus, false);
    }

    public enum Change { ADDED, REMOVED, CHANGED, UNCHANGED }

    VersionDifference hidden() {
        return new VersionDifference(change, indicator, period, region, occupation, education, country, sex, age,
                flow, null, beforeStatus, null, afterStatus, true);
    }
}
