package kz.agyn.warehouse;

import java.time.OffsetDateTime;

import kz.agyn.reference.Names;

/** A dataset of the warehouse with its current version. */
public record DatasetInfo(String code, Names title, String publisher, String citation, String url, String licence,
                          boolean synthetic, Integer currentVersion, OffsetDateTime lastImported, long rows) {
}
