package kz.agyn.warehouse;

import java.time.OffsetDateTime;
import java.util.EnumMap;
import java.util.Map;

/**
 * A selection of observations. Each dimension filter is a code ("_T" for the total) or null for any;
 * {@code periodFrom}/{@code periodTo} bound the period's start. By default the current version of each dataset is
 * read; {@code version} reads that version of {@code dataset} instead (it needs the dataset: version numbers are
 * per dataset), and {@code asOf} reads the versions that were current at that instant.
 */
public record ObservationQuery(String indicator, Map<Dimension, String> filters, String periodFrom, String periodTo,
                               String dataset, Integer version, OffsetDateTime asOf, int page, int size) {

    public static final int MAX_PAGE_SIZE = 10_000;

    public ObservationQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        page = Math.max(page, 0);
        size = size <= 0 ? 1000 : Math.min(size, MAX_PAGE_SIZE);
    }

    /** The current versions, or those current at {@code asOf}. */
    public ObservationQuery(String indicator, Map<Dimension, String> filters, String periodFrom, String periodTo,
                            String dataset, OffsetDateTime asOf, int page, int size) {
        this(indicator, filters, periodFrom, periodTo, dataset, null, asOf, page, size);
    }

    public static ObservationQuery of(String indicator) {
        return new ObservationQuery(indicator, new EnumMap<>(Dimension.class), null, null, null, null, null, 0, 1000);
    }
}
