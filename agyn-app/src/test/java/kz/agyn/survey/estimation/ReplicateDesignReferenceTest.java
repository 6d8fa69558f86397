package kz.agyn.survey.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.agyn.RScripts;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Agyn's estimates on replicate-weight designs against R's {@code svrepdesign} + {@code svymean} +
 * {@code svyciprop}: JK1 on {@code apiclus1} (and with {@code mse = TRUE}), JKn and a 50-replicate bootstrap on
 * {@code apistrat}, BRR and Fay's BRR (ρ = 0.3) on {@code scd}; the JK1 and bootstrap designs also calibrated
 * (raking and linear) to the population's margins of awards and school type, each replicate re-calibrated as R's
 * {@code calibrate()} does. Weights, replicate weights, scale, degrees of freedom (per domain, with item
 * non-response), shares, standard errors, logit, Korn–Graubard and Wald intervals and a mean must agree to 1e-8
 * (relative where a number exceeds 1): both sides do the same arithmetic in double precision on the same weights
 * (R's replicate weights, written with 17 digits), so only rounding and the calibrations' convergence (to 1e-12)
 * separate them.
 *
 * <p>The expected values are computed when the test runs by {@code r/replicate-designs.R}.
 */
class ReplicateDesignReferenceTest {

    static final double TOLERANCE = 1e-8;

    static Map<String, double[]> expected;
    static final Map<String, List<Map<String, String>>> DATA = new LinkedHashMap<>();

    @BeforeAll
    static void runR() throws Exception {
        Path script = Path.of("src/test/resources/kz/agyn/survey/estimation/r/replicate-designs.R");
        Path out = RScripts.run(script, Files.createTempDirectory("agyn-r-replicates"));
        expected = RScripts.values(out.resolve("expected.tsv"));
        for (String name : List.of("jk1", "jkn", "boot", "brr", "fay")) {
            DATA.put(name, RScripts.csv(out.resolve(name + ".csv")));
        }
    }

    static String base(String name) {
        return name.split("\\.")[0];
    }

    static List<String> column(String name, String variable) {
        return DATA.get(base(name)).stream().map(r -> r.get(variable)).toList();
    }

    static ReplicateType type(String base) {
        return switch (base) {
            case "jk1" -> ReplicateType.JK1;
            case "jkn" -> ReplicateType.JKN;
            case "boot" -> ReplicateType.BOOTSTRAP;
            case "brr" -> ReplicateType.BRR;
            case "fay" -> ReplicateType.FAY;
            default -> throw new IllegalArgumentException(base);
        };
    }

    /** R's replicate weights (n × R, by column) as Agyn's replicates × respondents. */
    static double[][] replicateWeights(String name, int n) {
        double[] flat = expected.get(name + ".repweights");
        double[][] w = new double[flat.length / n][n];
        for (int r = 0; r < w.length; r++) {
            System.arraycopy(flat, r * n, w[r], 0, n);
        }
        return w;
    }

    /** The design as R has it, built from its weights with R's defaults (JKn: the rscales R was given). */
    static SurveyDesign design(String name) {
        String base = base(name);
        List<Double> weights = java.util.Arrays.stream(expected.get(base + ".weights")).boxed().toList();
        double[] rscales = base.equals("jkn") ? expected.get("jkn.rscales") : null;
        ReplicateWeights replicates = ReplicateWeights.of(type(base), replicateWeights(base, weights.size()), null,
                rscales, name.equals("jk1.mse"), base.equals("fay") ? 0.3 : null);
        SurveyDesign design = SurveyDesign.replicated(weights, replicates);
        if (!name.endsWith(".raked") && !name.endsWith(".linear")) {
            return design;
        }
        CalibrationMethod method = name.endsWith(".raked") ? CalibrationMethod.RAKING : CalibrationMethod.LINEAR;
        List<RakingVariable> variables = List.of(
                margins("awards", name, List.of("No", "Yes"), expected.get("pop.awards")),
                margins("stype", name, List.of("E", "H", "M"), expected.get("pop.stype")));
        RakingOptions options = new RakingOptions(1000, 1e-13, RakingOptions.DEFAULT.totalsTolerance(),
                Optional.empty());
        RakingResult result = method.calibrate(weights, variables, options).orThrow();
        return design.calibrated(result.weights(), variables, method, options);
    }

    static RakingVariable margins(String variable, String name, List<String> levels, double[] totals) {
        Map<String, Double> m = new LinkedHashMap<>();
        for (int i = 0; i < levels.size(); i++) {
            m.put(levels.get(i), totals[i]);
        }
        return new RakingVariable(variable, column(name, variable), m);
    }

    static List<String> levels(String variable) {
        return switch (variable) {
            case "stype" -> List.of("E", "H", "M");
            case "tgt" -> List.of("low", "high");
            case "big" -> List.of("no", "yes");
            default -> List.of("No", "Yes");
        };
    }

    static void near(double[] want, double[] got, String what) {
        assertEquals(want.length, got.length, what + " length");
        for (int i = 0; i < want.length; i++) {
            assertEquals(want[i], got[i], TOLERANCE * Math.max(1, Math.abs(want[i])), what + "[" + i + "]");
        }
    }

    static double[] bounds(ShareTable t) {
        return t.shares().stream().flatMapToDouble(s -> java.util.stream.DoubleStream.of(s.interval().low(),
                s.interval().high())).toArray();
    }

    static double[] clip(double[] values) {
        return java.util.Arrays.stream(values).map(v -> Math.max(0, Math.min(1, v))).toArray();
    }

    @ParameterizedTest
    @ValueSource(strings = {"jk1", "jk1.mse", "jkn", "boot", "brr", "fay", "jk1.raked", "jk1.linear", "boot.raked",
            "boot.linear"})
    void replicateEstimatesAgreeWithR(String name) {
        SurveyDesign design = design(name);
        ReplicateWeights replicates = design.replicates();
        near(expected.get(name + ".weights"), design.weights().stream().mapToDouble(Double::doubleValue).toArray(),
                name + " weights");
        near(expected.get(name + ".repweights"), java.util.Arrays.stream(replicates.weights())
                .flatMapToDouble(java.util.Arrays::stream).toArray(), name + " replicate weights");
        near(expected.get(name + ".scale"), new double[] {replicates.scale()}, name + " scale");
        near(expected.get(name + ".rscales"), replicates.rscales(), name + " rscales");
        assertEquals(expected.get(name + ".degf")[0], design.degreesOfFreedom(), name + " degf");
        List<String> variables = name.startsWith("brr") || name.startsWith("fay") ? List.of("big")
                : List.of("sch.wide", "comp.imp", "stype", "tgt");
        for (String v : variables) {
            String key = name + "." + v;
            List<String> answers = column(name, v);
            Map<IntervalMethod, ShareTable> tables = new LinkedHashMap<>();
            for (IntervalMethod m : IntervalMethod.values()) {
                tables.put(m, Estimation.singleChoice(design, answers, levels(v), EstimationSettings.of(m)));
            }
            ShareTable t = tables.get(IntervalMethod.LOGIT);
            near(expected.get(key + ".share"), t.shares().stream().mapToDouble(ShareEstimate::share).toArray(),
                    key + " share");
            near(expected.get(key + ".se"), t.shares().stream().mapToDouble(ShareEstimate::standardError).toArray(),
                    key + " SE");
            assertEquals(expected.get(key + ".degf")[0], t.degreesOfFreedom(), key + " degf");
            double[] se = expected.get(key + ".se");
            // Where the SE is 0 (a share fixed by the calibration or the strata) R's intervals are rounding noise
            // (Korn–Graubard gives 0.5–0.5 there); Agyn gives the point.
            if (java.util.Arrays.stream(se).min().orElse(0) > 1e-10) {
                near(expected.get(key + ".logit"), bounds(t), key + " logit");
                near(expected.get(key + ".beta"), bounds(tables.get(IntervalMethod.BETA)), key + " beta");
                near(clip(expected.get(key + ".mean")), bounds(tables.get(IntervalMethod.WALD)), key + " mean");
            }
        }
        String meanVariable = name.startsWith("brr") || name.startsWith("fay") ? "alive" : "api00";
        MeanEstimate mean = Estimation.mean(design, column(name, meanVariable).stream().map(Double::valueOf).toList(),
                EstimationSettings.DEFAULT);
        near(expected.get(name + ".mean"), new double[] {mean.mean(), mean.standardError()}, name + " mean");
    }

    @Test
    void calibratingTheReplicatesChangesTheStandardErrorAsRDoes() {
        for (String base : List.of("jk1", "boot")) {
            SurveyDesign raked = design(base + ".raked");
            SurveyDesign fixed = SurveyDesign.replicated(raked.weights(), design(base).replicates());
            List<String> answers = column(base, "sch.wide");
            double calibrated = Estimation.singleChoice(raked, answers, levels("sch.wide"), EstimationSettings.DEFAULT)
                    .share("Yes").standardError();
            double asFixed = Estimation.singleChoice(fixed, answers, levels("sch.wide"), EstimationSettings.DEFAULT)
                    .share("Yes").standardError();
            assertEquals(expected.get(base + ".raked.sch.wide.se")[1], calibrated, TOLERANCE, base);
            assertTrue(Math.abs(calibrated - asFixed) > 0.001, base + ": calibration must change the SE, "
                    + calibrated + " vs " + asFixed);
        }
    }

    @Test
    void aReplicateThatCannotMeetTheMarginsIsNamed() {
        // A category made of exactly the district the first jackknife replicate drops: that replicate has nobody in
        // it, so a positive margin cannot be met there (R's calibrate() fails on it as well).
        SurveyDesign jk1 = design("jk1");
        double[] first = jk1.replicates().weights()[0];
        List<String> dropped = java.util.stream.IntStream.range(0, first.length)
                .mapToObj(i -> first[i] == 0 ? "dropped" : "kept").toList();
        RakingVariable v = new RakingVariable("district", dropped, Map.of("dropped", 100.0, "kept", 6000.0));
        RakingResult full = Raking.rake(jk1.weights(), List.of(v), RakingOptions.DEFAULT).orThrow();
        ReplicateCalibrationException e = assertThrows(ReplicateCalibrationException.class,
                () -> jk1.calibrated(full.weights(), List.of(v), CalibrationMethod.RAKING, RakingOptions.DEFAULT));
        assertEquals(1, e.replicate(), e.getMessage());
        assertEquals(RakingProblem.CATEGORY_WITHOUT_RESPONDENTS, e.reason().problem(), e.getMessage());
    }

    /** R's logit interval on a replicate design is the replicates' spread of logit(p_r), not the delta method. */
    @Test
    void theLogitIntervalComesFromTheReplicatesLogOddsAsInR() {
        ShareEstimate yes = Estimation.singleChoice(design("jk1"), column("jk1", "sch.wide"), levels("sch.wide"),
                EstimationSettings.DEFAULT).share("Yes");
        Interval delta = Estimation.logit(yes.share(), yes.standardError(), 0.95, yes.degreesOfFreedom());
        double[] r = expected.get("jk1.sch.wide.logit");
        assertEquals(r[2], yes.interval().low(), TOLERANCE);
        assertTrue(Math.abs(delta.low() - r[2]) > 1e-6, "the delta method would give " + delta.low() + " vs " + r[2]);
    }
}
