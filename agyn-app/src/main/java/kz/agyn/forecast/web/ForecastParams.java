package kz.agyn.forecast.web;

import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

import io.swagger.v3.oas.annotations.Parameter;
import kz.agyn.forecast.SeriesChoice;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.kernel.UserException;
import org.springdoc.core.annotations.ParameterObject;

/**
 * The query string of the forecast page, its exports and {@code GET /api/v1/forecasts}: the series (indicator and
 * dimension codes, as the explorer and {@code /api/v1/observations} take them), the horizon, the method and TRAMO's
 * transformation. The whole state of a forecast is this address (decision 0028).
 */
@ParameterObject
record ForecastParams(
        @Parameter(description = "Indicator code, e.g. EMIGRANTS") String indicator,
        @Parameter(description = "KATO code, or KZ for Kazakhstan as a whole (the default)") String region,
        @Parameter(description = "ISCO-08 code, e.g. 2 (professionals); default the total") String occupation,
        @Parameter(description = "ISCED code; default the total") String education,
        @Parameter(description = "ISO 3166 alpha-2 destination/origin; default the total") String country,
        @Parameter(description = "F, M or _T") String sex,
        @Parameter(description = "Age group, e.g. Y25T34") String age,
        @Parameter(description = "EMI, IMM or NET") String flow,
        @Parameter(description = "Dataset code (default: the one holding the longest series)") String dataset,
        @Parameter(description = "Periods ahead, 1 to 10 years' worth (default 5 years)") String horizon,
        @Parameter(description = "AUTO (chosen by backtest), TRAMO, NAIVE, DRIFT, DAMPED, THETA or COMBINATION")
        String method,
        @Parameter(description = "TRAMO's transformation: AUTO (log/level test), LOG or LEVEL") String transform) {

    SeriesChoice choice() {
        return SeriesChoice.of(indicator, region, occupation, education, country, sex, age, flow, dataset);
    }

    /** The horizon asked for, or null for the default; text that is no whole number is refused. */
    Integer horizonValue() {
        if (horizon == null || horizon.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(horizon.trim());
        } catch (NumberFormatException e) {
            throw new UserException(UserException.Kind.INVALID, "forecast.error.horizonNotNumber", horizon.trim());
        }
    }

    Method methodValue() {
        return Method.parse(method).orElseThrow(() -> new UserException(UserException.Kind.INVALID,
                "forecast.error.unknownMethod", method));
    }

    Transform transformValue() {
        return Transform.parse(transform).orElseThrow(() -> new UserException(UserException.Kind.INVALID,
                "forecast.error.unknownTransform", transform));
    }

    /** The parameters given, by name, in a stable order (for links and exports). */
    Map<String, String> given() {
        Map<String, String> m = new LinkedHashMap<>();
        String[][] pairs = {{"indicator", indicator}, {"region", region}, {"occupation", occupation},
                {"education", education}, {"country", country}, {"sex", sex}, {"age", age}, {"flow", flow},
                {"dataset", dataset}, {"horizon", horizon}, {"method", method}, {"transform", transform}};
        for (String[] p : pairs) {
            Optional.ofNullable(p[1]).filter(v -> !v.isBlank()).ifPresent(v -> m.put(p[0], v.trim()));
        }
        return m;
    }

}
