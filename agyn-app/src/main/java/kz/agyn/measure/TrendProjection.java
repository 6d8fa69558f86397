package kz.agyn.measure;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.hipparchus.distribution.continuous.TDistribution;
import org.springframework.stereotype.Component;

/**
 * A straight line through the actual values, least squares on the year, extended to the deadline with an 80%
 * prediction interval (decision 0039):
 * <pre>
 *   ŷ(x) = a + b·x,  interval ŷ(x) ± t(0.90; n−2) · s · √(1 + 1/n + (x − x̄)² / Σ(xᵢ − x̄)²)
 * </pre>
 * where s² is the residual variance with n − 2 degrees of freedom. Two values give the line without an interval
 * (no residual to estimate s from); one value gives nothing. Only the last {@value #WINDOW} values are used: a
 * measure is about where the KPI is going now, not where it went ten years ago.
 */
@Component
public class TrendProjection implements KpiProjection {

    /** The most recent values a trend is drawn through. */
    public static final int WINDOW = 8;

    /** The interval's nominal coverage. */
    public static final double LEVEL = 0.80;

    @Override
    public Optional<Projection> project(Measure measure, List<KpiPoint> actual, int toYear) {
        List<KpiPoint> used = actual.size() > WINDOW ? actual.subList(actual.size() - WINDOW, actual.size()) : actual;
        int n = used.size();
        if (n < 2) {
            return Optional.empty();
        }
        int last = used.get(n - 1).year();
        if (last >= toYear) {
            return Optional.empty();
        }
        double meanX = used.stream().mapToDouble(KpiPoint::year).average().orElseThrow();
        double meanY = used.stream().mapToDouble(KpiPoint::value).average().orElseThrow();
        double sxx = 0;
        double sxy = 0;
        for (KpiPoint p : used) {
            sxx += (p.year() - meanX) * (p.year() - meanX);
            sxy += (p.year() - meanX) * (p.value() - meanY);
        }
        if (sxx == 0) {
            return Optional.empty();
        }
        double slope = sxy / sxx;
        double intercept = meanY - slope * meanX;
        Double s = null;
        double t = 0;
        if (n > 2) {
            double sse = 0;
            for (KpiPoint p : used) {
                double r = p.value() - (intercept + slope * p.year());
                sse += r * r;
            }
            s = Math.sqrt(sse / (n - 2));
            t = new TDistribution(n - 2).inverseCumulativeProbability(0.5 + LEVEL / 2);
        }
        List<Projection.Point> points = new ArrayList<>();
        for (int year = last + 1; year <= toYear; year++) {
            double value = intercept + slope * year;
            if (s == null) {
                points.add(new Projection.Point(year, value, null, null));
            } else {
                double half = t * s * Math.sqrt(1 + 1.0 / n + (year - meanX) * (year - meanX) / sxx);
                points.add(new Projection.Point(year, value, value - half, value + half));
            }
        }
        return Optional.of(new Projection("trend", LEVEL, points));
    }
}
