package kz.agyn.registry.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.scholars.RegistryApiTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;
import tools.jackson.databind.json.JsonMapper;

/**
 * The findings of issue 15 through the API: repayment on what was spent, "owed if declared today", asOf, the
 * effective day in the status history, and a future-dated decision refused in the user's language.
 */
class ObligationApiTest extends AgynTest {

    @Autowired
    MockMvc mvc;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    JsonMapper json;

    @Autowired
    ObligationService obligations;

    @Test
    void lostMidStudyAfterEightMillionSpentOwesEightPointEight() throws Exception {
        long scholar = scholar(4201);
        long award = award(scholar, "\"spentKzt\":8000000,");

        // Studying on 1 May 2019: a breach declared then would cost what was spent, 8,000,000, plus 10%.
        mvc.perform(get("/api/v1/scholars/" + scholar + "/obligation").param("asOf", "2019-05-01")
                        .with(RegistryApiTest.OFFICER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].state").value("STUDYING"))
                .andExpect(jsonPath("$[0].owedIfDeclaredToday.total.amount").value(8_800_000))
                .andExpect(jsonPath("$[0].termYears").value(5));

        // Today the scholar is overdue (never back): the stored evaluation keeps what a breach would cost, for
        // worklists.
        assertThat(owedIfDeclared(award)).isEqualByComparingTo("8800000");

        mvc.perform(post("/api/v1/awards/" + award + "/decisions").with(csrf()).with(RegistryApiTest.OFFICER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"BREACH_DECLARED\",\"date\":\"2019-06-01\",\"reason\":\"Order 17\"}"))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.state").value("IN_BREACH"))
                .andExpect(jsonPath("$.repayment.total.amount").value(8_800_000))
                .andExpect(jsonPath("$.stateSince").value("2019-06-01"));

        // The history says when the breach took effect, not only when it was typed in.
        LocalDate effective = jdbc.sql("SELECT effective_on FROM reg_status_history WHERE award_id = ? "
                        + "AND to_state = 'IN_BREACH'").param(award).query(LocalDate.class).single();
        assertThat(effective).isEqualTo(LocalDate.of(2019, 6, 1));
        assertThat(owedIfDeclared(award)).isNull();

        // As of a day before the breach, the breach is not there yet.
        mvc.perform(get("/api/v1/scholars/" + scholar + "/obligation").param("asOf", "2019-05-31")
                        .with(RegistryApiTest.OFFICER))
                .andExpect(jsonPath("$[0].state").value("STUDYING"));
    }

    @Test
    void aFutureDecisionIsRefusedAsSuchAndABadDateIsA400() throws Exception {
        long scholar = scholar(4202);
        long award = award(scholar, "");
        LocalDate tomorrow = obligations.today().plusDays(1);
        mvc.perform(post("/api/v1/awards/" + award + "/decisions").with(csrf()).with(RegistryApiTest.OFFICER)
                        .header("Accept-Language", "en").contentType(MediaType.APPLICATION_JSON)
                        .content("{\"type\":\"BREACH_DECLARED\",\"date\":\"" + tomorrow + "\",\"reason\":\"x\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value("The decision is dated " + tomorrow
                        + ", in the future: give today (" + obligations.today() + ") or an earlier day."));
        mvc.perform(get("/api/v1/scholars/" + scholar + "/obligation").param("asOf", "2019-13-01")
                        .with(RegistryApiTest.OFFICER))
                .andExpect(status().isBadRequest());
    }

    @Test
    void theSeededRulesAreThePublishedOnes() {
        RuleBook book = obligations.ruleBook();
        ObligationRules latest = book.inForceOn(ObligationService.BOLASHAK, LocalDate.of(2026, 1, 1));
        assertThat(latest.version()).isEqualTo(4);
        assertThat(latest.cityRegionPrefixes()).containsExactlyInAnyOrder("71", "75", "79");
        assertThat(latest.regionYears()).isEqualTo(3);
        assertThat(book.inForceOn(ObligationService.BOLASHAK, LocalDate.of(2018, 1, 1)).version()).isEqualTo(2);
    }

    private java.math.BigDecimal owedIfDeclared(long award) {
        return jdbc.sql("SELECT owed_if_declared_kzt FROM reg_obligation WHERE award_id = ?").param(award)
                .query(java.math.BigDecimal.class).optional().orElse(null);
    }

    private long scholar(int serial) throws Exception {
        String iin = Iin.of(LocalDate.of(1991, 5, 20), Sex.MALE, serial).orElseThrow().value();
        String body = mvc.perform(post("/api/v1/scholars").with(csrf()).with(RegistryApiTest.OFFICER)
                        .contentType(MediaType.APPLICATION_JSON)
                        .content("{\"iin\":\"" + iin + "\",\"lastName\":\"Сейітов\",\"firstName\":\"Ерлан\"}"))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }

    private long award(long scholar, String extra) throws Exception {
        String body = mvc.perform(post("/api/v1/scholars/" + scholar + "/awards").with(csrf())
                        .with(RegistryApiTest.OFFICER).contentType(MediaType.APPLICATION_JSON).content("""
                                {"programme":"BOLASHAK","callYear":2018,"degree":"MASTER","field":"06",%s
                                 "university":"University of Edinburgh","country":"GB","fundingKzt":22000000,
                                 "awardedOn":"2018-03-01","studyStart":"2018-09-01","plannedEnd":"2020-06-30"}"""
                                .formatted(extra)))
                .andExpect(status().isCreated()).andReturn().getResponse().getContentAsString();
        return json.readTree(body).get("id").asLong();
    }
}
