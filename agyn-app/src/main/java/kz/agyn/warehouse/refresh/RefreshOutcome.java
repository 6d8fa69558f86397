package kz.agyn.warehouse.refresh;

import java.util.List;
import java.util.UUID;

import kz.agyn.warehouse.ImportReport;

/**
 * What a refresh did. {@code result}: a new version was written; nothing new (the message holds the current
 * version's data); the message equals an earlier version, which is not made current by a refresh; it was only
 * checked (clean, not written); it has problems (see {@code report}); the write was cancelled. {@code report} is the
 * import's report (null when nothing was imported), {@code leftOut} what the connector left out before the import.
 */
public record RefreshOutcome(String dataset, Result result, String url, UUID importId, Integer version,
                             Integer currentVersion, ImportReport report, List<String> leftOut) {

    public enum Result { NEW_VERSION, NOTHING_NEW, EARLIER_VERSION, CHECKED, INVALID, CANCELLED }
}
