package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.put;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.reference.Names;
import kz.agyn.survey.estimation.CalibrationMethod;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.servlet.MockMvc;
import org.springframework.test.web.servlet.request.RequestPostProcessor;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Replicate weights as a survey's design (decision 0048), through the import, the API and the design form: 6 PSUs of
 * 4 respondents in 2 strata, full-sample weight 1.5 and delete-one-PSU jackknife replicates repw_1…repw_6 (the PSU
 * dropped, the others × 6/5). The standard errors the API gives are checked against the replicate formula computed
 * here from the same file; JKn takes its rscales (2/3) from the strata; calibrated to user margins, each replicate is
 * post-stratified to the same totals. Bad input is refused where it is, in the user's language. And a new wave named
 * as the next of a survey takes that survey's user margins, stated on its Calibration tab.
 */
class SurveyReplicatesTest extends AgynTest {

    static final String CODE = "test-replicates";
    static final RequestPostProcessor ANALYST = user("replicates-analyst").roles("ANALYST");
    static final int PSUS = 6;
    static final List<String> INTEND = List.of("within_1y", "within_3y", "no", "undecided");

    @Autowired
    MockMvc mvc;

    @Autowired
    JsonMapper json;

    @Autowired
    SurveyService surveys;

    @Autowired
    SurveyDesignService designs;

    @Autowired
    ResponseImportService imports;

    @Autowired
    CalibrationService calibration;

    @Autowired
    SurveyCreationService creation;

    int surveyId;

    @BeforeEach
    void survey() {
        Survey s = surveys.survey(CODE).orElseGet(() -> surveys.create(CODE, "migration-intentions", 1,
                new Names("Тест: репликалар", "Тест: реплики", "Test: replicates"), "test"));
        surveyId = s.id();
        designs.declare(surveyId, SurveyDesignDeclaration.DEFAULT);
        if (s.respondents() == 0) {
            ResponseImportReport report = upload(file(0, PSUS + 1));
            assertThat(report.status()).as(report.toString()).isEqualTo(ResponseImportStatus.VALID);
            imports.accept(surveyId, report.id(), "replicates-analyst", Locale.ENGLISH);
        }
    }

    @AfterEach
    void back() {
        calibration.save(surveyId, CalibrationMethod.RAKING, MarginTargets.SHARE, List.of(), Locale.ENGLISH);
        designs.declare(surveyId, SurveyDesignDeclaration.DEFAULT);
    }

    /** The PSU of respondent i (0-based), its stratum, answer and sex. */
    static int psu(int i) {
        return i / 4;
    }

    static String intend(int i) {
        int c = psu(i);
        int k = i % 4;
        return INTEND.get(k <= c % 3 ? 0 : (k + c) % 4);
    }

    static String sex(int i) {
        return (i + psu(i)) % 3 == 0 ? "F" : "M";
    }

    /** The respondents with ids from {@code from}; {@code columns} replicate columns (PSUS + 1: all of them). */
    static String file(int from, int columns) {
        StringBuilder csv = new StringBuilder("respondent_id,weight,stratum,psu,age_group,sex,region,education,"
                + "intend_leave,reasons_main");
        for (int r = 1; r < columns; r++) {
            csv.append(",repw_").append(r);
        }
        csv.append('\n');
        for (int i = 0; i < PSUS * 4; i++) {
            int c = psu(i);
            csv.append('r').append(from + i).append(",1.5,h").append(c / 3).append(",p").append(c).append(c == 0 ? ",30-35," : ",25-29,")
                    .append(sex(i)).append(",710000000,6,").append(intend(i)).append(",pay");
            for (int r = 1; r < columns; r++) {
                csv.append(',').append(r - 1 == c ? "0" : "1.8");
            }
            csv.append('\n');
        }
        return csv.toString();
    }

    /** Replicate r's weight of respondent i, before any calibration. */
    static double replicate(int r, int i) {
        return psu(i) == r ? 0 : 1.5 * PSUS / (PSUS - 1);
    }

