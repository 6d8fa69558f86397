package kz.agyn.warehouse.web;

import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;

import kz.agyn.warehouse.ImportException;

/**
 * The {@code asOf} parameter: a date gives the data as they stood at the end of that day (UTC), as it always did;
 * a date and time gives them at that instant, which tells apart two versions imported on the same day. A time
 * without an offset is read as UTC, the zone the versions page shows.
 */
final class AsOf {

    private AsOf() {
    }

    static OffsetDateTime parse(String text) {
        String t = Params.blank(text);
        if (t == null) {
            return null;
        }
        try {
            if (t.length() == 10) {
                // The end of the day: everything current at any moment of it up to midnight.
                return LocalDate.parse(t).plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC).minusNanos(1000);
            }
            if (t.endsWith("Z") || t.matches(".*[+-]\\d{2}:?\\d{2}$")) {
                return OffsetDateTime.parse(t);
            }
            return LocalDateTime.parse(t).atOffset(ZoneOffset.UTC);
        } catch (DateTimeParseException e) {
            throw new ImportException("warehouse.query.badAsOf", t);
        }
    }
}
