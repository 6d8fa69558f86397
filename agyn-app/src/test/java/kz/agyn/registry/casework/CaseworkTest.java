package kz.agyn.registry.casework;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.user;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.get;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.post;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.test.web.servlet.MockMvc;

/** Six-monthly work reports with their monitoring tasks, and instalment agreements, on hand-made scholars. */
class CaseworkTest extends AgynTest {

    @Autowired
    ScholarService scholars;

    @Autowired
    WorkReports reports;

    @Autowired
    Instalments instalments;

    @Autowired
    MonitoringService monitoring;

    @Autowired
    JdbcClient jdbc;

    @Autowired
    MockMvc mvc;

    @Test
    void reportsFollowTheStartOfWorkAndFeedTheWorklist() throws Exception {
        TestScholars make = new TestScholars(scholars);
        LocalDate today = LocalDate.now();
        long s = make.scholar(make.freshIin(LocalDate.of(1994, 4, 4), Sex.MALE), "Төлеуов", "Бекзат");
        long award = make.award(s, today.minusDays(400), true, "GB");
        LocalDate start = today.minusDays(380);
        make.job(s, "PUBLIC", "710000000", "KZ", start, null, "B3");

        List<ReportPeriod> schedule = reports.schedule(award, today, Access.PERSONAL);
        assertThat(schedule).extracting(ReportPeriod::period).containsExactly(1, 2, 3);
        assertThat(schedule.get(0).dueOn()).isEqualTo(start.plusMonths(6));
        assertThat(schedule).extracting(ReportPeriod::status)
                .containsExactly(ReportStatus.OVERDUE, ReportStatus.DUE, ReportStatus.UPCOMING);
        // As of an earlier day the schedule is shorter and nothing was overdue yet.
        assertThat(reports.schedule(award, start.plusMonths(5), Access.PERSONAL)).extracting(ReportPeriod::status)
                .containsExactly(ReportStatus.DUE);

        monitoring.run(false, "test");
        assertThat(open(award)).containsExactly("REPORT_DUE", "REPORT_OVERDUE");
        assertThat(jdbc.sql("SELECT due_on FROM reg_task WHERE award_id = ? AND kind = 'REPORT_OVERDUE' "
                + "AND done_at IS NULL").param(award).query(LocalDate.class).single()).isEqualTo(start.plusMonths(6));

        mvc.perform(post("/api/v1/registry/awards/" + award + "/reports").with(csrf())
                        .with(user("off").roles("REGISTRY_OFFICER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":1,\"receivedOn\":\"" + today + "\",\"employer\":\"Министрлік\","
                                + "\"position\":\"Сарапшы\"}"))
                .andExpect(status().isCreated());
        // Mistakes are refused in the reader's language with 400, not a server error.
        mvc.perform(post("/api/v1/registry/awards/" + award + "/reports").with(csrf()).param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"period\":9,\"employer\":\"X\",\"position\":\"Y\"}"))
                .andExpect(status().isBadRequest());
        monitoring.run(false, "test");
        assertThat(open(award)).containsExactly("REPORT_DUE");

        mvc.perform(get("/api/v1/registry/awards/" + award + "/reports").with(user("an").roles("ANALYST")))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$[0].status").value("RECEIVED"))
                .andExpect(jsonPath("$[0].employer").doesNotExist());
        String officer = mvc.perform(get("/api/v1/registry/awards/" + award + "/reports")
                        .with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(officer).contains("Министрлік");
        // Stored encrypted only.
        byte[] stored = jdbc.sql("SELECT employer_enc FROM reg_work_report WHERE award_id = ?").param(award)
                .query(byte[].class).single();
        assertThat(new String(stored, java.nio.charset.StandardCharsets.UTF_8)).doesNotContain("Министрлік");
    }

    /** Before a breach is declared, the breach notice tells the officer what it would state: owed if declared today. */
    @Test
    void aBreachNoticeBeforeTheDeclarationStatesWhatItWouldCost() throws Exception {
        TestScholars make = new TestScholars(scholars);
        LocalDate today = LocalDate.now();
        long s = make.scholar(make.freshIin(LocalDate.of(1994, 3, 3), Sex.MALE), "Қасымов", "Ерлан");
        long award = make.award(s, today.minusDays(300), true, "US");
        for (String lang : List.of("kk", "ru", "en")) {
            String html = mvc.perform(get("/registry/awards/" + award + "/notices/BREACH").param("lang", lang)
                            .with(user("off").roles("REGISTRY_OFFICER")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("id=\"notice-if-declared\"").doesNotContain("id=\"notice-owed\"")
                    .contains(today.toString());
        }
    }

    @Test
    void instalmentsUpToFifteenYearsWithScheduleAndBalance() throws Exception {
        TestScholars make = new TestScholars(scholars);
        LocalDate today = LocalDate.now();
        long s = make.scholar(make.freshIin(LocalDate.of(1993, 9, 9), Sex.FEMALE), "Ержанова", "Әсел");
        long award = make.award(s, today.minusDays(300), true, "US");
        scholars.decide(award, new NewDecision("BREACH_DECLARED", today, null, null, "not back"), Access.PERSONAL,
                "off");

        mvc.perform(post("/api/v1/registry/awards/" + award + "/instalments").with(csrf()).param("lang", "ru")
                        .with(user("off").roles("REGISTRY_OFFICER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"months\":181,\"reason\":\"agreement 1\"}"))
                .andExpect(status().isBadRequest())
                .andExpect(jsonPath("$.detail").value(org.hamcrest.Matchers.containsString("15")));

        InstalmentPlan plan = instalments.agree(award, new NewAgreement(24, today.plusMonths(1), today,
                "agreement 7/2026"), Access.PERSONAL, "off");
        assertThat(plan.months()).isEqualTo(24);
        assertThat(plan.schedule()).hasSize(24);
        assertThat(plan.schedule().stream().map(InstalmentPlan.Instalment::amount)
                .reduce(BigDecimal.ZERO, BigDecimal::add)).isEqualByComparingTo(plan.amount());
        assertThat(plan.balance()).isEqualByComparingTo(plan.amount());
        assertThat(plan.amount().signum()).isPositive();
        // The decision's amount column is written at last.
        BigDecimal decided = jdbc.sql("SELECT amount_kzt FROM reg_decision WHERE award_id = ? AND kind = "
                + "'REPAYMENT_STARTED'").param(award).query(BigDecimal.class).single();
        assertThat(decided).isEqualByComparingTo(plan.amount());

        InstalmentPlan after = instalments.pay(award, new NewPayment(today, plan.schedule().get(0).amount()),
                Access.PERSONAL, "off");
        assertThat(after.balance()).isEqualByComparingTo(plan.amount().subtract(plan.schedule().get(0).amount()));
        assertThat(after.schedule().get(0).status()).isEqualTo(InstalmentStatus.PAID);
        // A year on without more payments, eleven instalments are overdue.
        InstalmentPlan later = instalments.plan(award, today.plusMonths(12).plusDays(1), Access.PERSONAL)
                .orElseThrow();
        assertThat(later.arrears()).isPositive();

        mvc.perform(post("/api/v1/registry/awards/" + award + "/instalments/payments").with(csrf())
                        .with(user("off").roles("REGISTRY_OFFICER")).contentType(MediaType.APPLICATION_JSON)
                        .content("{\"amount\":" + after.balance().add(BigDecimal.TEN).toPlainString() + "}"))
                .andExpect(status().isBadRequest());
        InstalmentPlan paid = instalments.pay(award, new NewPayment(today, after.balance()), Access.PERSONAL, "off");
        assertThat(paid.balance()).isZero();
        assertThat(jdbc.sql("SELECT state FROM reg_obligation WHERE award_id = ?").param(award).query(String.class)
                .single()).isEqualTo("REPAID");
        mvc.perform(get("/api/v1/registry/awards/" + award + "/instalments").with(user("an").roles("ANALYST")))
                .andExpect(status().isOk()).andExpect(jsonPath("$.balance").value(0));

        // Notices: printable, in Kazakh and Russian, officers only, each one audited.
        long audited = jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE 'notice %'").query(Long.class)
                .single();
        for (String lang : List.of("kk", "ru", "en")) {
            String html = mvc.perform(get("/registry/awards/" + award + "/notices/BREACH").param("lang", lang)
                            .with(user("off").roles("REGISTRY_OFFICER")))
                    .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
            assertThat(html).contains("@media print").contains("Ержанова").contains("id=\"notice-owed\"");
        }
        assertThat(mvc.perform(get("/registry/awards/" + award + "/notices/INSTALMENT_SCHEDULE").param("lang", "kk")
                        .with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString()).contains("Бөліп төлеу");
        mvc.perform(get("/registry/awards/" + award + "/notices/BREACH").with(user("an").roles("ANALYST")))
                .andExpect(status().isForbidden());
        mvc.perform(get("/registry/awards/" + award + "/notices/NOPE").with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isBadRequest());
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE detail LIKE 'notice %'").query(Long.class)
                .single()).isEqualTo(audited + 4);
        String section = mvc.perform(get("/registry/awards/" + award + "/casework")
                        .with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section).contains("casework-" + award).contains("notices/REPORT_REMINDER");
    }

    /** The card's agreement form: the amount is shown, not typed; a mistake comes back beside its field. */
    @Test
    void theCardAgreesInstalmentsAndShowsAMistakeBesideItsField() throws Exception {
        TestScholars make = new TestScholars(scholars);
        LocalDate today = LocalDate.now();
        long s = make.scholar(make.freshIin(LocalDate.of(1992, 8, 8), Sex.MALE), "Серіков", "Әлихан");
        long award = make.award(s, today.minusDays(200), true, "CA");
        String form = "/registry/awards/" + award + "/casework/instalments";
        // Before a breach there is nothing to agree: no form.
        assertThat(mvc.perform(get("/registry/awards/" + award + "/casework").param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("agreement-" + award);
        scholars.decide(award, new NewDecision("BREACH_DECLARED", today, null, null, "not back"), Access.PERSONAL,
                "off");
        String section = mvc.perform(get("/registry/awards/" + award + "/casework").param("lang", "kk")
                        .with(user("off").roles("REGISTRY_OFFICER")))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(section).contains("agreement-" + award).contains("Бөліп төлеуді келісу").contains("180 айдан");
        assertThat(mvc.perform(get("/registry/awards/" + award + "/casework").with(user("an").roles("ANALYST")))
                .andReturn().getResponse().getContentAsString()).doesNotContain("agreement-" + award);

        String refused = mvc.perform(post(form).with(csrf()).param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER")).param("months", "200").param("reason", "A-1"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString();
        assertThat(refused).contains("class=\"field-error\"").contains("A term of 200 months is not possible");
        assertThat(mvc.perform(post(form).with(csrf()).param("lang", "ru")
                        .with(user("off").roles("REGISTRY_OFFICER")).param("months", "12").param("reason", "A-1")
                        .param("startsOn", "1 May")).andExpect(status().isBadRequest())
                .andReturn().getResponse().getContentAsString()).contains("field-error").contains("ГГГГ-ММ-ДД");
        assertThat(mvc.perform(post(form).with(csrf()).param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER")).param("months", "12"))
                .andExpect(status().isBadRequest()).andReturn().getResponse().getContentAsString())
                .contains("field-error").contains("grounds");
        mvc.perform(post(form).with(csrf()).with(user("an").roles("ANALYST")).param("months", "12")
                .param("reason", "x")).andExpect(status().isForbidden());

        String agreed = mvc.perform(post(form).with(csrf()).param("lang", "en")
                        .with(user("off").roles("REGISTRY_OFFICER")).param("months", "12")
                        .param("startsOn", today.plusMonths(1).toString()).param("agreedOn", today.toString())
                        .param("reason", "Agreement 12/2026"))
                .andExpect(status().isOk()).andReturn().getResponse().getContentAsString();
        assertThat(agreed).contains("plan-" + award).contains("The instalment agreement is recorded")
                .contains("Schedule: 12 monthly instalments").doesNotContain("agreement-" + award);
        assertThat(jdbc.sql("SELECT months FROM reg_instalment_agreement WHERE award_id = ?").param(award)
                .query(Integer.class).single()).isEqualTo(12);
    }

    List<String> open(long awardId) {
        return jdbc.sql("SELECT kind FROM reg_task WHERE award_id = ? AND done_at IS NULL ORDER BY kind")
                .param(awardId).query(String.class).list();
    }
}