    /**
     * The replicate variance of the share of {@code option}: scale · Σ rscale (p_r − p̄)², each replicate's weights
     * post-stratified to {@code sexTotals} when given.
     */
    static double expectedSe(String option, double scale, double rscale, Map<String, Double> sexTotals) {
        int n = PSUS * 4;
        double[] p = new double[PSUS];
        for (int r = 0; r < PSUS; r++) {
            double[] w = new double[n];
            for (int i = 0; i < n; i++) {
                w[i] = replicate(r, i);
            }
            if (sexTotals != null) {
                for (String s : sexTotals.keySet()) {
                    double sum = 0;
                    for (int i = 0; i < n; i++) {
                        sum += sex(i).equals(s) ? w[i] : 0;
                    }
                    for (int i = 0; i < n; i++) {
                        w[i] *= sex(i).equals(s) ? sexTotals.get(s) / sum : 1;
                    }
                }
            }
            double num = 0;
            double den = 0;
            for (int i = 0; i < n; i++) {
                den += w[i];
                num += intend(i).equals(option) ? w[i] : 0;
            }
            p[r] = num / den;
        }
        double mean = java.util.Arrays.stream(p).average().orElseThrow();
        double v = 0;
        for (double x : p) {
            v += scale * rscale * (x - mean) * (x - mean);
        }
        return Math.sqrt(v);
    }

    /** The microdata ZIP's files in a folder of their own. */
    static java.nio.file.Path unzip(byte[] zip, String prefix) throws java.io.IOException {
        java.nio.file.Path dir = java.nio.file.Files.createTempDirectory(prefix);
        try (var in = new java.util.zip.ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (var e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                java.nio.file.Files.write(dir.resolve(e.getName()), in.readAllBytes());
            }
        }
        return dir;
    }

    ResponseImportReport upload(String csv) {
        return imports.upload(surveyId, "replicates.csv", new ByteArrayInputStream(csv.getBytes(
                StandardCharsets.UTF_8)), ResponseMapping.empty(), "replicates-analyst", Locale.ENGLISH);
    }

