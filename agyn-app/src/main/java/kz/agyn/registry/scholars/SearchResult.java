package kz.agyn.registry.scholars;

import java.util.List;

/**
 * One page of a registry search: its lines, the true number found, the page (from 0) and its size.
 */
public record SearchResult(List<ScholarSummary> rows, long total, int page, int size) {

    /** How many pages the search fills, at least one. */
    public int pages() {
        return (int) Math.max(1, (total + size - 1) / size);
    }

    /** The position (from 1) of this page's first line, 0 when nothing was found. */
    public long from() {
        return rows.isEmpty() ? 0 : (long) page * size + 1;
    }

    /** The position of this page's last line. */
    public long to() {
        return (long) page * size + rows.size();
    }
}
