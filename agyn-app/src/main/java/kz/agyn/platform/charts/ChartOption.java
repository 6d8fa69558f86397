package kz.agyn.platform.charts;

import java.util.List;
import java.util.Map;

/**
 * A whole ECharts option, built part by part and written by the JSON mapper as the object agyn.js hands to
 * ECharts. Besides ECharts' own parts it carries Agyn's: the regions' names in the reader's language for a map,
 * and whether some series were left out.
 */
public final class ChartOption extends JsonObject<ChartOption> {

    public ChartOption tooltip(Tooltip tooltip) {
        return set("tooltip", tooltip);
    }

    public ChartOption legend(Legend legend) {
        return set("legend", legend);
    }

    public ChartOption grid(Grid grid) {
        return set("grid", grid);
    }

    public ChartOption xAxis(Axis axis) {
        return set("xAxis", axis);
    }

    public ChartOption yAxis(Axis axis) {
        return set("yAxis", axis);
    }

    public ChartOption visualMap(VisualMap visualMap) {
        return set("visualMap", visualMap);
    }

    /** Windows on the x axis: a slider and zooming over the plot, opening on the same part of it. */
    public ChartOption dataZoom(DataZoom... zooms) {
        return set("dataZoom", List.of(zooms));
    }

    public ChartOption series(List<Series> series) {
        return set("series", List.copyOf(series));
    }

    public ChartOption series(Series... series) {
        return series(List.of(series));
    }

    /**
     * The regions' names by KATO code, which agyn.js puts in the map's tooltips and labels in place of the codes
     * the map's outlines carry (it removes the key before ECharts sees the option).
     */
    public ChartOption regionNames(Map<String, String> names) {
        return set("regionNames", names);
    }

    /** Whether series were left out for there being too many to draw; the page says so. */
    public ChartOption truncated(boolean truncated) {
        return set("truncated", truncated);
    }

    /** The series, for a page that adds to one after the option is built. */
    public List<Series> series() {
        @SuppressWarnings("unchecked")
        List<Series> series = (List<Series>) get("series");
        return series == null ? List.of() : series;
    }
}
