package kz.agyn.warehouse;

import java.time.OffsetDateTime;

/**
 * A mapping saved under a name, to load the next edition of the same publication in one click. {@code dataset}
 * is the dataset its files usually go to, or null.
 */
public record ImportTemplate(String name, String description, String dataset, ImportMapping mapping,
                             String updatedBy, OffsetDateTime updatedAt) {
}
