package kz.agyn.platform.charts;

import com.fasterxml.jackson.annotation.JsonInclude;

/** When and where the tooltip shows: for the whole axis under the pointer, for one item, or at a set place. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Tooltip(String trigger, AxisPointer axisPointer, String position) {

    /** How the axis under the pointer is marked: "shadow" shades the whole category (bars). */
    public record AxisPointer(String type) {
    }

    /** Every series' value at the category under the pointer. */
    public static Tooltip axis() {
        return new Tooltip("axis", null, null);
    }

    /** As {@link #axis()}, the category shaded: for bars, where a line would hide behind them. */
    public static Tooltip axisShaded() {
        return new Tooltip("axis", new AxisPointer("shadow"), null);
    }

    /** The one item under the pointer (a region of a map). */
    public static Tooltip item() {
        return new Tooltip("item", null, null);
    }

    /** The item's value at a fixed place relative to it ("top"): for a heatmap's cells. */
    public static Tooltip at(String position) {
        return new Tooltip(null, null, position);
    }
}
