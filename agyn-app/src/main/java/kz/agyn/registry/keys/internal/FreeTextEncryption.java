package kz.agyn.registry.keys.internal;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.registry.internal.EncryptedText;
import kz.agyn.registry.keys.PersonalDataCipher;
import org.flywaydb.core.api.MigrationVersion;
import org.flywaydb.core.api.migration.Context;
import org.flywaydb.core.api.migration.JavaMigration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;

/**
 * Migration 14: the registry's free text and identifying references ({@link EncryptedText}) move from clear text
 * columns to encrypted ones. A Java migration because the key is the application's and never reaches the database;
 * Spring Boot hands this bean to Flyway, which runs it in the same transaction as its bookkeeping, so a crash
 * midway leaves the schema and the rows as they were and the next start does it again.
 *
 * <p>Every row is read in id order in chunks, encrypted under the current key and written back; then the clear
 * columns are dropped. The status history's {@code reason} held the state's code, and after an officer's decision
 * also the officer's grounds ("BREACH_DECLARED: letter of 3 May"): the code stays in {@code reason}, the grounds
 * go to {@code note_enc}. A task closed by the monitoring pass held a message key, not a person's words, and
 * keeps no note: the page shows that message for every task the pass closed.
 */
@Component
class FreeTextEncryption implements JavaMigration {

    static final String VERSION = "14";
    private static final Logger log = LoggerFactory.getLogger(FreeTextEncryption.class);
    private static final int CHUNK = 2_000;
    /** Reason codes the history holds: evaluation's, a decision's type, a correction. */
    private static final Set<String> CODES = codes();
    private static final Pattern CODE_AND_NOTE = Pattern.compile("([A-Z][A-Z0-9_]*)(?:: (.*))?", Pattern.DOTALL);
    /** The code of a history row whose reason was free text only (none is written so; older data might be). */
    static final String NOTE_ONLY = "NOTE";
    /** Who closed the tasks the monitoring pass closed (its {@code MonitoringRepository.ACTOR}, frozen here). */
    private static final String MONITORING = "monitoring";

    private final PersonalDataCipher cipher;

    FreeTextEncryption(PersonalDataCipher cipher) {
        this.cipher = cipher;
    }

    @Override
    public MigrationVersion getVersion() {
        return MigrationVersion.fromVersion(VERSION);
    }

    @Override
    public String getDescription() {
        return "encrypt registry free text";
    }

    @Override
    public Integer getChecksum() {
        return 15_014;
    }

    @Override
    public boolean canExecuteInTransaction() {
        return true;
    }

    @Override
    public void migrate(Context context) throws SQLException {
        Connection c = context.getConnection();
        execute(c, """
                ALTER TABLE reg_employment ADD COLUMN employer_enc bytea, ADD COLUMN employer_bin_enc bytea,
                  ADD COLUMN evidence_enc bytea;
                ALTER TABLE reg_award ADD COLUMN guarantee_ref_enc bytea;
                ALTER TABLE reg_deferral ADD COLUMN reason_enc bytea;
                ALTER TABLE reg_decision ADD COLUMN reason_enc bytea;
                ALTER TABLE reg_status_history ADD COLUMN note_enc bytea;
                ALTER TABLE reg_task ADD COLUMN note_enc bytea""");
        long rows = seal(c, "reg_employment", List.of("employer", "employer_bin", "evidence"),
                List.of(EncryptedText.EMPLOYER, EncryptedText.EMPLOYER_BIN, EncryptedText.EVIDENCE), "true");
        rows += seal(c, "reg_award", List.of("guarantee_ref"), List.of(EncryptedText.GUARANTEE_REF), "true");
        rows += seal(c, "reg_deferral", List.of("reason"), List.of(EncryptedText.DEFERRAL_REASON), "true");
        rows += seal(c, "reg_decision", List.of("reason"), List.of(EncryptedText.DECISION_REASON), "true");
        rows += seal(c, "reg_task", List.of("note"), List.of(EncryptedText.TASK_NOTE),
                "done_by IS DISTINCT FROM '" + MONITORING + "'");
        rows += splitHistory(c);
        execute(c, """
                ALTER TABLE reg_employment DROP COLUMN employer, DROP COLUMN employer_bin, DROP COLUMN evidence;
                ALTER TABLE reg_award DROP COLUMN guarantee_ref;
                ALTER TABLE reg_deferral DROP COLUMN reason;
                ALTER TABLE reg_decision DROP COLUMN reason;
                ALTER TABLE reg_task DROP COLUMN note;
                COMMENT ON COLUMN reg_status_history.reason IS
                  'a code: an ObligationReason, a DecisionType, CORRECTION or NOTE; an officer''s words are in note_enc'""");
        // Only the columns this migration made: columns added to EncryptedText later belong to tables that later
        // migrations create (V90), which do not exist yet when this one runs on a fresh database.
        for (EncryptedText t : EncryptedText.values()) {
            if (t.ordinal() > EncryptedText.TASK_NOTE.ordinal()) {
                continue;
            }
            execute(c, "COMMENT ON COLUMN " + t.table() + "." + t.column() + " IS 'AES-GCM, field " + t.field()
                    + "; cleared by anonymisation'");
        }
        log.info("Registry free text encrypted at rest: {} rows", rows);
    }

