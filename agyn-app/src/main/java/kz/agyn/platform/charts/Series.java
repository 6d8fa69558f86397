package kz.agyn.platform.charts;

import java.util.List;
import java.util.Map;

/**
 * One series of a chart: its kind, name and data and the few settings the pages use. Built step by step and
 * written as the object ECharts reads. A series without a name (a single one, named by the chart's title) has
 * no {@code name} key at all.
 */
public final class Series extends JsonObject<Series> {

    /** The house colours: teal for a single or first series, orange against it. */
    public static final String TEAL = "#1f6f8b";
    public static final String ORANGE = "#e07a1f";

    private Series(String type, String name, List<?> data) {
        if (name != null) {
            set("name", name);
        }
        set("type", type).set("data", data);
    }

    /** A line through the values, one per category; a null is a gap. */
    public static Series line(String name, List<?> data) {
        return new Series("line", name, data);
    }

    /** A bar per value. */
    public static Series bar(String name, List<?> data) {
        return new Series("bar", name, data);
    }

    /** The cells of a heatmap as {@code [column, row, value]}. */
    public static Series heatmap(String name, List<?> data) {
        return new Series("heatmap", name, data);
    }

    /**
     * The regions of Kazakhstan (the "kz" map agyn.js registers), matched by KATO code: the data are
     * {@link Point}s named by code. Regions without a value are light grey.
     */
    public static Series regions(List<Point> data) {
        return new Series("map", null, data).set("map", "kz").set("nameProperty", "KATO")
                .set("itemStyle", ItemStyle.area("#f2f2f2", "#888"));
    }

    /**
     * 95% intervals drawn as error bars over the bars of another series, {@code [index, low, high]} each: a
     * custom series that agyn.js recognises by {@code agynErrorBars} and draws above the bars.
     */
    public static Series errorBars(String name, List<?> data) {
        return new Series("custom", name, data).set("agynErrorBars", true).set("z", 10);
    }

    /** Bars of the same {@code stack} are piled on each other. */
    /**
     * The lower edge of a band (a prediction interval): an invisible line that the band's {@link #bandWidth} is
     * stacked on. Named, so that the chart's CSV has a column of the lower bounds; out of the tooltip.
     */
    public static Series bandBase(String name, String stack, List<?> lower) {
        return new Series("line", name, lower).set("stack", stack).set("symbol", "none")
                .set("lineStyle", Map.of("opacity", 0)).set("tooltip", Map.of("show", false));
    }

    /**
     * A band drawn as the area from its {@link #bandBase} up by {@code width} (upper − lower). The chart's CSV
     * takes the upper bounds ({@code agynCsv}) rather than the widths ECharts stacks; out of the tooltip.
     */
    public static Series bandWidth(String name, String stack, List<?> width, List<?> upper, String color,
                                   double opacity) {
        return new Series("line", name, width).set("stack", stack).set("symbol", "none")
                .set("lineStyle", Map.of("opacity", 0)).set("areaStyle", Map.of("color", color, "opacity", opacity))
                .set("itemStyle", ItemStyle.color(color)).set("tooltip", Map.of("show", false)).set("agynCsv", upper);
    }

    /** A dashed line (a forecast beside the observed values). */
    public Series dashed() {
        return set("lineStyle", Map.of("type", "dashed", "width", 2));
    }

    public Series stacked(String stack) {
        return set("stack", stack);
    }

    public Series color(String color) {
        return set("itemStyle", ItemStyle.color(color));
    }

    /** Each value written on its bar or cell at {@code position} ("top", "right", "insideBottom"). */
    public Series valueLabels(String position) {
        return set("label", Map.of("show", true, "position", position));
    }

    /** Each value written in its cell. */
    public Series valueLabels() {
        return set("label", Map.of("show", true));
    }

    /** A missing value breaks the line instead of being bridged. */
    public Series gapsAtNulls() {
        return set("connectNulls", false);
    }

    /** A step line that keeps each value until the next ({@code [x, y]} data): a survival curve. */
    public Series steps() {
        return set("step", "end").set("showSymbol", false);
    }

    public Series lineWidth(Number width) {
        return set("lineStyle", Map.of("width", width));
    }

    public Series markArea(MarkArea area) {
        return set("markArea", area);
    }

    /** The map stays put: no zooming or panning. */
    public Series fixed() {
        return set("roam", false);
    }

    /**
     * The unit of a map's values ("persons", "%"), which agyn.js writes after the value in each region's tooltip and
     * in the header of the data's CSV (it removes the key before ECharts sees the option).
     */
    public Series unit(String unit) {
        return set("agynUnit", unit);
    }

    /**
     * A band of a fan chart: this line, stacked on the band's lower edge (a series of the same {@code stack}
     * drawn with opacity 0), is the band's width, shaded at {@code opacity}; no line, no points. agyn.js leaves
     * band series out of the tooltip ({@code agynBand}), which names the central lines only.
     */
    public Series band(double opacity) {
        return set("areaStyle", Map.of("opacity", opacity)).set("lineStyle", Map.of("opacity", 0))
                .set("symbol", "none").set("agynBand", true);
    }

    /** Each value's 95% band, {@code [low, high]}, which agyn.js writes beside the value in a fan chart's tooltip. */
    public Series ranges(List<?> ranges) {
        return set("agynRange", ranges);
    }

    /** The region's name shown while the pointer is on it. */
    public Series namesOnHover() {
        return set("emphasis", Map.of("label", Map.of("show", true)));
    }
}
