package kz.agyn.registry.monitoring;

import java.util.List;

/** One page of the worklist: the lines, the total matching the filters and whether names are shown. */
public record WorklistPage(WorklistQuery query, long total, int pages, boolean personal, List<WorklistLine> lines) {
}
