package kz.agyn.forecast.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

import kz.agyn.forecast.engine.ForecastEngine;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import kz.agyn.measure.KpiFormula;
import kz.agyn.measure.KpiPoint;
import kz.agyn.measure.KpiUnit;
import kz.agyn.measure.Measure;
import kz.agyn.measure.MeasureStatus;
import kz.agyn.measure.Projection;
import kz.agyn.measure.StatusRule;
import kz.agyn.measure.TrafficLight;
import kz.agyn.measure.TrendProjection;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;

/**
 * The measures board's light reads a forecast of the KPI where its values allow one (five consecutive years or
 * more), the engine's own forecast to the deadline with its 80% interval, and the straight trend otherwise.
 */
class ForecastKpiProjectionTest {

    private final ForecastKpiProjection projection = new ForecastKpiProjection(new TrendProjection());

    /** Baseline 40 % in 2018, target 70 % by the end of 2030. */
    private static Measure measure() {
        return new Measure(1, new Names("a", "b", "c"), new Names("a", "b", "c"), null, null, KpiFormula.manual(),
                KpiUnit.PERCENT, new Measure.YearValue(BigDecimal.valueOf(40), 2018),
                new Measure.YearValue(BigDecimal.valueOf(70), 2030), LocalDate.of(2030, 12, 31),
                MeasureStatus.ADOPTED, false, "t", Instant.EPOCH);
    }

    private static List<KpiPoint> yearly(int from, double... values) {
        List<KpiPoint> out = new ArrayList<>();
        for (int i = 0; i < values.length; i++) {
            out.add(new KpiPoint(from + i, Integer.toString(from + i), values[i], null));
        }
        return out;
    }

    @Test
    void sevenYearsAreForecastToTheDeadlineWithTheEnginesOwnFigures() {
        double[] values = {40, 43.2, 45.9, 49.1, 52, 55.2, 57.9};
        Projection p = projection.project(measure(), yearly(2018, values), 2030).orElseThrow();
        Prediction engine = new ForecastEngine().forecast(values, 1, 6, Method.AUTO, Transform.AUTO).prediction();

        assertThat(p.method()).isEqualTo("forecast");
        assertThat(p.level()).isEqualTo(0.80);
        assertThat(p.points()).extracting(Projection.Point::year).containsExactly(2025, 2026, 2027, 2028, 2029, 2030);
        for (int h = 0; h < 6; h++) {
            Projection.Point point = p.points().get(h);
            assertThat(point.value()).isEqualTo(engine.mean()[h]);
            assertThat(point.lower()).isEqualTo(engine.lo80()[h]).isLessThan(point.value());
            assertThat(point.upper()).isEqualTo(engine.hi80()[h]).isGreaterThan(point.value());
        }
        // A steady rise of about 3 points a year reaches 70 % by 2030: on track, and the reason names the forecast.
        assertThat(p.points().get(5).value()).isGreaterThan(70);
        StatusRule.Verdict v = StatusRule.judge(measure(), yearly(2018, values), p, LocalDate.of(2025, 6, 1));
        assertThat(v.light()).isEqualTo(TrafficLight.ON_TRACK);
        assertThat(v.reason()).isEqualTo("projectedForecast");
    }

    @Test
    void fewerYearsOrAGapKeepTheTrend() {
        assertThat(projection.project(measure(), yearly(2021, 40, 44, 47, 51), 2030).orElseThrow().method())
                .isEqualTo("trend");
        List<KpiPoint> gap = new ArrayList<>(yearly(2016, 40, 41, 43));
        gap.addAll(yearly(2020, 47, 49, 50));
        assertThat(projection.project(measure(), gap, 2030).orElseThrow().method()).isEqualTo("trend");
        StatusRule.Verdict v = StatusRule.judge(measure(), gap, projection.project(measure(), gap, 2030)
                .orElseThrow(), LocalDate.of(2025, 6, 1));
        assertThat(v.reason()).doesNotEndWith("Forecast");
    }
}
