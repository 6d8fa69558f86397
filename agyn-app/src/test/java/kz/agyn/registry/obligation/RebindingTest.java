package kz.agyn.registry.obligation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalDate;
import java.util.UUID;

import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.NewAward;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Re-binding the awards of placeholder version 1 to the version in force on their award date (decision 0027), on a
 * programme of this test's own whose versions 1 and 2 are Bolashak's (5 years anywhere on the budget; 5 in the
 * cities, 3 in the regions, on what was spent), so that re-binding moves nobody else's awards in the shared
 * database. Figures are worked by hand in the comments.
 */
class RebindingTest extends AgynTest {

    static final String PROGRAMME = "REBINDTEST";

    @Autowired
    ScholarService scholars;

    @Autowired
    ObligationService obligations;

    @Autowired
    Rebinding rebinding;

    @Autowired
    Jobs jobs;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @BeforeEach
    void programmeWithBolashaksFirstTwoVersions() {
        programme(PROGRAMME, jdbc, obligations);
    }

    /** A programme of a test's own whose versions 1 and 2 are copies of Bolashak's. */
    public static void programme(String code, JdbcClient jdbc, ObligationService obligations) {
        jdbc.sql("INSERT INTO reg_programme VALUES (?, 'Тест', 'Тест', 'Test') ON CONFLICT DO NOTHING")
                .param(code).update();
        for (int v : new int[] {1, 2}) {
            boolean present = jdbc.sql("SELECT count(*) > 0 FROM reg_rule_set WHERE programme = ? AND version = ?")
                    .params(code, v).query(Boolean.class).single();
            if (!present) {
                obligations.ruleSets();   // Bolashak's version 1 exists in every database
                String text = jdbc.sql("SELECT rules FROM reg_rule_set WHERE programme = 'BOLASHAK' AND version = ?")
                        .param(v).query(String.class).single().replace("BOLASHAK", code);
                obligations.addRules(text, "test copy of Bolashak v" + v, "test");
            }
        }
    }

