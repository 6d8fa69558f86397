package kz.agyn.registry.monitoring;

import java.time.LocalDate;
import java.util.Map;

/**
 * What one monitoring pass did: tasks opened and closed per kind, the open tasks left per kind, and the time
 * taken (the re-evaluation of every obligation, when asked for, counted apart).
 */
public record MonitoringRun(LocalDate asOf, Map<TaskKind, Integer> opened, Map<TaskKind, Integer> closed,
                            Map<TaskKind, Integer> open, int awardsRecomputed, long recomputeMillis,
                            long monitorMillis) {

    public int openedTotal() {
        return opened.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int closedTotal() {
        return closed.values().stream().mapToInt(Integer::intValue).sum();
    }

    public int openTotal() {
        return open.values().stream().mapToInt(Integer::intValue).sum();
    }
}
