package kz.agyn.demo.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.survey.Response;
import kz.agyn.survey.estimation.Raking;
import kz.agyn.survey.estimation.RakingOptions;
import kz.agyn.survey.estimation.RakingResult;
import kz.agyn.survey.estimation.RakingVariable;
import org.junit.jupiter.api.Test;

/** The demonstration survey: reproducible, with the note's shares by quota, and weights that meet its margins. */
class SyntheticSurveyTest {

    static final List<Response> SURVEY = SyntheticSurvey.generate();

    static Map<String, Integer> counts(String question, int position) {
        Map<String, Integer> m = new HashMap<>();
        for (Response r : SURVEY) {
            List<String> c = r.choices().get(question);
            if (c != null && c.size() > position) {
                m.merge(c.get(position), 1, Integer::sum);
            }
        }
        return m;
    }

    @Test
    void sameSeedSameSurvey() {
        assertThat(SyntheticSurvey.generate()).isEqualTo(SURVEY);
        assertThat(SyntheticSurvey.generate(1, 2000)).isNotEqualTo(SURVEY);
    }

    @Test
    void mainReasonsAndIntentionsFollowTheNote() {
        assertThat(SURVEY).hasSize(2000);
        assertThat(counts("reasons_main", 0)).isEqualTo(Map.of("pay", 900, "growth", 500, "sociopolitical", 300,
                "research_infra", 200, "living", 100));
        Map<String, Integer> intentions = counts("intend_leave", 0);
        assertThat(intentions.get("within_1y") + intentions.get("within_3y") + intentions.get("within_5y"))
                .isEqualTo(1000);
        for (Response r : SURVEY) {
            assertThat(r.choices().get("reasons_main")).hasSize(5).doesNotHaveDuplicates();
        }
    }

    @Test
    void everyRegionHasEnoughRespondentsToBeShown() {
        Map<String, Integer> regions = counts("region", 0);
        assertThat(regions).hasSize(20);
        assertThat(regions.values()).allSatisfy(n -> assertThat(n).isGreaterThanOrEqualTo(10));
    }

    /** Raking converges on the demonstration survey and meets every margin. */
    @Test
    void rakingMeetsTheMargins() {
        Map<String, Map<String, Double>> margins = SyntheticSurvey.margins();
        List<RakingVariable> variables = new ArrayList<>();
        margins.forEach((v, cats) -> variables.add(new RakingVariable(v,
                SURVEY.stream().map(r -> r.choices().get(v).get(0)).toList(), cats)));
        List<Double> base = SURVEY.stream().map(Response::weight).toList();
        RakingResult result = Raking.rake(base, variables, RakingOptions.DEFAULT).orThrow();
        assertThat(result.converged()).isTrue();
        margins.forEach((v, cats) -> cats.forEach((c, target) -> {
            double sum = 0;
            for (int i = 0; i < SURVEY.size(); i++) {
                if (SURVEY.get(i).choices().get(v).get(0).equals(c)) {
                    sum += result.weights().get(i);
                }
            }
            assertThat(sum / target).as(v + "=" + c).isCloseTo(1.0, org.assertj.core.data.Offset.offset(1e-8));
        }));
        // The sample is not the population: raking had work to do.
        assertThat(result.iterations()).isGreaterThan(1);
    }
}
