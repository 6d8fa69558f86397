package kz.agyn.warehouse;

import java.util.List;

/**
 * What changed from version {@code from} to version {@code to} of a dataset: how many observations were added,
 * removed, changed and left as they were, and the differences themselves up to {@code listed}
 * ({@code truncated} when there are more).
 */
public record VersionComparison(String dataset, int from, int to, long added, long removed, long changed,
                                long unchanged, List<VersionDifference> differences, boolean truncated) {

    public static final int MAX_LISTED = 1000;

    public long different() {
        return added + removed + changed;
    }
}
