package kz.agyn.warehouse;

import java.time.OffsetDateTime;

import kz.agyn.reference.Names;

/**
 * A dataset of the warehouse with its current version. {@code retired} (who, when, why) when an administrator
 * retired it: the explorer, the metrics and the exports leave it out unless it is named (decision 0033).
 */
public record DatasetInfo(String code, Names title, String publisher, String citation, String url, String licence,
                          boolean synthetic, Integer currentVersion, OffsetDateTime lastImported, long rows,
                          DatasetVersion.Withdrawal retired) {

    public DatasetInfo(String code, Names title, String publisher, String citation, String url, String licence,
                       boolean synthetic, Integer currentVersion, OffsetDateTime lastImported, long rows) {
        this(code, title, publisher, citation, url, licence, synthetic, currentVersion, lastImported, rows, null);
    }
}
