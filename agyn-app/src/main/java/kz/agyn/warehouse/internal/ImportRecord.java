package kz.agyn.warehouse.internal;

import java.time.OffsetDateTime;
import java.util.UUID;

import kz.agyn.warehouse.ImportStatus;

/** An import as stored: the report is kept as JSON with message codes, rendered in the reader's language. */
public record ImportRecord(UUID id, String dataset, String fileName, String format, String sha256, long size,
                           String mappingJson, ImportStatus status, Integer rows, Integer problemCount, String reportJson,
                           Integer versionId, Integer version, String createdBy, OffsetDateTime createdAt) {
}
