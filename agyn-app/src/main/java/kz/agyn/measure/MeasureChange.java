package kz.agyn.measure;

import java.time.Instant;

/**
 * One field of a measure changed, or the measure created ({@code field} "created"), or a value reported.
 *
 * @param field    the field's name in the draft ({@code targetValue}, {@code deadline}…)
 * @param oldValue the value before, as text, or null
 * @param newValue the value after, as text, or null
 */
public record MeasureChange(String field, String oldValue, String newValue, String changedBy, Instant changedAt) {
}
