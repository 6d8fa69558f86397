package kz.agyn.registry.scholars;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.springframework.security.test.web.servlet.request.SecurityMockMvcRequestPostProcessors.csrf;
import static org.springframework.test.web.servlet.request.MockMvcRequestBuilders.multipart;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.jsonPath;
import static org.springframework.test.web.servlet.result.MockMvcResultMatchers.status;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.imports.ImportFixtures;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.monitoring.WorklistService;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.obligation.ObligationService;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.mock.web.MockMultipartFile;
import org.springframework.test.web.servlet.MockMvc;

/**
 * Anonymisation on request erases what identifies the person and everything officers wrote about them — names,
 * contacts, IIN, the operator's record numbers, universities, employers, BINs, evidence, guarantee references,
 * deferral and decision reasons, the grounds in the status history, repayment notes and task notes (every column of
 * {@link EncryptedText}, whatever is added to it later) — and keeps, unchanged, what the statistics read: awards'
 * years, degrees, fields, countries, funding and dates, jobs' sectors, places, occupations and salary bands,
 * decisions', deferrals' and tasks' kinds and dates, the states and their codes, and the pseudonym. The person is
 * then not recorded again, by hand or by an import, and nothing fails on the way.
 */
class AnonymisationTest extends AgynTest {

    @Autowired ScholarService scholars;
    @Autowired ObligationService obligations;
    @Autowired MonitoringService monitoring;
    @Autowired WorklistService worklist;
    @Autowired JdbcClient jdbc;
    @Autowired MockMvc mvc;

    /** What the statistics read, per table, for one scholar; must be the same before and after. */
    static final Map<String, String> KEPT = Map.of(
            "reg_scholar", "SELECT pseudonym, birth_year, sex, synthetic FROM reg_scholar WHERE id = :id",
            "reg_award", "SELECT id, programme, rule_version, call_year, degree, field, country, funding_kzt, "
                    + "guarantee_kind, awarded_on, study_start, planned_end, actual_end FROM reg_award "
                    + "WHERE scholar_id = :id ORDER BY id",
            "reg_employment", "SELECT id, sector, region, country, isco, start_date, end_date, salary_band "
                    + "FROM reg_employment WHERE scholar_id = :id ORDER BY id",
            "reg_deferral", "SELECT id, award_id, from_date, to_date, approved_by FROM reg_deferral "
                    + "WHERE award_id IN (SELECT id FROM reg_award WHERE scholar_id = :id) ORDER BY id",
            "reg_decision", "SELECT id, award_id, kind, on_date, decided_by FROM reg_decision "
                    + "WHERE award_id IN (SELECT id FROM reg_award WHERE scholar_id = :id) ORDER BY id",
            "reg_status_history", "SELECT id, award_id, from_state, to_state, at, by_user, reason "
                    + "FROM reg_status_history WHERE award_id IN (SELECT id FROM reg_award WHERE scholar_id = :id) "
                    + "ORDER BY id",
            "reg_task", "SELECT id, award_id, kind, due_on, done_at, done_by FROM reg_task "
                    + "WHERE award_id IN (SELECT id FROM reg_award WHERE scholar_id = :id) ORDER BY id",
            "reg_obligation", "SELECT award_id, state, days_required, days_worked, days_left, return_deadline, "
                    + "returned_on, repay_kzt, reasons FROM reg_obligation "
                    + "WHERE award_id IN (SELECT id FROM reg_award WHERE scholar_id = :id) ORDER BY award_id");

