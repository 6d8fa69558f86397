package kz.agyn.forecast.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.Map;
import java.util.stream.Collectors;

import org.junit.jupiter.api.Test;

/**
 * The published airline model: Box &amp; Jenkins's Series G in logs is (0,1,1)(0,1,1)12 with θ ≈ −0.40 and
 * Θ ≈ −0.56 (exact maximum likelihood; Box, Jenkins &amp; Reinsel 2008, ch. 9; Brockwell &amp; Davis 2002 §9.6),
 * and TRAMO's automatic identification must find that model, and the log, by itself.
 */
class AirlineModelTest {

    @Test
    void automaticTramoFindsTheAirlineModelInLogsWithThePublishedCoefficients() throws Exception {
        double[] y = Series.airPassengers();
        assertThat(y).hasSize(144);
        Prediction p = ForecastEngine.predict(Method.TRAMO, y, 12, 12, Transform.AUTO);
        Model m = p.model();
        assertThat(m.log()).as("log/level test").isTrue();
        assertThat(m.orders()).isEqualTo("(0,1,1)(0,1,1)12");
        Map<String, Double> coef = m.parameters().stream()
                .collect(Collectors.toMap(Model.Parameter::name, Model.Parameter::value));
        assertThat(coef.get("theta1")).isCloseTo(-0.40, within(0.02));
        assertThat(coef.get("btheta1")).isCloseTo(-0.56, within(0.02));
        assertThat(m.outliers()).as("no outlier is significant in Series G's logs").isEmpty();
        // The point lies inside its intervals, which widen with the horizon; a log model's are asymmetric.
        for (int i = 0; i < 12; i++) {
            assertThat(p.lo95()[i]).isLessThan(p.lo80()[i]);
            assertThat(p.lo80()[i]).isLessThan(p.mean()[i]);
            assertThat(p.hi80()[i]).isLessThan(p.hi95()[i]);
            assertThat(p.hi95()[i] - p.mean()[i]).isGreaterThan(p.mean()[i] - p.lo95()[i]);
        }
        assertThat(p.hi95()[11] / p.lo95()[11]).isGreaterThan(p.hi95()[0] / p.lo95()[0]);
    }

    @Test
    void automaticChoiceByBacktestOnSeriesGIsTheAirlineModelAndItsIntervalsHold() throws Exception {
        Outcome o = new ForecastEngine().forecast(Series.airPassengers(), 12, 12, Method.AUTO, Transform.AUTO);
        assertThat(o.automatic()).isTrue();
        assertThat(o.method()).isEqualTo(Method.TRAMO);
        assertThat(o.prediction().model().orders()).isEqualTo("(0,1,1)(0,1,1)12");
        assertThat(o.origins()).isEqualTo(12);
        Accuracy tramo = o.accuracy();
        assertThat(tramo.relativeMase()).as("TRAMO beats Naive2 on a seasonal series").isLessThan(1);
        assertThat(tramo.relativeSmape()).isLessThan(1);
    }
}
