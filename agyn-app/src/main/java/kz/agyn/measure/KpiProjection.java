package kz.agyn.measure;

import java.util.List;
import java.util.Optional;

/**
 * Projects a KPI's actual values to a year. The board's traffic light reads whatever projection is configured
 * ({@link StatusRule}); {@link TrendProjection} is the one shipped, and a forecast of the KPI's series (the
 * forecasts of issue 18) can take its place as another bean of this type, marked {@code @Primary}.
 */
public interface KpiProjection {

    /**
     * The projection for every year after the last actual value up to {@code toYear}, or empty when the values
     * do not allow one (too few, or already past {@code toYear}).
     *
     * @param measure the measure, for a projection that reads its series itself (a forecast of the indicator)
     * @param actual  the actual values, one a year, in order
     */
    Optional<Projection> project(Measure measure, List<KpiPoint> actual, int toYear);
}
