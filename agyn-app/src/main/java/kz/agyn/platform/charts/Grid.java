package kz.agyn.platform.charts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The margins of the plotting area in pixels. With {@code containLabel} the margins are counted from the axis
 * labels, so that long category names are not cut.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Grid(int left, int right, int top, int bottom, Boolean containLabel) {

    public static Grid margins(int left, int right, int top, int bottom) {
        return new Grid(left, right, top, bottom, null);
    }

    /** These margins counted from the labels. */
    public Grid containingLabels() {
        return new Grid(left, right, top, bottom, true);
    }
}
