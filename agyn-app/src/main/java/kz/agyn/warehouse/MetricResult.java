package kz.agyn.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A metric computed from the warehouse, period by period, with the inputs each value came from and the
 * dataset versions they were read from. {@code missing} names the inputs the warehouse lacked.
 * {@code personCounts} names the inputs that count persons, to which the small-cell rule applies (see
 * {@link Disclosure}); {@code suppressedPoints} is how many points had their value withheld from this reader.
 * {@code syntheticSources} names the datasets among the sources that are synthetic demonstration data: where no
 * published figure exists yet for an input, the page must say that the value rests on invented data.
 * {@code notes} says, in the reader's language, what the metric chose where the request left it open (the
 * occupation of a pay gap when pay for all occupations is not held), so a value never rests on an unstated choice.
 */
public record MetricResult(String metric, String name, String formula, String explanation, String unit,
                           String reference, String region, List<Point> points, List<String> sources,
                           List<String> missing, List<String> personCounts, int suppressedPoints,
                           List<String> syntheticSources, List<String> preference,
                           List<String> notes) {

    /** The same result for an area shown under another code (the whole country is "KZ" outside). */
    public MetricResult inRegion(String shown) {
        return new MetricResult(metric, name, formula, explanation, unit, reference, shown, points, sources, missing,
                personCounts, suppressedPoints, syntheticSources, preference, notes);
    }

    /**
     * One period's value and its inputs. For a reader who may not see small cells, an input counting 1–4 persons
     * is null, and so is the value computed from it, with {@code suppressed} true. {@code sources} names, for each
     * input read from the warehouse, the dataset version and indicator it came from ("wb-wdi-ppp v1 · PPP_FACTOR");
     * the request's own parameters (a window, a step) have none.
     */
    public record Point(String period, BigDecimal value, Map<String, BigDecimal> inputs, boolean suppressed,
                        Map<String, String> sources) {

        public Point(String period, BigDecimal value, Map<String, BigDecimal> inputs, boolean suppressed) {
            this(period, value, inputs, suppressed, Map.of());
        }
    }
}
