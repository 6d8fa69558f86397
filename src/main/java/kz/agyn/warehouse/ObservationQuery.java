package kz.agyn.warehouse;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.Map;

/**
 * A selection of observations. Each dimension filter is a code ("_T" for the total) or null for any;
 * {@code periodFrom}/{@code periodTo} bound the period's start; {@code asOf} gives the data as published on
 * that date (the latest version of each dataset imported by then) instead of the current versions.
 */
public record ObservationQuery(String indicator, Map<Dimension, String> filters, String periodFrom, String periodTo,
                               String dataset, LocalDate asOf, int page, int size) {

    public static final int MAX_PAGE_SIZE = 10_000;

    public ObservationQuery {
        filters = filters == null ? Map.of() : Map.copyOf(filters);
        page = Math.max(page, 0);
        size = size <= 0 ? 1000 : Math.min(size, MAX_PAGE_SIZE);
    }

    public static ObservationQuery of(String indicator) {
        return new ObservationQuery(indicator, new EnumMap<>(Dimension.class), null, null, null, null, 0, 1000);
    }
}
