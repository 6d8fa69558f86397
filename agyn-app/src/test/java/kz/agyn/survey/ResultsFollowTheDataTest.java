package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.io.ByteArrayInputStream;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Objects;

import kz.agyn.AgynTest;
import kz.agyn.reference.Names;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A survey's estimates are kept per generation of the survey data (decisions 0042 and 0049) but never older than the
 * last accepted import: the respondents of a file accepted a moment ago are in the very next results.
 */
class ResultsFollowTheDataTest extends AgynTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    SurveyService surveys;
    @Autowired
    ResponseImportService imports;

    @Test
    void respondentsImportedAMomentAgoAreInTheNextResults() throws Exception {
        Survey survey = surveys.create("test-results-follow", "migration-intentions", 1,
                new Names("Тест", "Тест", "Test"), "test");
        List<String> lines;
        try (InputStream in = Objects.requireNonNull(getClass().getResourceAsStream("crosstab-sample.csv"))) {
            lines = Arrays.asList(new String(in.readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        }
        String header = lines.get(0);

        load(survey.id(), header, lines.subList(1, 41));
        JsonNode first = estimates(survey.id());
        assertThat(first.get("respondents").asInt()).isEqualTo(40);
        assertThat(estimates(survey.id())).isEqualTo(first);

        load(survey.id(), header, lines.subList(41, lines.size()));
        JsonNode second = estimates(survey.id());
        assertThat(second.get("respondents").asInt()).isEqualTo(80);
        assertThat(second.get("options")).isNotEqualTo(first.get("options"));
    }

    private void load(int surveyId, String header, List<String> rows) {
        byte[] file = (header + "\n" + String.join("\n", rows) + "\n").getBytes(StandardCharsets.UTF_8);
        ResponseImportReport report = imports.upload(surveyId, "follow.csv", new ByteArrayInputStream(file),
                ResponseMapping.empty(), "results-follow-analyst", Locale.ENGLISH);
        assertThat(report.status()).as(report.toString()).isEqualTo(ResponseImportStatus.VALID);
        imports.accept(surveyId, report.id(), "results-follow-analyst", Locale.ENGLISH);
    }

    private JsonNode estimates(int surveyId) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/surveys/" + surveyId + "/estimates")
                        .param("question", "intend_leave").with(user("results-follow-analyst").roles("ANALYST"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
