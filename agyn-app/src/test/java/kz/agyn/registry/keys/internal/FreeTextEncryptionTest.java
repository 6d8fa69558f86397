package kz.agyn.registry.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

import javax.sql.DataSource;

import kz.agyn.AgynTest;
import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.keys.PersonalDataCipher;
import org.flywaydb.core.Flyway;
import org.flywaydb.core.api.configuration.Configuration;
import org.flywaydb.core.api.migration.Context;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.core.io.ClassPathResource;

/**
 * Migration 14 on a registry made by an earlier version: the registry's schema as V8 created it is built in a
 * schema of its own, filled with clear-text reasons, notes, employers and references as the earlier code wrote
 * them (more rows than one chunk of the migration), and migrated. Every value then decrypts to what was written,
 * the clear columns are gone, the status history keeps its codes in clear and the officer's words encrypted, and
 * the monitoring pass's own notes (message keys) are not kept as if someone had written them.
 */
class FreeTextEncryptionTest extends AgynTest {

    /** Migrations run as the schema's owner (the application's own role may not create a schema). */
    @Autowired
    Flyway flyway;

    @Autowired
    PersonalDataCipher cipher;

    @Test
    void splitsAStatusReasonIntoItsCodeAndTheOfficersWords() {
        assertThat(FreeTextEncryption.split("BREACH_DECLARED: letter of 3 May")).containsExactly("BREACH_DECLARED",
                "letter of 3 May");
        assertThat(FreeTextEncryption.split("RETURN_DEADLINE_PASSED")).containsExactly("RETURN_DEADLINE_PASSED", null);
        assertThat(FreeTextEncryption.split("REPAID: line one\nline two: more")).containsExactly("REPAID",
                "line one\nline two: more");
        // Not a code the history knows: the whole text is somebody's words.
        assertThat(FreeTextEncryption.split("Called the scholar")).containsExactly("NOTE", "Called the scholar");
        assertThat(FreeTextEncryption.split("UNHEARD_OF: x")).containsExactly("NOTE", "UNHEARD_OF: x");
    }

