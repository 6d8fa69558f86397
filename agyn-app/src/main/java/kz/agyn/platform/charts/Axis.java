package kz.agyn.platform.charts;

import java.util.List;
import java.util.Map;

/**
 * An x or y axis: categories (periods, groups, options) or values. Built step by step, since an axis uses only a
 * few of its many settings; written as the object ECharts reads.
 */
public final class Axis extends JsonObject<Axis> {

    private Axis(String type) {
        set("type", type);
    }

    /** An axis of these categories, in this order. */
    public static Axis category(List<?> categories) {
        return new Axis("category").set("data", categories);
    }

    /** An axis of values. */
    public static Axis value() {
        return new Axis("value");
    }

    /** The axis's name, written at its end: a unit ("%", "₸") or what it measures. */
    public Axis named(String name) {
        return set("name", name);
    }

    /** The name written along the middle of the axis, {@code gap} pixels from it. */
    public Axis nameInMiddle(int gap) {
        return set("nameLocation", "middle").set("nameGap", gap);
    }

    public Axis min(Number min) {
        return set("min", min);
    }

    public Axis max(Number max) {
        return set("max", max);
    }

    /** Categories from the top down (the first at the top of a horizontal bar chart). */
    public Axis inverse() {
        return set("inverse", true);
    }

    /** Alternate shaded bands behind the categories: the rows and columns of a heatmap. */
    public Axis splitAreas() {
        return set("splitArea", Map.of("show", true));
    }

    public Axis labels(AxisLabel label) {
        return set("axisLabel", label);
    }
}
