package kz.agyn.scenario;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import java.util.TreeMap;

import kz.agyn.AgynTest;
import kz.agyn.forecast.engine.ForecastEngine;
import kz.agyn.forecast.engine.Method;
import kz.agyn.forecast.engine.Prediction;
import kz.agyn.forecast.engine.Transform;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * The forecast shown beside the simulation's baseline is the forecast of the demonstration series of emigrants with
 * tertiary education (ISCED 5 to 8, the whole country), summed by year — read here straight from the shipped file,
 * not through the warehouse — to the run's last year.
 */
class ForecastBesideTest extends AgynTest {

    @Autowired
    ForecastBeside beside;

    @Test
    void theTertiaryEmigrantsOfTheShippedSeriesForecastToTheRunsLastYear() throws IOException {
        Map<Integer, Double> sum = new TreeMap<>();
        try (InputStream in = getClass().getResourceAsStream("/demo/synthetic-emigration-2010-2024.csv")) {
            String[] lines = new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n");
            for (String line : lines) {
                String[] c = line.trim().split(",");
                // INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,FLOW,OBS_VALUE,...
                if (c[0].equals("EMIGRANTS") && c[2].equals("000000000") && c[3].equals("_T")
                        && c[4].matches("[5-8]") && c[5].equals("_T") && c[6].equals("_T") && c[7].equals("_T")) {
                    sum.merge(Integer.parseInt(c[1]), Double.parseDouble(c[9]), Double::sum);
                }
            }
        }
        assertThat(sum).hasSize(15).containsKeys(2010, 2024);
        double[] y = sum.values().stream().mapToDouble(Double::doubleValue).toArray();
        Prediction expected = new ForecastEngine().forecast(y, 1, 6, Method.AUTO, Transform.AUTO).prediction();

        // The shipped series itself (other tests leave official series of their own, which the page would prefer).
        ForecastBeside.Forecast f = beside.emigrants(2030, "synthetic-emigration").orElseThrow();
        assertThat(f.dataset()).isEqualTo("synthetic-emigration");
        assertThat(f.synthetic()).isTrue();
        assertThat(f.firstYear()).isEqualTo(2025);
        assertThat(f.method()).isEqualTo(expected.method());
        assertThat(f.mean()).containsExactly(expected.mean());
        assertThat(f.at(2030)).isEqualTo(expected.mean()[5]);
        assertThat(f.at(2024)).isNull();
        assertThat(f.range80(2027)).containsExactly(expected.lo80()[2], expected.hi80()[2]);
        // Nothing to forecast when the run ends within the series; some series or other for a later year.
        assertThat(beside.emigrants(2020, "synthetic-emigration")).isEmpty();
        assertThat(beside.emigrants(2030)).hasValueSatisfying(any -> assertThat(any.firstYear()).isLessThan(2031));
    }
}
