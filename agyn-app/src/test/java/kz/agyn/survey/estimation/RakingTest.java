package kz.agyn.survey.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.agyn.kernel.UserException;
import org.junit.jupiter.api.Test;

/**
 * Raking on a synthetic sample of 2,000 respondents whose composition is skewed against the population
 * (too many from the cities, too many young, too many graduates), to margins of region, age group, sex
 * and education.
 */
class RakingTest {

    static final int N = 2000;

    record Sample(List<Double> base, List<RakingVariable> variables) {
    }

    /** Respondents drawn with skewed probabilities; margins are a population of 1,000,000 per variable. */
    static Sample sample(long seed) {
        Random random = new Random(seed);
        String[][] categories = {
            {"astana", "almaty", "shymkent", "jetisu", "abai"},
            {"18-29", "30-44", "45-64"},
            {"female", "male"},
            {"secondary", "bachelor", "postgraduate"}};
        double[][] drawn = {{0.35, 0.3, 0.15, 0.1, 0.1}, {0.5, 0.3, 0.2}, {0.6, 0.4}, {0.2, 0.5, 0.3}};
        double[][] population = {{0.12, 0.11, 0.06, 0.35, 0.36}, {0.3, 0.37, 0.33}, {0.52, 0.48},
            {0.55, 0.35, 0.1}};
        String[] names = {"region", "age", "sex", "education"};
        List<RakingVariable> variables = new ArrayList<>();
        List<Double> base = new ArrayList<>();
        for (int i = 0; i < N; i++) {
            base.add(500.0);
        }
        for (int v = 0; v < names.length; v++) {
            List<String> answers = new ArrayList<>();
            for (int i = 0; i < N; i++) {
                answers.add(categories[v][pick(random, drawn[v])]);
            }
            Map<String, Double> margins = new LinkedHashMap<>();
            for (int c = 0; c < categories[v].length; c++) {
                margins.put(categories[v][c], 1_000_000 * population[v][c]);
            }
            variables.add(new RakingVariable(names[v], answers, margins));
        }
        return new Sample(base, variables);
    }

    static int pick(Random random, double[] p) {
        double u = random.nextDouble();
        for (int c = 0; c < p.length - 1; c++) {
            u -= p[c];
            if (u < 0) {
                return c;
            }
        }
        return p.length - 1;
    }

    /** The largest relative margin error, recomputed here rather than trusted from the result. */
    static double marginError(List<Double> weights, List<RakingVariable> variables) {
        double worst = 0;
        for (RakingVariable v : variables) {
            Map<String, Double> sums = new LinkedHashMap<>();
            for (int i = 0; i < weights.size(); i++) {
                sums.merge(v.categories().get(i), weights.get(i), Double::sum);
            }
            for (var m : v.margins().entrySet()) {
                worst = Math.max(worst, Math.abs(sums.get(m.getKey()) - m.getValue()) / m.getValue());
            }
        }
        return worst;
    }

    @Test
    void rakingMeetsEveryMarginOfASkewedSample() {
        Sample s = sample(7);
        assertTrue(marginError(s.base(), s.variables()) > 0.5, "the sample starts far from the margins");
        RakingResult r = Raking.rake(s.base(), s.variables(), RakingOptions.DEFAULT);
        assertTrue(r.converged());
        assertTrue(r.iterations() > 1 && r.iterations() < 1000, "iterations " + r.iterations());
        assertTrue(marginError(r.weights(), s.variables()) <= 1e-6);
        assertEquals(marginError(r.weights(), s.variables()), r.maxRelativeError(), 1e-12);
        assertTrue(r.weights().stream().allMatch(w -> w > 0));
        assertEquals(1_000_000, r.weights().stream().mapToDouble(Double::doubleValue).sum(), 1e-3);
    }

    @Test
    void trimmingKeepsAdjustmentsWithinBounds() {
        Sample s = sample(11);
        RakingResult free = Raking.rake(s.base(), s.variables(), RakingOptions.DEFAULT).orThrow();
        double largest = free.weights().stream().mapToDouble(w -> w / 500).max().orElseThrow();
        double smallest = free.weights().stream().mapToDouble(w -> w / 500).min().orElseThrow();
        assertTrue(largest > 12 && smallest < 0.1, "without bounds g spans " + smallest + " to " + largest);
        WeightBounds bounds = new WeightBounds(0.1, 12);
        RakingResult r = Raking.rake(s.base(), s.variables(), RakingOptions.DEFAULT.withBounds(bounds)).orThrow();
        assertTrue(marginError(r.weights(), s.variables()) <= 1e-6);
        for (int i = 0; i < N; i++) {
            double g = r.weights().get(i) / s.base().get(i);
            assertTrue(g >= 0.1 - 1e-12 && g <= 12 + 1e-12, "g = " + g);
        }
    }

