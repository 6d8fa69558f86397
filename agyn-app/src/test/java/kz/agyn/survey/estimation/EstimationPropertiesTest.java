package kz.agyn.survey.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.Set;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Properties that hold for any sample: random sizes, strata, weights, answers and margins, one sample per
 * seed so that a failure names the seed that reproduces it.
 */
class EstimationPropertiesTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 40);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rakedWeightsStayPositiveAndSharesSumToOne(long seed) {
        Random random = new Random(seed);
        int n = 30 + random.nextInt(600);
        int options = 2 + random.nextInt(6);
        List<String> optionCodes = new ArrayList<>();
        for (int j = 0; j < options; j++) {
            optionCodes.add("o" + j);
        }
        List<Double> base = new ArrayList<>();
        List<String> strata = new ArrayList<>();
        List<String> answers = new ArrayList<>();
        List<Set<String>> multiple = new ArrayList<>();
        List<String> region = new ArrayList<>();
        List<String> sex = new ArrayList<>();
        List<String> groups = new ArrayList<>();
        for (int i = 0; i < n; i++) {
            base.add(0.5 + 100 * random.nextDouble());
            strata.add(i < n / 2 ? "s1" : "s2");
            // Skewed answers, some options rare, some respondents silent.
            answers.add(random.nextInt(20) == 0 ? null : optionCodes.get((int) (options * Math.pow(random.nextDouble(), 2))));
            Set<String> chosen = new HashSet<>();
            for (String o : optionCodes) {
                if (random.nextDouble() < 0.3) {
                    chosen.add(o);
                }
            }
            multiple.add(random.nextInt(15) == 0 ? null : chosen);
            // Every category gets a respondent; the rest at random.
            region.add(i < 4 ? "r" + i : "r" + random.nextInt(4));
            sex.add(i < 2 ? (i == 0 ? "f" : "m") : (random.nextBoolean() ? "f" : "m"));
            groups.add("g" + random.nextInt(5));
        }
        double population = 10_000 + 1_000_000 * random.nextDouble();
        Map<String, Double> regionMargins = new LinkedHashMap<>();
        double[] parts = new double[4];
        double partSum = 0;
        for (int c = 0; c < 4; c++) {
            parts[c] = 0.05 + random.nextDouble();
            partSum += parts[c];
        }
        for (int c = 0; c < 4; c++) {
            regionMargins.put("r" + c, population * parts[c] / partSum);
        }
        double female = 0.3 + 0.4 * random.nextDouble();
        Map<String, Double> sexMargins = Map.of("f", population * female, "m", population * (1 - female));

        RakingResult raked = Raking.rake(base, List.of(new RakingVariable("region", region, regionMargins),
                new RakingVariable("sex", sex, sexMargins)), RakingOptions.DEFAULT).orThrow();
        assertTrue(raked.weights().stream().allMatch(w -> w > 0 && Double.isFinite(w)), "weights stay positive");
        assertEquals(population, raked.weights().stream().mapToDouble(Double::doubleValue).sum(), population * 1e-9);

        SurveyDesign design = SurveyDesign.stratified(raked.weights(), strata);
        ShareTable table = Estimation.singleChoice(design, answers, optionCodes, EstimationSettings.DEFAULT);
        double sum = table.shares().stream().mapToDouble(ShareEstimate::share).sum();
        assertEquals(1.0, sum, 1e-12, "single-choice shares sum to 1");
        double[][] v = table.covarianceArray();
        for (int a = 0; a < options; a++) {
            double row = 0;
            for (int b = 0; b < options; b++) {
                row += v[a][b];
                assertEquals(v[a][b], v[b][a], 1e-15, "covariance is symmetric");
            }
            assertEquals(0, row, 1e-12, "the shares' sum has no variance");
        }
        for (ShareEstimate e : table.shares()) {
            assertTrue(e.share() >= 0 && e.share() <= 1);
            assertTrue(e.standardError() >= 0);
            assertTrue(e.logit().low() >= 0 && e.logit().high() <= 1, "logit interval within [0, 1]");
            assertTrue(e.logit().contains(e.share()) && e.wald().contains(e.share()));
        }

        ShareTable many = Estimation.multipleChoice(design, multiple, optionCodes, EstimationSettings.DEFAULT);
        for (ShareEstimate e : many.shares()) {
            assertTrue(e.share() >= 0 && e.share() <= 1);
        }

        for (RankedOption o : Ranking.rank(table, 500, seed)) {
            assertEquals(1.0, o.rankProbabilities().stream().mapToDouble(Double::doubleValue).sum(), 1e-9);
        }

        for (GroupShares g : Breakdown.singleChoice(design, answers, optionCodes, groups, EstimationSettings.DEFAULT,
                MinimumCellSize.DEFAULT)) {
            for (OptionCell cell : g.cells()) {
                assertEquals(g.suppressed() || cell.n() < 10, cell.suppressed(),
                        "a cell is shown exactly when it and its group hold at least 10 respondents");
            }
            if (!g.suppressed()) {
                double groupSum = g.cells().stream().filter(c -> !c.suppressed())
                        .mapToDouble(c -> c.estimate().orElseThrow().share()).sum();
                assertTrue(groupSum <= 1 + 1e-12);
            }
        }
    }
}
