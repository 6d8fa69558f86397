package kz.agyn.platform.charts;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * How an axis writes its labels: every one ({@code interval} 0) or as many as fit, turned by {@code rotate}
 * degrees, wrapped ("break") or cut ("truncate") at {@code width} pixels, in a smaller font.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record AxisLabel(Integer interval, Integer rotate, Integer width, String overflow, Integer fontSize,
                        Integer lineHeight) {

    /** Every label, wrapped onto more lines beyond {@code width}: category names that must all be read. */
    public static AxisLabel everyWrappedAt(int width) {
        return new AxisLabel(0, null, width, "break", null, null);
    }

    /** Labels cut with an ellipsis beyond {@code width}. */
    public static AxisLabel truncatedAt(int width) {
        return new AxisLabel(null, null, width, "truncate", null, null);
    }

    /** Labels turned by {@code degrees}. */
    public static AxisLabel rotated(int degrees) {
        return new AxisLabel(null, degrees, null, null, null, null);
    }

    /** These labels turned by {@code degrees}. */
    public AxisLabel turned(int degrees) {
        return new AxisLabel(interval, degrees, width, overflow, fontSize, lineHeight);
    }

    /** These labels in a font of this size and line height. */
    public AxisLabel font(int size, int height) {
        return new AxisLabel(interval, rotate, width, overflow, size, height);
    }
}