    @Test
    void boundsTooTightForTheMarginsAreReportedAsNotConverged() {
        Sample s = sample(11);
        RakingOptions tight = RakingOptions.DEFAULT.withBounds(new WeightBounds(0.9, 1.1)).withMaxIterations(50);
        RakingResult r = Raking.rake(s.base(), s.variables(), tight);
        assertFalse(r.converged());
        assertEquals(50, r.iterations());
        RakingException e = assertThrows(RakingException.class, r::orThrow);
        assertEquals(RakingProblem.NOT_CONVERGED, e.problem());
        assertEquals(r.worstVariable(), e.variable());
        assertEquals(r.worstCategory(), e.category());
        assertEquals("survey.raking.notConverged", e.code());
        assertEquals(UserException.Kind.INVALID, e.kind());
    }

    @Test
    void marginsOfDifferentTotalsAreRefusedNamingTheVariable() {
        Sample s = sample(3);
        List<RakingVariable> variables = new ArrayList<>(s.variables());
        RakingVariable sex = variables.get(2);
        Map<String, Double> larger = new LinkedHashMap<>(sex.margins());
        larger.put("male", larger.get("male") + 5000);
        variables.set(2, new RakingVariable("sex", sex.categories(), larger));
        RakingException e = assertThrows(RakingException.class,
                () -> Raking.rake(s.base(), variables, RakingOptions.DEFAULT));
        assertEquals(RakingProblem.MARGINS_INCONSISTENT, e.problem());
        assertEquals("sex", e.variable());
        assertNull(e.category());
        assertEquals("survey.raking.marginsInconsistent", e.code());
        assertEquals(List.of("sex", "region"), List.of(e.args()[0], e.args()[3]));
        assertTrue(e.getMessage().contains("sex"), e.getMessage());
    }

    @Test
    void aMarginWithoutRespondentsIsRefusedNamingVariableAndCategory() {
        Sample s = sample(3);
        List<RakingVariable> variables = new ArrayList<>(s.variables());
        RakingVariable region = variables.get(0);
        Map<String, Double> margins = new LinkedHashMap<>(region.margins());
        margins.put("ulytau", 10_000.0);
        margins.put("abai", margins.get("abai") - 10_000);
        variables.set(0, new RakingVariable("region", region.categories(), margins));
        RakingException e = assertThrows(RakingException.class,
                () -> Raking.rake(s.base(), variables, RakingOptions.DEFAULT));
        assertEquals(RakingProblem.CATEGORY_WITHOUT_RESPONDENTS, e.problem());
        assertEquals("region", e.variable());
        assertEquals("ulytau", e.category());
    }

    @Test
    void aRespondentInACategoryWithoutMarginIsRefused() {
        Sample s = sample(3);
        List<RakingVariable> variables = new ArrayList<>(s.variables());
        RakingVariable age = variables.get(1);
        List<String> answers = new ArrayList<>(age.categories());
        answers.set(17, "65+");
        variables.set(1, new RakingVariable("age", answers, age.margins()));
        RakingException e = assertThrows(RakingException.class,
                () -> Raking.rake(s.base(), variables, RakingOptions.DEFAULT));
        assertEquals(RakingProblem.CATEGORY_WITHOUT_MARGIN, e.problem());
        assertEquals("age", e.variable());
        assertEquals("65+", e.category());
    }

    @Test
    void aZeroMarginIsRefused() {
        RakingVariable sex = new RakingVariable("sex", List.of("female", "male"), Map.of("female", 10.0, "male", 0.0));
        RakingException e = assertThrows(RakingException.class,
                () -> Raking.rake(List.of(1.0, 1.0), List.of(sex), RakingOptions.DEFAULT));
        assertEquals(RakingProblem.MARGIN_NOT_POSITIVE, e.problem());
        assertEquals("male", e.category());
    }

    @Test
    void oneVariableIsPostStratificationInOneCycle() {
        RakingVariable sex = new RakingVariable("sex", List.of("female", "male", "male"),
                Map.of("female", 60.0, "male", 40.0));
        RakingResult r = Raking.rake(List.of(1.0, 1.0, 3.0), List.of(sex), RakingOptions.DEFAULT);
        assertEquals(1, r.iterations());
        assertEquals(List.of(60.0, 10.0, 30.0), r.weights());
    }
}