    @Test
    void encryptsEveryRowOfAnEarlierRegistryAndDropsTheClearColumns() throws Exception {
        String schema = "pii_v14_" + Long.toString(System.nanoTime(), 36);
        DataSource owner = flyway.getConfiguration().getDataSource();
        try (Connection c = owner.getConnection()) {
            c.setAutoCommit(false);
            try {
                run(c, "CREATE SCHEMA " + schema + "; SET LOCAL search_path TO " + schema);
                run(c, new String(new ClassPathResource("db/migration/V8__registry.sql").getInputStream()
                        .readAllBytes(), StandardCharsets.UTF_8));
                run(c, """
                        INSERT INTO reg_scholar (id, iin_hash, pseudonym, birth_year, sex)
                          SELECT g, decode(lpad(to_hex(g), 8, '0'), 'hex'), 'S-T' || g, 1990, 'F'
                          FROM generate_series(1, 2) g;
                        INSERT INTO reg_award (id, scholar_id, programme, rule_version, call_year, degree, field,
                          university, country, funding_kzt, guarantee_ref, study_start, planned_end)
                          VALUES (1, 1, 'BOLASHAK', 1, 2015, 'MASTER', '06', 'U', 'GB', 1, 'pledge 7/2015',
                                  '2015-09-01', '2017-06-30'),
                                 (2, 2, 'BOLASHAK', 1, 2016, 'PHD', '05', 'U', 'US', 1, NULL,
                                  '2016-09-01', '2019-06-30');
                        -- 2,500 jobs: more than one chunk of the migration.
                        INSERT INTO reg_employment (scholar_id, employer, employer_bin, sector, start_date, evidence,
                          created_by)
                          SELECT 1 + g % 2, 'Employer ' || g, CASE WHEN g % 3 = 0 THEN '12345678901' || (g % 10) END,
                                 'PRIVATE', DATE '2018-01-01' + g, CASE WHEN g % 2 = 0 THEN 'SELF_REPORT' END, 'old'
                          FROM generate_series(1, 2500) g;
                        INSERT INTO reg_deferral (award_id, from_date, to_date, reason, approved_by)
                          VALUES (2, '2019-07-01', '2020-06-30', 'Postdoc at MIT, letter 5', 'officer');
                        INSERT INTO reg_decision (award_id, kind, on_date, reason, decided_by)
                          VALUES (1, 'BREACH_DECLARED', '2019-01-10', 'Did not answer three letters', 'officer'),
                                 (1, 'RETURN_CONFIRMED', '2018-01-10', 'import', 'officer');
                        INSERT INTO reg_status_history (id, award_id, from_state, to_state, by_user, reason)
                          VALUES (1, 1, NULL, 'STUDYING', 'system', 'STUDY_IN_PROGRESS'),
                                 (2, 1, 'OVERDUE', 'IN_BREACH', 'officer', 'BREACH_DECLARED: Did not answer three letters'),
                                 (3, 1, 'IN_BREACH', 'REPAYING', 'officer', 'REPAYMENT_STARTED'),
                                 (4, 2, 'GRADUATED', 'RETURNED', 'officer', 'Phoned; back since May');
                        INSERT INTO reg_task (id, award_id, kind, done_at, done_by, note)
                          VALUES (1, 1, 'OVERDUE', now(), 'officer', 'Wrote to the guarantor, Mr Sadykov'),
                                 (2, 1, 'DUE_HOME', now(), 'monitoring', 'monitoring.task.autoClosed'),
                                 (3, 2, 'OVERDUE', NULL, NULL, NULL)""");

                new FreeTextEncryption(cipher).migrate(new Context() {
                    @Override
                    public Configuration getConfiguration() {
                        return null;
                    }

                    @Override
                    public Connection getConnection() {
                        return c;
                    }
                });

                assertThat(columns(c, schema)).doesNotContain("reg_employment.employer", "reg_employment.employer_bin",
                        "reg_employment.evidence", "reg_award.guarantee_ref", "reg_deferral.reason",
                        "reg_decision.reason", "reg_task.note")
                        .contains("reg_status_history.reason", "reg_status_history.note_enc", "reg_task.note_enc");

                Map<Long, String[]> jobs = new TreeMap<>();
                try (ResultSet rs = query(c, "SELECT id, employer_enc, employer_bin_enc, evidence_enc "
                        + "FROM reg_employment ORDER BY id")) {
                    while (rs.next()) {
                        jobs.put(rs.getLong(1), new String[] {
                            open(EncryptedText.EMPLOYER, rs.getBytes(2)), open(EncryptedText.EMPLOYER_BIN, rs.getBytes(3)),
                            open(EncryptedText.EVIDENCE, rs.getBytes(4))});
                    }
                }
                assertThat(jobs).hasSize(2500);
                int g = 1;
                for (String[] job : jobs.values()) {
                    assertThat(job[0]).isEqualTo("Employer " + g);
                    assertThat(job[1]).isEqualTo(g % 3 == 0 ? "12345678901" + (g % 10) : null);
                    assertThat(job[2]).isEqualTo(g % 2 == 0 ? "SELF_REPORT" : null);
                    g++;
                }
                assertThat(texts(c, "SELECT guarantee_ref_enc FROM reg_award ORDER BY id", EncryptedText.GUARANTEE_REF))
                        .containsExactly("pledge 7/2015", null);
                assertThat(texts(c, "SELECT reason_enc FROM reg_deferral", EncryptedText.DEFERRAL_REASON))
                        .containsExactly("Postdoc at MIT, letter 5");
                assertThat(texts(c, "SELECT reason_enc FROM reg_decision ORDER BY id", EncryptedText.DECISION_REASON))
                        .containsExactly("Did not answer three letters", "import");
                assertThat(strings(c, "SELECT reason FROM reg_status_history ORDER BY id"))
                        .containsExactly("STUDY_IN_PROGRESS", "BREACH_DECLARED", "REPAYMENT_STARTED", "NOTE");
                assertThat(texts(c, "SELECT note_enc FROM reg_status_history ORDER BY id", EncryptedText.STATUS_NOTE))
                        .containsExactly(null, "Did not answer three letters", null, "Phoned; back since May");
                assertThat(texts(c, "SELECT note_enc FROM reg_task ORDER BY id", EncryptedText.TASK_NOTE))
                        .containsExactly("Wrote to the guarantor, Mr Sadykov", null, null);
                // Nothing of the words is left anywhere in the tables' clear columns.
                for (String table : List.of("reg_employment", "reg_award", "reg_deferral", "reg_decision",
                        "reg_status_history", "reg_task")) {
                    assertThat(strings(c, "SELECT t::text FROM " + table + " t")).as(table)
                            .noneMatch(row -> row.contains("Employer") || row.contains("letters")
                                    || row.contains("Sadykov") || row.contains("MIT") || row.contains("pledge")
                                    || row.contains("Phoned"));
                }
            } finally {
                c.rollback();
            }
        }
    }

    private String open(EncryptedText column, byte[] value) {
        return value == null ? null : cipher.decrypt(column.field(), value);
    }

    private List<String> texts(Connection c, String sql, EncryptedText column) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = query(c, sql)) {
            while (rs.next()) {
                out.add(open(column, rs.getBytes(1)));
            }
        }
        return out;
    }

    private static List<String> strings(Connection c, String sql) throws Exception {
        List<String> out = new ArrayList<>();
        try (ResultSet rs = query(c, sql)) {
            while (rs.next()) {
                out.add(rs.getString(1));
            }
        }
        return out;
    }

    private static List<String> columns(Connection c, String schema) throws Exception {
        List<String> out = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT table_name || '.' || column_name FROM "
                + "information_schema.columns WHERE table_schema = ?")) {
            ps.setString(1, schema);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    out.add(rs.getString(1));
                }
            }
        }
        return out;
    }

    private static ResultSet query(Connection c, String sql) throws Exception {
        Statement st = c.createStatement();
        st.closeOnCompletion();
        return st.executeQuery(sql);
    }

    private static void run(Connection c, String sql) throws Exception {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
