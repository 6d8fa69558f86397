package kz.agyn.measure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;

import kz.agyn.reference.Names;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.junit.jupiter.api.Test;

/** The trend's arithmetic checked by hand, and the traffic light's rule (decision 0039) branch by branch. */
class MeasureRulesTest {

    private static final LocalDate TODAY = LocalDate.of(2026, 6, 1);
    private final TrendProjection trend = new TrendProjection();

    /** Baseline 40 % in 2024, target 70 % by the end of 2030. */
    static Measure measure(double baseline, double target) {
        return new Measure(1, new Names("a", "b", "c"), new Names("a", "b", "c"), null, null, KpiFormula.manual(),
                KpiUnit.PERCENT, new Measure.YearValue(BigDecimal.valueOf(baseline), 2024),
                new Measure.YearValue(BigDecimal.valueOf(target), 2030), LocalDate.of(2030, 12, 31),
                MeasureStatus.ADOPTED, false, "t", Instant.EPOCH);
    }

    static List<KpiPoint> points(double... byYearFrom2022) {
        List<KpiPoint> out = new ArrayList<>();
        for (int i = 0; i < byYearFrom2022.length; i++) {
            out.add(new KpiPoint(2022 + i, Integer.toString(2022 + i), byYearFrom2022[i], null));
        }
        return out;
    }

    /**
     * 40, 44, 46, 50 in 2022–2025: x̄ = 2023.5, ȳ = 45, Sxx = 5, Sxy = 16, slope 3.2, ŷ(2030) = 45 + 6.5 × 3.2 = 65.8.
     * Residuals −0.2, 0.6, −0.6, 0.2: SSE = 0.8, s = √0.4; t(0.90; 2) = 1.885618;
     * half-width = 1.885618 × √0.4 × √(1 + 1/4 + 42.25/5) = 1.885618 × 0.632456 × 3.114482 = 3.714237.
     */
    @Test
    void theTrendAndItsIntervalAreThoseOfALeastSquaresLine() {
        Measure m = measure(40, 70);
        Projection p = trend.project(m, points(40, 44, 46, 50), 2030).orElseThrow();
        assertThat(p.points()).extracting(Projection.Point::year).containsExactly(2026, 2027, 2028, 2029, 2030);
        Projection.Point at = p.at(2030).orElseThrow();
        assertThat(at.value()).isCloseTo(65.8, within(1e-9));
        assertThat(at.upper() - at.value()).isCloseTo(3.714237, within(1e-5));
        assertThat(at.value() - at.lower()).isCloseTo(3.714237, within(1e-5));
        // 69.5 < 70: the target lies beyond the favourable bound, so off track.
        assertThat(StatusRule.judge(m, points(40, 44, 46, 50), p, TODAY).light()).isEqualTo(TrafficLight.OFF_TRACK);
        // A target of 69 lies inside the interval: at risk; of 65, below the projection: on track.
        Measure m69 = measure(40, 69);
        assertThat(StatusRule.judge(m69, points(40, 44, 46, 50), trend.project(m69, points(40, 44, 46, 50), 2030)
                .orElseThrow(), TODAY)).isEqualTo(new StatusRule.Verdict(TrafficLight.AT_RISK, "withinInterval"));
        Measure m65 = measure(40, 65);
        assertThat(StatusRule.judge(m65, points(40, 44, 46, 50), trend.project(m65, points(40, 44, 46, 50), 2030)
                .orElseThrow(), TODAY)).isEqualTo(new StatusRule.Verdict(TrafficLight.ON_TRACK, "projected"));
    }

    @Test
    void fewValuesAreJudgedAgainstThePlannedPath() {
        Measure m = measure(40, 70);
        assertThat(StatusRule.judge(m, List.of(), null, TODAY).light()).isEqualTo(TrafficLight.NO_DATA);
        assertThat(trend.project(m, points(0, 0, 0, 45), 2030)).isPresent();
        // One value in 2025: the path plans 40 + 30 × 1/6 = 45 by then.
        List<KpiPoint> one = List.of(new KpiPoint(2025, "2025", 45, null));
        assertThat(trend.project(m, one, 2030)).isEmpty();
        assertThat(StatusRule.planned(m, 2025)).isCloseTo(45, within(1e-9));
        assertThat(StatusRule.judge(m, one, null, TODAY).reason()).isEqualTo("onPath");
        assertThat(StatusRule.judge(m, List.of(new KpiPoint(2025, "2025", 43, null)), null, TODAY).reason())
                .isEqualTo("behindPath");
        assertThat(StatusRule.judge(m, List.of(new KpiPoint(2025, "2025", 41, null)), null, TODAY).reason())
                .isEqualTo("farBehindPath");
        assertThat(StatusRule.judge(m, List.of(new KpiPoint(2025, "2025", 71, null)), null, TODAY).reason())
                .isEqualTo("reached");
        assertThat(StatusRule.judge(m, List.of(new KpiPoint(2025, "2025", 60, null)), null,
                LocalDate.of(2031, 1, 1)).reason()).isEqualTo("deadlinePassed");
    }

    /** A target below the baseline (fewer is better) is judged the other way round. */
    @Test
    void aLowerTargetIsReachedFromAbove() {
        Measure m = measure(20, 10);
        assertThat(StatusRule.judge(m, List.of(new KpiPoint(2025, "2025", 9, null)), null, TODAY).light())
                .isEqualTo(TrafficLight.ON_TRACK);
        List<KpiPoint> falling = points(22, 20, 18, 16);
        assertThat(StatusRule.judge(m, falling, trend.project(m, falling, 2030).orElseThrow(), TODAY).light())
                .isEqualTo(TrafficLight.ON_TRACK);
        List<KpiPoint> rising = points(16, 18, 20, 22);
        assertThat(StatusRule.judge(m, rising, trend.project(m, rising, 2030).orElseThrow(), TODAY).light())
                .isEqualTo(TrafficLight.OFF_TRACK);
    }

    /**
     * Over seeded random series the light is monotone in the target: raising an upward target never turns a worse
     * light into a better one, and the interval always contains the trend.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 2, 3, 5, 8, 13, 21, 34})
    void theLightNeverImprovesAsTheTargetRises(long seed) {
        Random random = new Random(seed);
        int n = 2 + random.nextInt(7);
        double[] values = new double[n];
        double level = 30 + random.nextDouble() * 20;
        double slope = random.nextGaussian() * 3;
        for (int i = 0; i < n; i++) {
            values[i] = Math.max(0, level + slope * i + random.nextGaussian() * 2);
        }
        List<KpiPoint> actual = points(values);
        int previous = -1;
        for (double target = 41; target <= 100; target += 1) {
            Measure m = measure(40, target);
            Projection p = trend.project(m, actual, 2030).orElse(null);
            if (p != null) {
                for (Projection.Point q : p.points()) {
                    if (q.hasInterval()) {
                        assertThat(q.lower()).isLessThanOrEqualTo(q.value());
                        assertThat(q.upper()).isGreaterThanOrEqualTo(q.value());
                    }
                }
            }
            int rank = rank(StatusRule.judge(m, actual, p, TODAY).light());
            assertThat(rank).as("seed %d target %s", seed, target).isGreaterThanOrEqualTo(previous);
            previous = rank;
        }
    }

    private static int rank(TrafficLight light) {
        return switch (light) {
            case ON_TRACK -> 0;
            case AT_RISK -> 1;
            case OFF_TRACK -> 2;
            case NO_DATA -> 3;
        };
    }
}
