package kz.agyn.platform.charts;

import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonValue;

/**
 * The parts of an option that use only a few of ECharts' many settings (the option, an axis, a series): built
 * step by step into an ordered map of exactly the keys set, which the JSON mapper writes as it is.
 *
 * @param <T> the part itself, returned by each step
 */
abstract class JsonObject<T extends JsonObject<T>> {

    private final Map<String, Object> fields = new LinkedHashMap<>();

    @SuppressWarnings("unchecked")
    final T set(String key, Object value) {
        fields.put(key, value);
        return (T) this;
    }

    final Object get(String key) {
        return fields.get(key);
    }

    @JsonValue
    final Map<String, Object> json() {
        return Collections.unmodifiableMap(fields);
    }
}
