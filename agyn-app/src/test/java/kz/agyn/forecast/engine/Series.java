package kz.agyn.forecast.engine;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;

/** Series shipped with the tests. */
final class Series {

    private Series() {
    }

    /** Box &amp; Jenkins Series G (airline passengers, 1949–1960, thousands), from the test resources. */
    static double[] airPassengers() throws IOException {
        try (InputStream in = Series.class.getResourceAsStream("airpassengers.txt")) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8).lines()
                    .filter(l -> !l.isBlank() && !l.startsWith("#")).mapToDouble(Double::parseDouble).toArray();
        }
    }
}
