package kz.agyn.platform.charts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * One data item given as an object rather than a bare value: a region of a map by its code ({@code name}), with
 * the text its tooltip shows ({@code label}), or a bar in a colour of its own.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Point(String name, Object value, String label, ItemStyle itemStyle) {

    /** A named value: a region's code and its value. */
    public static Point named(String name, Object value) {
        return new Point(name, value, null, null);
    }

    /** A value in its own colour. */
    public static Point colored(Object value, String color) {
        return new Point(null, value, null, ItemStyle.color(color));
    }

    /** This point with the text its tooltip shows. */
    public Point labelled(String text) {
        return new Point(name, value, text, itemStyle);
    }
}
