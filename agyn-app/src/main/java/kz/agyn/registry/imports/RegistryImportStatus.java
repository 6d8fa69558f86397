package kz.agyn.registry.imports;

import java.time.Instant;
import java.util.UUID;

/**
 * Where a bulk import stands, as the page, the API and the command line show it. {@code status} is RUNNING until
 * the import ends, then the report's status ({@link RegistryImportState}; INTERRUPTED when the application stopped
 * while it ran, told by its stored record after the restart). {@code done} and
 * {@code total} count the current phase's units (bytes while reading, rows after); {@code percent} is -1 when the
 * phase's size is unknown. Counts only: no row's content, so no personal data.
 */
public record RegistryImportStatus(UUID id, boolean write, RegistryImportState status, RegistryImportProgress.Phase phase,
                                   long done, long total, int percent, long rows, boolean finished,
                                   boolean cancelRequested, Instant startedAt, String startedBy,
                                   RegistryImportReport report) {
}