    @Test
    void previewShowsPerAwardTermsAndOwedThenTheJobMovesThemAndRecordsIt() throws Exception {
        TestScholars make = new TestScholars(scholars);
        LocalDate today = LocalDate.now();

        // A: back 4 years ago, working in Pavlodar since. Version 1: 5 years anywhere → still working off. Version 2:
        // 3 years in the regions → fulfilled. The state changes, the term goes 5 → 3.
        long a = make.scholar(make.freshIin(LocalDate.of(1990, 1, 10), Sex.MALE), "Ауыстыру", "Бір");
        LocalDate endA = today.minusYears(4);
        long awardA = award(a, endA, null);
        make.job(a, "PUBLIC", "550000000", "KZ", endA.plusDays(20), null, "B3");

        // B: never came back; breach declared today; 8 000 000 ₸ of the 15 000 000 ₸ budget spent. Version 1 repays
        // the budget pro rata: 15 000 000 × 1 (nothing worked) + 10% = 16 500 000. Version 2 repays what was spent:
        // 8 000 000 + 10% = 8 800 000. In breach under both: the owed amount changes, not the state.
        long b = make.scholar(make.freshIin(LocalDate.of(1991, 2, 11), Sex.FEMALE), "Ауыстыру", "Екі");
        long awardB = award(b, today.minusDays(400), new BigDecimal("8000000"));
        scholars.decide(awardB, new NewDecision("BREACH_DECLARED", today, null, null, "not back"), Access.PERSONAL,
                "off");

        assertThat(rebinding.boundCounts().get(PROGRAMME)).containsEntry(1, 2L);
        RebindingPreview p = rebinding.preview(PROGRAMME, 1);
        assertThat(p.bound()).isEqualTo(2);
        assertThat(p.moving()).isEqualTo(2);
        assertThat(p.byTarget()).containsExactly(java.util.Map.entry(2, 2));
        assertThat(p.lines()).as(p.lines().toString()).hasSize(2);
        assertThat(p.transitions()).containsExactly(java.util.Map.entry("WORKING_OFF→FULFILLED", 1));
        assertThat(p.stateChanges()).isEqualTo(1);
        // Both owe another amount: A would owe a pro-rata share if declared today under version 1, nothing once
        // fulfilled under version 2; B as worked out above.
        assertThat(p.owedChanges()).isEqualTo(2);
        RebindingLine la = line(p, awardA);
        assertThat(la.toVersion()).isEqualTo(2);
        assertThat(la.oldState()).isEqualTo(ObligationState.WORKING_OFF);
        assertThat(la.newState()).isEqualTo(ObligationState.FULFILLED);
        assertThat(la.oldTermYears()).isEqualTo(5);
        assertThat(la.newTermYears()).isEqualTo(3);
        assertThat(la.oldOwed()).isPositive().isLessThan(new BigDecimal("16500000"));
        assertThat(la.newOwed()).isNull();
        RebindingLine lb = line(p, awardB);
        assertThat(lb.oldState()).isEqualTo(ObligationState.IN_BREACH);
        assertThat(lb.newState()).isEqualTo(ObligationState.IN_BREACH);
        assertThat(lb.oldOwed()).isEqualByComparingTo("16500000");
        assertThat(lb.newOwed()).isEqualByComparingTo("8800000");

        // Administrators only; the API gives the same figures.
        String url = "/api/v1/registry/rules/" + PROGRAMME + "/1/rebinding";
        mvc.perform(get(url).with(user("off").roles("REGISTRY_OFFICER"))).andExpect(status().isForbidden());
        mvc.perform(get(url).with(user("adm").roles("ADMIN"))).andExpect(status().isOk())
                .andExpect(jsonPath("$.moving").value(2)).andExpect(jsonPath("$.stateChanges").value(1));
        mvc.perform(get("/api/v1/registry/rules/" + PROGRAMME + "/9/rebinding").param("lang", "en")
                .with(user("adm").roles("ADMIN"))).andExpect(status().isNotFound());
        // The rules page shows the preview to an administrator.
        String page = mvc.perform(get("/registry/rules/rebinding").param("version", PROGRAMME + "/1")
                        .param("lang", "en").with(user("adm").roles("ADMIN")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("rebind-lines").contains("16 500 000 → 8 800 000").contains("5 → 3")
                .contains("Re-bind 2 awards");
        mvc.perform(post(url).with(csrf()).with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isForbidden());

        long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE 'rebind programme " + PROGRAMME
                + "%'").query(Long.class).single();
        String body = mvc.perform(post(url).with(csrf()).with(user("adm").roles("ADMIN")))
                .andExpect(status().isAccepted()).andReturn().getResponse().getContentAsString();
        UUID job = UUID.fromString(body.replaceAll(".*\"job\":\"([^\"]+)\".*", "$1"));
        long deadline = System.nanoTime() + Duration.ofSeconds(60).toNanos();
        while (jobs.find(job).orElseThrow().state() == JobState.RUNNING && System.nanoTime() < deadline) {
            Thread.sleep(100);
        }
        assertThat(jobs.find(job).orElseThrow().state()).isEqualTo(JobState.SUCCEEDED);

        assertThat(version(awardA)).isEqualTo(2);
        assertThat(version(awardB)).isEqualTo(2);
        assertThat(rebinding.boundCounts().get(PROGRAMME)).containsEntry(2, 2L).doesNotContainKey(1);
        assertThat(jdbc.sql("SELECT state FROM reg_obligation WHERE award_id = ?").param(awardA).query(String.class)
                .single()).isEqualTo("FULFILLED");
        assertThat(obligations.status(awardB, today).repayment().total().amount()).isEqualByComparingTo("8800000");
        assertThat(jdbc.sql("""
                SELECT string_agg(award_id || ':' || from_version || '>' || to_version || ':' || state_before || '>'
                  || state_after, ',' ORDER BY award_id) FROM reg_rule_rebinding WHERE job_id = ?""")
                .param(job).query(String.class).single())
                .isEqualTo(awardA + ":1>2:WORKING_OFF>FULFILLED," + awardB + ":1>2:IN_BREACH>IN_BREACH");
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'OBLIGATION_RULES_CHANGED' AND detail "
                + "LIKE 'rebind programme " + PROGRAMME + "%'").query(Long.class).single()).isEqualTo(audited + 1);
        // Nothing is left to move.
        assertThat(rebinding.preview(PROGRAMME, 1).moving()).isZero();
    }

    long award(long scholar, LocalDate end, BigDecimal spent) {
        return award(scholars, PROGRAMME, scholar, end, spent);
    }

    /** A master's award of {@code programme} bound to version 1, two years of study ending on {@code end}. */
    public static long award(ScholarService scholars, String programme, long scholar, LocalDate end,
                             BigDecimal spent) {
        LocalDate start = end.minusYears(2);
        return scholars.addAward(scholar, new NewAward(programme, 1, start.getYear(), "MASTER", "06",
                "Test University", "GB", new BigDecimal("15000000"), null, start, start, end, end, false, false,
                spent), Access.PERSONAL, "test-officer");
    }

    int version(long award) {
        return jdbc.sql("SELECT rule_version FROM reg_award WHERE id = ?").param(award).query(Integer.class).single();
    }

    static RebindingLine line(RebindingPreview p, long award) {
        return p.lines().stream().filter(l -> l.awardId() == award).findFirst().orElseThrow();
    }
}
