package kz.agyn.platform.charts;

import com.fasterxml.jackson.annotation.JsonInclude;

/** The colour of a series' bars or of one data item; a map's area and border colours. */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record ItemStyle(String color, String areaColor, String borderColor) {

    public static ItemStyle color(String color) {
        return new ItemStyle(color, null, null);
    }

    static ItemStyle area(String areaColor, String borderColor) {
        return new ItemStyle(null, areaColor, borderColor);
    }
}