    @Test
    void erasesEveryIdentifyingAndFreeTextFieldAndKeepsWhatStatisticsNeed() {
        LocalDate today = LocalDate.now();
        String iin = new TestScholars(scholars).freshIin(LocalDate.of(1987, 4, 9), Sex.MALE);
        long id = scholars.create(new NewScholar(iin, "Өшірілетінов", "Ержан", "Серікұлы", "Ошириленов Ержан",
                "Oshiriletinov Yerzhan", "erase.me@example.kz", "+7 701 000 11 22", null, null, false),
                Access.PERSONAL);
        long overdue = scholars.addAward(id, new NewAward("BOLASHAK", null, 2016, "MASTER", "041",
                "Erasable University of Somewhere", "GB", new BigDecimal("18000000"), "pledge 77/2016 of Mr Kenes",
                today.minusYears(4), today.minusYears(4), today.minusYears(2), today.minusYears(2)),
                Access.PERSONAL, "officer");
        long studying = scholars.addAward(id, new NewAward("BOLASHAK", null, 2023, "PHD", "05",
                "Another Erasable College", "DE", new BigDecimal("25000000"), null, today.minusYears(2),
                today.minusYears(2), today.plusDays(40), null), Access.PERSONAL, "officer");
        scholars.addEmployment(id, new NewEmployment("Erasable Employer LLP", "990340005977", "PRIVATE", null, "DE",
                "25", today.minusYears(1), null, "B4", "contract shown by his wife"), Access.PERSONAL, "officer");
        monitoring.run(true, "test");
        long task = jdbc.sql("SELECT id FROM reg_task WHERE award_id = ? AND kind = 'OVERDUE' AND done_at IS NULL")
                .param(overdue).query(Long.class).single();
        worklist.done(task, "Spoke to his mother, who says he is ill", Access.PERSONAL, "officer");
        scholars.decide(studying, new NewDecision("DEFERRAL", null, today.plusDays(41), today.plusYears(1),
                "Postdoc offer from Prof. Weber"), Access.PERSONAL, "officer");
        scholars.decide(overdue, new NewDecision("BREACH_DECLARED", today, null, null,
                "No answer to letters of 3 and 20 May"), Access.PERSONAL, "officer");
        scholars.decide(overdue, new NewDecision("REPAYMENT_STARTED", today, null, null,
                "Schedule of 24 months signed by his father"), Access.PERSONAL, "officer");
        jdbc.sql("UPDATE reg_scholar SET external_ref = 'OPR-ERASE-1' WHERE id = ?").param(id).update();
        jdbc.sql("UPDATE reg_award SET external_ref = 'OPR-ERASE-1-' || id WHERE scholar_id = ?").param(id).update();
        // The casework's free text (issue 15): a work report, a pledge and a guarantor. Any ciphertext will do
        // here; what is checked is that anonymisation clears the columns.
        byte[] sealed = {1, 2, 3};
        jdbc.sql("INSERT INTO reg_work_report (award_id, period, due_on, received_on, employer_enc, position_enc, "
                + "recorded_by) VALUES (?, 1, ?, ?, ?, ?, 'officer')").params(overdue, today, today, sealed, sealed)
                .update();
        long security = jdbc.sql("INSERT INTO reg_security (award_id, kind, property_enc, value_kzt, document_enc, "
                + "recorded_by) VALUES (?, 'PLEDGE', ?, 20000000, ?, 'officer') RETURNING id")
                .params(overdue, sealed, sealed)
                .query(Long.class).single();
        jdbc.sql("INSERT INTO reg_guarantor (award_id, security_id, name_enc, iin_enc, contact_enc, recorded_by) "
                + "VALUES (?, ?, ?, ?, ?, 'officer')").params(overdue, security, sealed, sealed, sealed).update();
        // A security and a guarantor withdrawn with the officer's grounds (V101).
        jdbc.sql("INSERT INTO reg_security (award_id, kind, property_enc, value_kzt, recorded_by, withdrawn_at, "
                + "withdrawn_by, withdrawn_reason_enc) VALUES (?, 'PLEDGE', ?, 1000, 'officer', now(), 'officer', ?)")
                .params(overdue, sealed, sealed).update();
        jdbc.sql("INSERT INTO reg_guarantor (award_id, security_id, name_enc, iin_enc, recorded_by, withdrawn_at, "
                + "withdrawn_by, withdrawn_reason_enc) VALUES (?, ?, ?, ?, 'officer', now(), 'officer', ?)")
                .params(overdue, security, sealed, sealed, sealed).update();
        for (EncryptedText column : EncryptedText.values()) {
            assertThat(filled(column, id)).as("the test fills %s", column).isPositive();
        }
        Map<String, List<Map<String, Object>>> before = kept(id);
        String pseudonym = scholars.view(id, Access.PERSONAL).pseudonym();

        scholars.anonymise(id, Access.PERSONAL);

        for (EncryptedText column : EncryptedText.values()) {
            assertThat(filled(column, id)).as("%s after anonymisation", column).isZero();
        }
        Map<String, Object> scholar = jdbc.sql("SELECT * FROM reg_scholar WHERE id = ?").param(id).query()
                .singleRow();
        for (String c : List.of("iin_enc", "last_name_enc", "first_name_enc", "patronymic_enc", "name_ru_enc",
                "name_latin_enc", "email_enc", "phone_enc", "last_name_hash", "first_name_hash", "external_ref")) {
            assertThat(scholar.get(c)).as(c).isNull();
        }
        assertThat(scholar.get("anonymised_at")).isNotNull();
        assertThat(jdbc.sql("SELECT count(*) FROM reg_award WHERE scholar_id = ? AND (external_ref IS NOT NULL "
                + "OR university IS NOT NULL)").param(id).query(Long.class).single()).isZero();
        assertThat(kept(id)).as("what statistics read is unchanged").isEqualTo(before);

        // The card and the subject-access copy have nothing left to show, and the obligations evaluate as before.
        ScholarView card = scholars.view(id, Access.PERSONAL);
        assertThat(card.pseudonym()).isEqualTo(pseudonym);
        assertThat(card.lastName()).isNull();
        assertThat(card.awards()).allSatisfy(a -> {
            assertThat(a.university()).isNull();
            assertThat(a.guaranteeRef()).isNull();
            assertThat(a.deferrals()).allSatisfy(d -> assertThat(d.reason()).isNull());
            assertThat(a.decisions()).allSatisfy(d -> assertThat(d.reason()).isNull());
            assertThat(a.history()).allSatisfy(h -> assertThat(h.note()).isNull());
        });
        assertThat(card.awards().get(0).decisions()).extracting(ScholarView.DecisionView::type)
                .containsExactly("BREACH_DECLARED", "REPAYMENT_STARTED");
        assertThat(card.employments()).singleElement().satisfies(e -> {
            assertThat(e.employer()).isNull();
            assertThat(e.employerBin()).isNull();
            assertThat(e.evidence()).isNull();
            assertThat(e.sector()).isEqualTo("PRIVATE");
            assertThat(e.salaryBand()).isEqualTo("B4");
        });
        assertThat(card.awards().get(0).obligation().state().name()).isEqualTo("REPAYING");
        assertThat(obligations.recomputeAll().awards()).isPositive();
        assertThat(kept(id).get("reg_obligation")).isEqualTo(before.get("reg_obligation"));
        assertThat(jdbc.sql("SELECT count(*) FROM audit_event WHERE action = 'ANONYMISE' AND subject_id = ?")
                .param(id).query(Long.class).single()).isEqualTo(1);

        // The person is not recorded again: by hand, a clear refusal; by an import, a problem on the row.
        assertThatThrownBy(() -> scholars.create(new NewScholar(iin, "Қайта", "Енгізілген", null, null, null, null,
                null, null, null, false), Access.PERSONAL)).isInstanceOf(RegistryException.class)
                .hasMessageContaining("registry.scholar.erased");
    }

