package kz.agyn.registry.cohorts;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.time.LocalDate;

import kz.agyn.AgynTest;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.cohorts.internal.CohortRepository;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.test.web.servlet.MockMvc;

/**
 * The two cohort findings of issue 15, reproduced on the shared database: a scholar who lost the scholarship
 * during study was counted as a graduate (and so as a graduate abroad), and the default day changed without a
 * word when the first real record arrived.
 */
class CohortFindingsTest extends AgynTest {

    @Autowired
    ScholarService scholars;

    @Autowired
    CohortRepository repository;

    @Autowired
    CohortService cohorts;

    @Autowired
    MockMvc mvc;

    @Test
    void aScholarshipLostDuringStudyIsNotAGraduation() {
        TestScholars make = new TestScholars(scholars);
        LocalDate today = LocalDate.now();
        long scholar = make.scholar(make.freshIin(LocalDate.of(1999, 3, 2), kz.agyn.kernel.Sex.FEMALE),
                "Сапарова", "Дана");
        // Study runs for another year; the scholarship is withdrawn today (failed exams, say).
        long award = make.award(scholar, today.plusYears(1), false, "GB");
        var status = scholars.decide(award, new NewDecision("BREACH_DECLARED", today, null, null, "expelled"),
                Access.PERSONAL, "test-officer");
        assertThat(status.state()).isEqualTo(ObligationState.IN_BREACH);

        CohortRecord r = repository.records("BOLASHAK", today).stream().filter(x -> x.awardId() == award)
                .findFirst().orElseThrow();
        assertThat(r.graduated()).as("lost during study is not a graduation").isFalse();
        assertThat(r.lostDuringStudy()).isTrue();
        assertThat(r.abroadOn(today)).isFalse();
        assertThat(r.stayedAbroad(today)).isFalse();

        CohortReport report = cohorts.report("BOLASHAK", Breakdown.GRADUATION_YEAR, SectorBasis.CURRENT_JOB, today,
                true);
        assertThat(report.lostDuringStudy()).isGreaterThanOrEqualTo(1L);
        assertThat(report.asOfBasis()).isEqualTo(AsOfBasis.ASKED);
    }

    /**
     * The default day follows a stated rule and says which branch applied: the demonstration day while every
     * award is synthetic, else today. The shared database holds hand-made awards from other tests (and this
     * one adds one), so here the registry is mixed and the default is today, said so in the answer.
     */
    @Test
    void theDefaultDayIsExplicitAndShown() throws Exception {
        TestScholars make = new TestScholars(scholars);
        long scholar = make.scholar(make.freshIin(LocalDate.of(1998, 1, 5), kz.agyn.kernel.Sex.MALE),
                "Омаров", "Ален");
        make.award(scholar, LocalDate.now().plusYears(1), false, "US");
        CohortService.DefaultDay d = cohorts.defaultDay();
        assertThat(d.basis()).isEqualTo(AsOfBasis.TODAY);
        assertThat(d.day()).isEqualTo(LocalDate.now());
        assertThat(d.demonstrationDay()).isNotNull();
        mvc.perform(get("/api/v1/cohorts").with(user("f-an").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.asOf").value(LocalDate.now().toString()))
                .andExpect(jsonPath("$.asOfBasis").value("TODAY"))
                .andExpect(jsonPath("$.demonstrationDay").value(d.demonstrationDay().toString()));
        String page = mvc.perform(get("/registry/cohorts").param("lang", "en")
                        .with(user("f-an").roles("ANALYST")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(page).contains("id=\"cohort-as-of-basis\"").contains("real records");
    }

    @Test
    void theRuleItself() {
        LocalDate demo = LocalDate.of(2024, 11, 6);
        LocalDate today = LocalDate.of(2026, 3, 1);
        assertThat(CohortService.DefaultDay.of(true, demo, today))
                .isEqualTo(new CohortService.DefaultDay(demo, AsOfBasis.DEMONSTRATION, demo));
        assertThat(CohortService.DefaultDay.of(false, demo, today))
                .isEqualTo(new CohortService.DefaultDay(today, AsOfBasis.TODAY, demo));
    }
}
