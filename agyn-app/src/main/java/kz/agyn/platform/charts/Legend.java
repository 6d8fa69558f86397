package kz.agyn.platform.charts;

import java.util.List;
import java.util.Map;

import com.fasterxml.jackson.annotation.JsonInclude;

/**
 * The legend: wrapped onto as many lines as it needs at the top, or scrolling at the bottom, optionally with the
 * names it lists and which of them start switched on.
 */
@JsonInclude(JsonInclude.Include.NON_NULL)
public record Legend(String type, Integer top, Integer bottom, List<String> data, Map<String, Boolean> selected) {

    /** A scrolling legend below the chart. */
    public static Legend scrollingAtBottom() {
        return new Legend("scroll", null, 0, null, null);
    }

    /**
     * A plain legend above the chart, every name on it: agyn.js wraps it onto as many lines as the names need and
     * makes the chart that much taller, where a scrolling legend would hide the names behind page numbers.
     */
    public static Legend wrappedAtTop() {
        return new Legend(null, 0, null, null, null);
    }

    /** A plain legend above the chart listing these names. */
    public static Legend atTop(List<String> names) {
        return new Legend(null, 0, null, names, null);
    }

    /** This legend listing these names. */
    public Legend listing(List<String> names) {
        return new Legend(type, top, bottom, names, selected);
    }

    /** This legend with the series switched on or off at the start. */
    public Legend selecting(Map<String, Boolean> switchedOn) {
        return new Legend(type, top, bottom, data, switchedOn);
    }
}
