package kz.agyn.platform.charts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * A window on the x axis: a slider under the chart ({@code slider}) or the wheel and the fingers on the plot
 * ({@code inside}), opening on {@code startValue}–{@code endValue} with the whole range a drag away. The lines are
 * drawn whole ({@code filterMode} "none"), so a step line does not break at the window's edge.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record DataZoom(String type, Number startValue, Number endValue, String filterMode, Integer bottom,
                       Integer height) {

    /** A slider under the plot, opening on {@code from}–{@code to}. */
    public static DataZoom slider(Number from, Number to) {
        return new DataZoom("slider", from, to, "none", 4, 18);
    }

    /** Zooming with the wheel or two fingers over the plot, opening on {@code from}–{@code to}. */
    public static DataZoom inside(Number from, Number to) {
        return new DataZoom("inside", from, to, "none", null, null);
    }
}
