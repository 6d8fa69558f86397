package kz.agyn.warehouse;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;

/**
 * A metric computed from the warehouse, period by period, with the inputs each value came from and the
 * dataset versions they were read from. {@code missing} names the inputs the warehouse lacked.
 */
public record MetricResult(String metric, String name, String formula, String explanation, String unit,
                           String reference, String region, List<Point> points, List<String> sources,
                           List<String> missing) {

    /** One period's value and its inputs. */
    public record Point(String period, BigDecimal value, Map<String, BigDecimal> inputs) {
    }
}
