package kz.agyn.registry.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The cohort report is kept per generation of the registry (decisions 0042 and 0049) but never older than the last
 * edit: a scholar added by an officer is counted on the very next request, and so is the job that brings them back.
 */
class CohortsFollowTheDataTest extends AgynTest {

    @Autowired
    MockMvc mvc;
    @Autowired
    JsonMapper json;
    @Autowired
    ScholarService scholars;
    @Autowired
    ObligationService obligations;

    @Test
    void anOfficersEditsShowOnTheNextRequest() throws Exception {
        // The day is given, so that the report's day does not move when the registry stops being all synthetic.
        LocalDate day = obligations.today();
        JsonNode before = cohorts(day);
        assertThat(cohorts(day)).isEqualTo(before);
        long awards = before.get("awards").asLong();
        long graduates = total(before).get("graduates").asLong();

        TestScholars test = new TestScholars(scholars);
        long scholar = test.scholar(test.freshIin(LocalDate.of(1991, 3, 14), Sex.FEMALE), "Кэшова", "Ақбота");
        test.award(scholar, day.minusYears(1), true, "GB");
        JsonNode added = cohorts(day);
        assertThat(added.get("awards").asLong()).isEqualTo(awards + 1);
        assertThat(total(added).get("graduates").asLong()).isEqualTo(graduates + 1);

        long returned = total(added).get("returnRate").get("count").asLong();
        test.job(scholar, "PUBLIC", "710000000", "KZ", day.minusMonths(10), null, "B2");
        JsonNode back = cohorts(day);
        assertThat(total(back).get("returnRate").get("count").asLong()).isEqualTo(returned + 1);
    }

    private static JsonNode total(JsonNode report) {
        return report.get("table").get("total");
    }

    private JsonNode cohorts(LocalDate day) throws Exception {
        return json.readTree(mvc.perform(get("/api/v1/cohorts").param("programme", "BOLASHAK")
                        .param("asOf", day.toString()).with(user("cohort-follows-analyst").roles("ANALYST"))
                        .header("Accept-Language", "en"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString(StandardCharsets.UTF_8));
    }
}
