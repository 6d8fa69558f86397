package kz.agyn.survey.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Linear calibration on {@link RakingTest}'s skewed samples (seeded): the margins hold, bounds hold where they are
 * given, and a weight driven below zero is refused with the respondent named. The unbounded weights are also
 * checked against R in {@link SurveyDesignReferenceTest}; R's bounded linear calibration did not converge on the
 * small {@code api} calibrations tried there, so the bounded case is checked here by its definition.
 */
class LinearCalibrationTest {

    /**
     * Seeds 2 and 3 are left out on purpose: there the binding bound leaves Newton's steps (halved or not) short of
     * the margins, and the calibration ends NOT_CONVERGED, as R's grake does on the api calibrations — reported to
     * the analyst, never used. Decision 0043.
     */
    @ParameterizedTest
    @ValueSource(longs = {1, 4, 5})
    void marginsHoldAndBoundedFactorsStayWithinTheBounds(long seed) {
        RakingTest.Sample s = mild(seed);
        RakingResult free = LinearCalibration.calibrate(s.base(), s.variables(), RakingOptions.DEFAULT).orThrow();
        double freeLowest = free.weights().stream().mapToDouble(Double::doubleValue).min().orElseThrow() / 125;
        double freeHighest = free.weights().stream().mapToDouble(Double::doubleValue).max().orElseThrow() / 125;
        // Bounds that bind at the top: the highest factor brought down by a tenth, the lowest left free.
        WeightBounds bounds = new WeightBounds(Math.min(1, freeLowest / 2), 0.9 * freeHighest);
        RakingResult r = LinearCalibration.calibrate(s.base(), s.variables(), RakingOptions.DEFAULT.withBounds(bounds))
                .orThrow();
        for (RakingVariable v : s.variables()) {
            for (Map.Entry<String, Double> m : v.margins().entrySet()) {
                double sum = 0;
                for (int i = 0; i < r.weights().size(); i++) {
                    if (v.categories().get(i).equals(m.getKey())) {
                        sum += r.weights().get(i);
                    }
                }
                assertEquals(m.getValue(), sum, 1e-8 * m.getValue(), v.name() + " " + m.getKey());
            }
        }
        double lowest = Double.MAX_VALUE;
        double highest = 0;
        for (int i = 0; i < r.weights().size(); i++) {
            double g = r.weights().get(i) / s.base().get(i);
            lowest = Math.min(lowest, g);
            highest = Math.max(highest, g);
        }
        assertTrue(lowest >= bounds.lower() - 1e-12 && highest <= bounds.upper() + 1e-12, lowest + " – " + highest);
        assertEquals(bounds.upper(), highest, 1e-9, "the upper bound binds");
    }

    /** 800 respondents, mildly skewed by region and sex against a population of 100,000 (weights of 100). */
    static RakingTest.Sample mild(long seed) {
        java.util.Random random = new java.util.Random(seed);
        String[][] categories = {{"north", "centre", "south"}, {"female", "male"}};
        double[][] drawn = {{0.4, 0.35, 0.25}, {0.58, 0.42}};
        double[][] population = {{0.3, 0.38, 0.32}, {0.5, 0.5}};
        List<Double> base = java.util.Collections.nCopies(800, 125.0);
        List<RakingVariable> variables = new java.util.ArrayList<>();
        for (int v = 0; v < 2; v++) {
            List<String> answers = new java.util.ArrayList<>();
            for (int i = 0; i < 800; i++) {
                answers.add(categories[v][RakingTest.pick(random, drawn[v])]);
            }
            Map<String, Double> margins = new java.util.LinkedHashMap<>();
            for (int c = 0; c < categories[v].length; c++) {
                margins.put(categories[v][c], 100_000 * population[v][c]);
            }
            variables.add(new RakingVariable(v == 0 ? "region" : "sex", answers, margins));
        }
        return new RakingTest.Sample(base, variables);
    }

    @ParameterizedTest
    @ValueSource(longs = {1, 2})
    void aWeightBelowZeroIsRefusedNamingTheRespondent(long seed) {
        // Two respondents in a category the population lacks almost entirely, one of whom is also in an
        // over-represented one: the linear solution pushes that respondent below zero.
        List<Double> base = List.of(1.0, 1.0, 1.0, 1.0, 1.0, 1.0);
        RakingVariable a = new RakingVariable("a", List.of("x", "x", "y", "y", "y", "y"),
                Map.of("x", 0.1, "y", 5.9 + seed));
        RakingVariable b = new RakingVariable("b", List.of("p", "q", "p", "q", "q", "q"),
                Map.of("p", 5.0 + seed, "q", 1.0));
        RakingException e = assertThrows(RakingException.class,
                () -> LinearCalibration.calibrate(base, List.of(a, b), RakingOptions.DEFAULT));
        assertEquals(RakingProblem.WEIGHT_NOT_POSITIVE, e.problem());
        assertTrue(Integer.parseInt(e.category()) >= 1 && Integer.parseInt(e.category()) <= 6, e.category());
    }
}