    /** Encrypts the clear columns of every row into the matching {@link EncryptedText} columns; the rows changed. */
    private long seal(Connection c, String table, List<String> clear, List<EncryptedText> sealed, String where)
            throws SQLException {
        String any = String.join(" IS NOT NULL OR ", clear) + " IS NOT NULL";
        String select = "SELECT id, " + String.join(", ", clear) + " FROM " + table + " WHERE id > ? AND (" + any
                + ") AND " + where + " ORDER BY id LIMIT " + CHUNK;
        String update = "UPDATE " + table + " SET "
                + String.join(", ", sealed.stream().map(s -> s.column() + " = ?").toList()) + " WHERE id = ?";
        long after = 0;
        long done = 0;
        try (PreparedStatement read = c.prepareStatement(select); PreparedStatement write = c.prepareStatement(update)) {
            while (true) {
                read.setLong(1, after);
                int n = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        after = rs.getLong(1);
                        for (int i = 0; i < clear.size(); i++) {
                            String value = rs.getString(i + 2);
                            write.setBytes(i + 1, value == null ? null
                                    : cipher.encrypt(sealed.get(i).field(), value.strip()));
                        }
                        write.setLong(clear.size() + 1, after);
                        write.addBatch();
                        n++;
                    }
                }
                if (n == 0) {
                    return done;
                }
                write.executeBatch();
                done += n;
            }
        }
    }

    /** Splits each history reason into its code and the officer's words, which are encrypted. */
    private long splitHistory(Connection c) throws SQLException {
        long after = 0;
        long done = 0;
        try (PreparedStatement read = c.prepareStatement("SELECT id, reason FROM reg_status_history WHERE id > ? "
                + "ORDER BY id LIMIT " + CHUNK);
             PreparedStatement write = c.prepareStatement(
                     "UPDATE reg_status_history SET reason = ?, note_enc = ? WHERE id = ?")) {
            while (true) {
                read.setLong(1, after);
                int seen = 0;
                int changed = 0;
                try (ResultSet rs = read.executeQuery()) {
                    while (rs.next()) {
                        seen++;
                        after = rs.getLong(1);
                        String reason = rs.getString(2);
                        String[] split = split(reason);
                        if (split[1] == null && split[0].equals(reason)) {
                            continue; // a code alone: nothing to move
                        }
                        write.setString(1, split[0]);
                        write.setBytes(2, split[1] == null ? null
                                : cipher.encrypt(EncryptedText.STATUS_NOTE.field(), split[1]));
                        write.setLong(3, after);
                        write.addBatch();
                        changed++;
                    }
                }
                if (changed > 0) {
                    write.executeBatch();
                    done += changed;
                }
                if (seen < CHUNK) {
                    return done;
                }
            }
        }
    }

    /**
     * A stored history reason as {code, officer's words or null}: "BREACH_DECLARED: letter" gives both, a code
     * alone gives the code, and anything else is all words under {@link #NOTE_ONLY}.
     */
    static String[] split(String reason) {
        String r = reason == null ? "" : reason.strip();
        Matcher m = CODE_AND_NOTE.matcher(r);
        if (m.matches() && CODES.contains(m.group(1))) {
            String note = m.group(2) == null || m.group(2).isBlank() ? null : m.group(2).strip();
            return new String[] {m.group(1), note};
        }
        return new String[] {NOTE_ONLY, r.isEmpty() ? null : r};
    }

    /**
     * The codes as they stood when this migration was written, frozen here like its SQL: the migration means what it
     * meant then, whatever the obligation's enums ({@code ObligationReason}, {@code DecisionType}) become, and the
     * keys sub-feature does not depend on the obligation one for them.
     */
    private static Set<String> codes() {
        Set<String> codes = new HashSet<>(List.of("CORRECTION", "EVALUATION", NOTE_ONLY));
        // ObligationReason
        codes.addAll(List.of("STUDY_IN_PROGRESS", "AWAITING_RETURN", "RETURN_DEADLINE_PASSED", "DEFERRAL_ACTIVE",
                "NO_COUNTED_WORK_YET", "CURRENTLY_WORKING", "NOT_CURRENTLY_WORKING", "REQUIREMENT_MET",
                "BREACH_DECLARED", "REPAYMENT_IN_PROGRESS", "DEBT_REPAID", "DEBT_WRITTEN_OFF", "BREACH_ELIGIBLE",
                "BREAK_EXCEEDS_MAX", "RETURNED_LATE", "RETURN_CONFIRMED_BY_OFFICER", "BREACH_CANCELLED_EARLIER",
                "STUDY_END_PLANNED_ONLY", "DEADLINE_EXTENDED_BY_DEFERRAL", "REQUIRED_DAYS_PROVISIONAL", "GAP_PAUSED",
                "GAP_WITHIN_GRACE", "WORK_BEFORE_STUDY_END_IGNORED", "ABROAD_NOT_COUNTED", "REGION_NOT_COUNTED",
                "REGION_MISSING"));
        // DecisionType
        codes.addAll(List.of("RETURN_CONFIRMED", "BREACH_DECLARED", "BREACH_CANCELLED", "REPAYMENT_STARTED", "REPAID",
                "WRITTEN_OFF"));
        return codes;
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (Statement st = c.createStatement()) {
            st.execute(sql);
        }
    }
}