    @Test
    void anImportThatStillListsAnErasedPersonIsToldSoAndWritesNothing() throws Exception {
        String iin = new TestScholars(scholars).freshIin(LocalDate.of(1990, 6, 15), Sex.FEMALE);
        long id = new TestScholars(scholars).scholar(iin, "Импорттық", "Айгүл");
        scholars.anonymise(id, Access.PERSONAL);
        long before = jdbc.sql("SELECT count(*) FROM reg_scholar").query(Long.class).single();
        String file = ImportFixtures.SCHOLARS_HEADER + "ERASED-IMP-1," + iin + ",Импорттық,Айгүл" + ",".repeat(12)
                + "false\n";
        mvc.perform(multipart("/api/v1/registry/imports")
                        .file(new MockMultipartFile("scholars", "scholars.csv", "text/csv",
                                file.getBytes(StandardCharsets.UTF_8)))
                        .param("accept", "true").header("Accept-Language", "en").with(csrf())
                        .with(RegistryApiTest.OFFICER))
                .andExpect(status().isOk())
                .andExpect(jsonPath("$.status").value("INVALID"))
                .andExpect(jsonPath("$.problems[0].code").value("registry.import.erased"))
                .andExpect(jsonPath("$.problems[0].message").value(
                        "The data of scholar \"ERASED-IMP-1\" were erased on their request (anonymised); remove the "
                                + "scholar, their awards and jobs from the file."));
        assertThat(jdbc.sql("SELECT count(*) FROM reg_scholar").query(Long.class).single()).isEqualTo(before);
    }

    private long filled(EncryptedText column, long scholarId) {
        return jdbc.sql("SELECT count(*) FROM " + column.table() + " WHERE " + column.column() + " IS NOT NULL AND "
                + column.ofScholar()).param(scholarId).query(Long.class).single();
    }

    private Map<String, List<Map<String, Object>>> kept(long id) {
        Map<String, List<Map<String, Object>>> out = new java.util.TreeMap<>();
        KEPT.forEach((table, sql) -> out.put(table, jdbc.sql(sql).param("id", id).query().listOfRows()));
        return out;
    }
}
