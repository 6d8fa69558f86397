package kz.agyn.forecast.internal;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import kz.agyn.forecast.engine.ForecastEngine;
import kz.agyn.forecast.engine.ForecastException;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.measure.KpiPoint;
import kz.agyn.measure.KpiProjection;
import kz.agyn.measure.Measure;
import kz.agyn.measure.Projection;
import kz.agyn.measure.TrendProjection;
import org.springframework.context.annotation.Primary;
import org.springframework.stereotype.Component;

/**
 * Where a measure's KPI is heading, by the forecasts of issue 18 wherever its values allow one: at least
 * {@value ForecastEngine#MIN_POINTS} consecutive yearly values are forecast to the deadline with the method the
 * backtest picks and its calibrated 80% interval (decisions 0037, 0038); fewer values, or a year missing, keep the
 * straight trend of decision 0039, which needs only two. The board's light then reads the forecast where there is
 * one, as the issue asks.
 */
@Component
@Primary
class ForecastKpiProjection implements KpiProjection {

    /** The interval the light reads: the forecast's 80% one, as the trend's. */
    static final double LEVEL = 0.80;

    private final ForecastEngine engine = new ForecastEngine();
    private final TrendProjection trend;

    ForecastKpiProjection(TrendProjection trend) {
        this.trend = trend;
    }

    @Override
    public Optional<Projection> project(Measure measure, List<KpiPoint> actual, int toYear) {
        if (actual.size() < ForecastEngine.MIN_POINTS || !consecutive(actual)) {
            return trend.project(measure, actual, toYear);
        }
        int last = actual.get(actual.size() - 1).year();
        int horizon = toYear - last;
        if (horizon < 1 || horizon > ForecastEngine.maxHorizon(1)) {
            return trend.project(measure, actual, toYear);
        }
        double[] y = actual.stream().mapToDouble(KpiPoint::value).toArray();
        Prediction p;
        try {
            p = engine.forecast(y, 1, horizon, Method.AUTO, Transform.AUTO).prediction();
        } catch (ForecastException e) {
            // A series the forecasts refuse (zeros under a log, say) still has a trend.
            return trend.project(measure, actual, toYear);
        }
        List<Projection.Point> points = new ArrayList<>();
        for (int h = 0; h < horizon; h++) {
            points.add(new Projection.Point(last + 1 + h, p.mean()[h], p.lo80()[h], p.hi80()[h]));
        }
        return Optional.of(new Projection("forecast", LEVEL, points));
    }

    private static boolean consecutive(List<KpiPoint> actual) {
        for (int i = 1; i < actual.size(); i++) {
            if (actual.get(i).year() != actual.get(i - 1).year() + 1) {
                return false;
            }
        }
        return true;
    }
}