    JsonNode api(String path, String lang) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/surveys/" + surveyId + path).with(ANALYST)
                        .header("Accept-Language", lang))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }

    String declare(String body, String lang, int expected) throws Exception {
        return mvc.perform(put("/api/v1/surveys/" + surveyId + "/design").with(ANALYST).with(csrf())
                        .header("Accept-Language", lang).contentType(MediaType.APPLICATION_JSON).content(body))
                .andExpect(status().is(expected)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8);
    }

    void sameStandardErrors(JsonNode estimates, double scale, double rscale, Map<String, Double> sexTotals) {
        for (JsonNode o : estimates.get("options")) {
            String option = o.get("option").asText();
            assertThat(o.get("standardError").asDouble()).as(option)
                    .isCloseTo(expectedSe(option, scale, rscale, sexTotals), within(1e-12));
        }
    }

    @Test
    void jackknifeReplicatesGiveTheStandardErrorsAndTheStatementAsDeclared() throws Exception {
        JsonNode declared = json.readTree(declare("{\"replicates\": {\"type\": \"JK1\"}}", "en", 200));
        assertThat(declared.get("replicates").get("type").asText()).isEqualTo("JK1");
        JsonNode estimates = api("/estimates?question=intend_leave", "en");
        assertThat(estimates.get("intervals").get("variance").asText()).isEqualTo("JK1");
        assertThat(estimates.get("intervals").get("degreesOfFreedom").asInt()).isEqualTo(5);
        assertThat(estimates.get("intervals").get("statement").asText())
                .isEqualTo("95% logit interval, replicate weights JK1 (jackknife), 5 degrees of freedom");
        sameStandardErrors(estimates, (PSUS - 1.0) / PSUS, 1, null);
        assertThat(api("/estimates?question=intend_leave", "kk").get("intervals").get("statement").asText())
                .isEqualTo("95% логит аралық, репликациялық салмақтар JK1 (джекнайф), 5 еркіндік дәрежесі");

        // JKn without rscales takes (n_h − 1) / n_h = 2/3 from the strata of 3 PSUs each.
        declare("{\"strata\": true, \"stages\": 1, \"replicates\": {\"type\": \"JKN\"}}", "en", 200);
        sameStandardErrors(api("/estimates?question=intend_leave", "en"), 1, 2.0 / 3, null);

        // Calibrated to user margins of sex, each replicate is post-stratified to the same totals.
        declare("{\"replicates\": {\"type\": \"JK1\"}}", "en", 200);
        calibration.save(surveyId, CalibrationMethod.RAKING, MarginTargets.SHARE, List.of(
                new MarginTarget("sex", "M", "0.4"), new MarginTarget("sex", "F", "0.6")), Locale.ENGLISH);
        double total = 1.5 * PSUS * 4;
        sameStandardErrors(api("/estimates?question=intend_leave", "en"), (PSUS - 1.0) / PSUS, 1,
                Map.of("M", 0.4 * total, "F", 0.6 * total));
    }

    /**
     * Stata cannot run here, so the do-file's declaration of a replicate design is read as Stata's documented
     * jackknife formula reads it — {@code V = Σ m_r (θ_r − θ̄)²}, each replicate's multiplier from the
     * {@code jkrweight(…, multiplier())} naming it, θ̄ the replicates' mean, or the full-sample estimate with
     * {@code mse} — and applied to the exported CSV: the standard errors are Agyn's, for every replicate type.
     */
    @ParameterizedTest
    @ValueSource(strings = {"{\"replicates\": {\"type\": \"JK1\"}}",
            "{\"strata\": true, \"stages\": 1, \"replicates\": {\"type\": \"JKN\"}}",
            "{\"replicates\": {\"type\": \"JKN\", \"rscales\": [0.5, 0.5, 0.25, 0.25, 0.25, 1]}}",
            "{\"replicates\": {\"type\": \"BOOTSTRAP\", \"mse\": true}}",
            "{\"replicates\": {\"type\": \"BRR\"}}",
            "{\"replicates\": {\"type\": \"FAY\", \"rho\": 0.3}}"})
    void theStataDoFileDeclaresTheReplicatesSoThatItsVarianceIsAgyns(String declaration) throws Exception {
        declare(declaration, "en", 200);
        byte[] zip = mvc.perform(get("/api/v1/surveys/" + surveyId + "/microdata").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Path dir = unzip(zip, "agyn-replicate-stata");
        String svyset = java.nio.file.Files.readAllLines(dir.resolve(CODE + ".do")).stream()
                .filter(l -> l.startsWith("svyset ")).findFirst().orElseThrow();
        assertThat(svyset).startsWith("svyset [pweight=weight_base], jkrweight(").contains(" vce(jackknife)")
                .doesNotContain("strata(").doesNotContain("fpc(");
        boolean mse = svyset.endsWith(" mse");
        assertThat(mse).isEqualTo(declaration.contains("\"mse\": true"));
        // repw_a-repw_b or repw_a, with its multiplier
        Map<Integer, Double> multiplier = new java.util.TreeMap<>();
        java.util.regex.Matcher m = java.util.regex.Pattern
                .compile("jkrweight\\(repw_(\\d+)(?:-repw_(\\d+))?, multiplier\\(([-0-9.Ee]+)\\)\\)")
                .matcher(svyset);
        while (m.find()) {
            int from = Integer.parseInt(m.group(1));
            int to = m.group(2) == null ? from : Integer.parseInt(m.group(2));
            for (int r = from; r <= to; r++) {
                assertThat(multiplier.put(r, Double.parseDouble(m.group(3)))).as("repw_%d named once", r).isNull();
            }
        }
        assertThat(multiplier.keySet()).as("every replicate has its multiplier: %s", svyset)
                .containsExactlyElementsOf(java.util.stream.IntStream.rangeClosed(1, PSUS).boxed().toList());

        List<Map<String, String>> rows = kz.agyn.RScripts.csv(dir.resolve(CODE + ".csv"));
        JsonNode estimates = api("/estimates?question=intend_leave", "en");
        int compared = 0;
        for (JsonNode o : estimates.get("options")) {
            String option = o.get("option").asText();
            java.util.function.Function<String, Double> share = w -> {
                double num = 0;
                double den = 0;
                for (Map<String, String> row : rows) {
                    double x = Double.parseDouble(row.get(w));
                    den += x;
                    num += option.equals(row.get("intend_leave")) ? x : 0;
                }
                return num / den;
            };
            double full = share.apply("weight_base");
            double[] p = multiplier.keySet().stream().mapToDouble(r -> share.apply("repw_" + r)).toArray();
            double centre = mse ? full : java.util.Arrays.stream(p).average().orElseThrow();
            double v = 0;
            for (int r = 0; r < p.length; r++) {
                v += multiplier.get(r + 1) * (p[r] - centre) * (p[r] - centre);
            }
            assertThat(o.get("share").asDouble()).as(option).isCloseTo(full, within(1e-12));
            assertThat(o.get("standardError").asDouble()).as("%s: %s", option, svyset)
                    .isCloseTo(Math.sqrt(v), within(1e-12));
            compared++;
        }
        assertThat(compared).isGreaterThan(1);
    }

    /**
     * The microdata of a calibrated JK1 survey carry repw_1…repw_6, and its R script (svrepdesign, each replicate
     * calibrated by calibrate()) gives Agyn's shares, standard errors and logit intervals.
     */
    @Test
    void theMicrodataScriptReproducesTheReplicateEstimatesInR() throws Exception {
        declare("{\"replicates\": {\"type\": \"JK1\"}}", "en", 200);
        calibration.save(surveyId, CalibrationMethod.RAKING, MarginTargets.SHARE, List.of(
                new MarginTarget("sex", "M", "0.4"), new MarginTarget("sex", "F", "0.6")), Locale.ENGLISH);
        byte[] zip = mvc.perform(get("/api/v1/surveys/" + surveyId + "/microdata").with(ANALYST)
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsByteArray();
        java.nio.file.Path dir = unzip(zip, "agyn-replicate-microdata");
        assertThat(java.nio.file.Files.readString(dir.resolve(CODE + ".R"))).contains("svrepdesign(");
        kz.agyn.RScripts.run(dir.resolve(CODE + ".R"), dir);
        List<Map<String, String>> rows = kz.agyn.RScripts.csv(dir.resolve(CODE + "-estimates.csv"));
        int compared = 0;
        for (String question : List.of("intend_leave", "reasons_main")) {
            Estimates agyn = surveys.estimates(surveyId, question, null, Locale.ENGLISH);
            for (Estimates.OptionEstimate o : agyn.options()) {
                Map<String, String> r = rows.stream().filter(x -> x.get("question").equals(question)
                        && x.get("option").equals(o.option())).findFirst().orElseThrow();
                String what = question + " " + o.option();
                assertThat(Double.parseDouble(r.get("share"))).as(what).isCloseTo(o.share(), within(1e-8));
                assertThat(Double.parseDouble(r.get("se"))).as(what).isCloseTo(o.standardError(), within(1e-8));
                assertThat(Double.parseDouble(r.get("low"))).as(what).isCloseTo(o.ciLow(), within(1e-8));
                assertThat(Double.parseDouble(r.get("high"))).as(what).isCloseTo(o.ciHigh(), within(1e-8));
                assertThat(Integer.parseInt(r.get("df"))).as(what).isEqualTo(o.degreesOfFreedom());
                compared++;
            }
        }
        assertThat(compared).isGreaterThan(4);
    }

    @Test
    void badReplicateDeclarationsAreRefusedInTheCallersLanguage() throws Exception {
        assertThat(declare("{\"replicates\": {\"type\": \"JKN\"}}", "en", 400))
                .contains("JKn replicate weights need their rscales").doesNotContain("Exception");
        assertThat(declare("{\"replicates\": {\"type\": \"FAY\"}}", "ru", 400)).contains("rho метода Фэя");
        assertThat(declare("{\"replicates\": {\"type\": \"BRR\", \"scale\": 2}}", "en", 400))
                .contains("BRR takes no scale");
        assertThat(declare("{\"replicates\": {\"type\": \"JK1\", \"rscales\": [1, 1]}}", "en", 400))
                .contains("2 rscales are given for 6 replicates");
        assertThat(declare("{\"replicates\": {\"type\": \"JK2\"}}", "kk", 400)).contains("JK2")
                .contains("белгісіз");
        assertThat(declare("{\"strata\": true, \"replicates\": {\"type\": \"JK1\"}}", "en", 400))
                .contains("replace strata");
        assertThat(api("/design", "en").get("replicates").isNull()).isTrue();
    }

    @Test
    void aReplicateThatCannotMeetTheMarginsIsNamedAndNothingIsSaved() throws Exception {
        // Only the first PSU has respondents aged 30-35: the replicate that drops it has nobody to weight up to the
        // margin, so the design is refused naming replicate 1 (R's calibrate() fails on it too).
        calibration.save(surveyId, CalibrationMethod.RAKING, MarginTargets.SHARE, List.of(
                new MarginTarget("age_group", "18-24", "0"), new MarginTarget("age_group", "30-35", "0.2"),
                new MarginTarget("age_group", "25-29", "0.8")),
                Locale.ENGLISH);
        assertThat(declare("{\"replicates\": {\"type\": \"JK1\"}}", "en", 400))
                .contains("Replicate 1 cannot be calibrated").contains("30-35");
        assertThat(api("/design", "en").get("replicates").isNull()).isTrue();
    }

    @Test
    void theImportLocatesMissingAndBadReplicateWeights() {
        ShownProblem gap = only(upload(file(1000, PSUS + 1).replace(",repw_2,", ",weights_2,")));
        assertThat(gap.code()).isEqualTo("survey.import.missingReplicateColumn");
        assertThat(gap.column()).isEqualTo("repw_2");
        assertThat(gap.message()).contains("repw_1, repw_2");

        ShownProblem one = only(upload(file(1000, 2)));
        assertThat(one.code()).isEqualTo("survey.import.oneReplicate");

        String negative = file(1000, PSUS + 1).replaceFirst("(r1002,[^\\n]*,pay),0,", "$1,-1,");
        ShownProblem bad = only(upload(negative));
        assertThat(bad.code()).isEqualTo("survey.import.badReplicateWeight");
        assertThat(bad.row()).isEqualTo(4);
        assertThat(bad.column()).isEqualTo("repw_1");
        assertThat(bad.message()).contains("\"-1\"").contains("repw_1");

        String blank = file(1000, PSUS + 1).replaceFirst("(r1005,[^\\n]*,pay),1.8,", "$1,,");
        ShownProblem missing = only(upload(blank));
        assertThat(missing.code()).isEqualTo("survey.import.missingReplicateWeight");
        assertThat(missing.row()).isEqualTo(7);
    }

    @Test
    void theDesignFormKeepsARefusedReplicateChoiceBesideTheReason() throws Exception {
        var result = mvc.perform(post("/surveys/" + surveyId + "/design").with(ANALYST).with(csrf())
                        .param("lang", "en").param("replicateType", "BRR").param("replicateScale", "2")
                        .param("question", "intend_leave"))
                .andExpect(status().isBadRequest()).andReturn();
        Document page = Jsoup.parse(result.getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#design-error").text()).contains("BRR takes no scale");
        assertThat(page.select("#design-replicate-type option[selected]").attr("value")).isEqualTo("BRR");
        assertThat(page.select("#design-replicate-scale").attr("value")).isEqualTo("2");

        mvc.perform(post("/surveys/" + surveyId + "/design").with(ANALYST).with(csrf()).param("lang", "en")
                        .param("replicateType", "BOOTSTRAP").param("replicateMse", "true")
                        .param("question", "intend_leave"))
                .andExpect(status().is3xxRedirection());
        ReplicateDeclaration saved = surveys.design(surveyId).replicates();
        assertThat(saved.type()).isEqualTo(kz.agyn.survey.estimation.ReplicateType.BOOTSTRAP);
        assertThat(saved.mse()).isTrue();
        Document results = Jsoup.parse(mvc.perform(get("/surveys/" + surveyId).param("lang", "ru")
                        .param("question", "intend_leave").with(ANALYST)).andReturn().getResponse()
                .getContentAsString(StandardCharsets.UTF_8));
        assertThat(results.select("#interval-statement").text())
                .isEqualTo("95% логит- интервал, репликационные веса бутстреп, 5 степеней свободы");
    }

    @Test
    void aNewWaveTakesThePreviousWavesUserMarginsAndSaysSo() throws Exception {
        String first = "test-wave-margins-a";
        String second = "test-wave-margins-b";
        Survey a = surveys.survey(first).orElseGet(() -> creation.create(new NewSurvey(first, "А", "А", "A", "2025",
                "migration-intentions", 1, "", null), "replicates-analyst"));
        calibration.save(a.id(), CalibrationMethod.LINEAR, MarginTargets.SHARE, List.of(
                new MarginTarget("sex", "M", "0.45"), new MarginTarget("sex", "F", "0.55")), Locale.ENGLISH);
        Survey b = surveys.survey(second).orElseGet(() -> creation.create(new NewSurvey(second, "Б", "Б", "B", "2026",
                "migration-intentions", 1, null, null, first), "replicates-analyst"));

        CalibrationSettings settings = calibration.settings(b.id(), Locale.ENGLISH);
        assertThat(settings.inheritedFrom()).isEqualTo(first);
        assertThat(settings.method()).isEqualTo(CalibrationMethod.LINEAR);
        assertThat(settings.targets()).isEqualTo(MarginTargets.SHARE);
        assertThat(settings.source()).isEqualTo(MarginSources.Kind.OWN);
        CalibrationSettings.QuestionMargins sex = settings.questions().stream()
                .filter(q -> q.variable().equals("sex")).findFirst().orElseThrow();
        assertThat(sex.categories()).extracting(CalibrationSettings.CategoryTarget::target)
                .containsExactlyInAnyOrder(0.45, 0.55);
        Document page = Jsoup.parse(mvc.perform(get("/surveys/" + b.id() + "/calibration").param("lang", "kk")
                .with(ANALYST)).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
        assertThat(page.select("#calibration-inherited").text()).contains(first).contains("алдыңғы");

        // Saving the wave's own margins ends the inheritance note.
        calibration.save(b.id(), CalibrationMethod.RAKING, MarginTargets.SHARE, List.of(
                new MarginTarget("sex", "M", "0.5"), new MarginTarget("sex", "F", "0.5")), Locale.ENGLISH);
        assertThat(calibration.settings(b.id(), Locale.ENGLISH).inheritedFrom()).isNull();

        assertThatThrownBy(() -> creation.create(new NewSurvey("test-wave-margins-c", "В", "В", "C", "2027",
                "migration-intentions", 1, null, null, "no-such-survey"), "replicates-analyst"))
                .isInstanceOfSatisfying(InvalidFieldsException.class, e -> assertThat(e.problems())
                        .anySatisfy(p -> assertThat(p.columnName()).isEqualTo("previousWave")));
    }

    static ShownProblem only(ResponseImportReport report) {
        assertThat(report.status()).isEqualTo(ResponseImportStatus.INVALID);
        assertThat(report.problems()).as(report.toString()).hasSize(1);
        return report.problems().get(0).shown();
    }
}
