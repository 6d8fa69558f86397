package kz.agyn.platform.charts;

import java.util.List;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The colour scale of a map or heatmap, with a handle to narrow it ({@code calculable}). */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record VisualMap(Number min, Number max, String left, Integer bottom, Boolean calculable, String orient,
                        List<String> text, InRange inRange) {

    /** The colours from the low end of the scale to the high. */
    public record InRange(List<String> color) {
    }

    /** The house scale of the maps: pale to deep blue. */
    static final InRange BLUES = new InRange(List.of("#e0f3f8", "#08589e"));

    /**
     * The maps' scale: from zero to {@code max}, blue, at the bottom left, {@code caption} written at its high end.
     */
    public static VisualMap shading(Number max, String caption) {
        return new VisualMap(0, max, "left", 10, true, null, List.of(caption, ""), BLUES);
    }

    /** A horizontal scale centred under the chart, in ECharts' default colours: for a heatmap. */
    public static VisualMap horizontal(Number min, Number max) {
        return new VisualMap(min, max, "center", 0, true, "horizontal", null, null);
    }
}
