package kz.agyn.platform.charts;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/** A shaded band across the plot, such as a reference value's range, named at its edge. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record MarkArea(ItemStyle itemStyle, Map<String, Object> label, List<List<Map<String, Object>>> data) {

    /** A horizontal band from {@code from} to {@code to} on the value axis, in {@code color}, named {@code name}. */
    public static MarkArea horizontalBand(String color, String name, Object from, Object to) {
        return new MarkArea(ItemStyle.color(color), null, List.of(List.of(Map.of("name", name, "yAxis", from),
                Map.of("yAxis", to))));
    }

    /**
     * This band with its name written at {@code position} ("insideTopLeft"): where no bar's value label is, since
     * by default ECharts centres it above the band, on top of the label of a bar that crosses it.
     */
    public MarkArea namedAt(String position) {
        return new MarkArea(itemStyle, Map.of("position", position, "color", "#7a2e33", "fontSize", 11), data);
    }
}
