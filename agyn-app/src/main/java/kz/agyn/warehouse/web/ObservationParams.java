package kz.agyn.warehouse.web;

import java.util.EnumMap;
import java.util.Map;

import io.swagger.v3.oas.annotations.Parameter;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.ObservationQuery;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query string of {@code GET /api/v1/observations}, bound once for both the JSON and the CSV answer. Filters
 * are codes ('_T' for a total, 'KZ' for the whole country); a blank value means "no filter".
 */
@ParameterObject
record ObservationParams(
        @Parameter(description = "Indicator code, e.g. EMIGRANTS") String indicator,
        @Parameter(description = "2022, 2022-Q3, 2022-07 or a range 2015:2022") String period,
        @Parameter(description = "KATO code, or KZ for Kazakhstan as a whole (_T and 000000000 are taken too)")
        String region,
        @Parameter(description = "ISCO-08 code") String occupation,
        @Parameter(description = "ISCED code") String education,
        @Parameter(description = "ISO 3166 alpha-2 destination/origin") String country,
        @Parameter(description = "F, M or _T") String sex,
        @Parameter(description = "Age group, e.g. Y25T34") String age,
        @Parameter(description = "EMI, IMM or NET") String flow,
        @Parameter(description = "Dataset code") String dataset,
        @Parameter(description = "Read this version of the dataset (needs dataset), current or not") Integer version,
        @Parameter(description = "The data as current on this date (end of day, UTC) or at this instant, e.g. "
                + "2024-05-01 or 2024-05-01T14:30:00Z") String asOf,
        @Parameter(description = "Page number from 0") Integer page,
        @Parameter(description = "Rows per page") Integer size) {

    ObservationQuery query(int defaultSize) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        put(filters, Dimension.REGION, WholeCountry.stored(Params.blank(region)));
        put(filters, Dimension.OCCUPATION, occupation);
        put(filters, Dimension.EDUCATION, education);
        put(filters, Dimension.COUNTRY, country);
        put(filters, Dimension.SEX, sex);
        put(filters, Dimension.AGE, age);
        put(filters, Dimension.FLOW, flow);
        String from = null;
        String to = null;
        if (period != null && !period.isBlank()) {
            String[] range = period.split(":", 2);
            from = range[0].isBlank() ? null : range[0].trim();
            to = range.length == 1 ? from : range[1].isBlank() ? null : range[1].trim();
        }
        return new ObservationQuery(Params.blank(indicator), filters, from, to, Params.blank(dataset), version,
                AsOf.parse(asOf), page == null ? 0 : page, size == null ? defaultSize : size);
    }

    private static void put(Map<Dimension, String> filters, Dimension d, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(d, value.trim());
        }
    }
}
