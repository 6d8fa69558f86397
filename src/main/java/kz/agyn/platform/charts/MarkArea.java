package kz.agyn.platform.charts;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A shaded band across the plot, such as a reference value's range, named at its edge. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkArea(ItemStyle itemStyle, List<List<Map<String, Object>>> data) {

    /** A horizontal band from {@code from} to {@code to} on the value axis, in {@code color}, named {@code name}. */
    public static MarkArea horizontalBand(String color, String name, Object from, Object to) {
        return new MarkArea(ItemStyle.color(color), List.of(List.of(Map.of("name", name, "yAxis", from),
                Map.of("yAxis", to))));
    }
}
