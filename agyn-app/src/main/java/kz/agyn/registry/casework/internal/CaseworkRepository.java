package kz.agyn.registry.casework.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The casework tables of migration V90, and the work-report schedule as one set-based query. */
@Repository
public class CaseworkRepository {

    /*
     * The schedule runs from the start of work: the first day of the first job in Kazakhstan held on or after the
     * return (not before it: work abroad or during study does not start work-off). The k-th period runs
     * [start + 6(k-1) months, start + 6k months); it is listed once it has begun (by :asOf) and while the obligation
     * lasts (a period beginning after fulfilment is not owed). Only awards whose stored state is WORKING_OFF or
     * FULFILLED have a schedule: before work there is nothing to report, and in a debt state reporting has ended.
     */
    private static final String SCHEDULE = """
            WITH w AS (
              SELECT o.award_id, o.state, o.fulfilment_date, greatest(o.returned_on, j.first_start) AS work_start
              FROM reg_obligation o
              JOIN reg_award a ON a.id = o.award_id
              JOIN LATERAL (SELECT min(e.start_date) AS first_start FROM reg_employment e
                            WHERE e.scholar_id = a.scholar_id AND e.country = 'KZ'
                              AND coalesce(e.end_date, DATE 'infinity') >= o.returned_on
                              AND e.start_date <= :asOf) j ON true
              WHERE o.returned_on IS NOT NULL AND j.first_start IS NOT NULL
                AND o.state IN (%s)
                AND (CAST(:award AS bigint) IS NULL OR o.award_id = :award)
            ), p AS (
              SELECT w.award_id, w.state, k AS period,
                     (w.work_start + make_interval(months => (k - 1) * :months))::date AS period_from,
                     (w.work_start + make_interval(months => k * :months))::date AS due_on,
                     w.fulfilment_date
              FROM w CROSS JOIN LATERAL generate_series(1, 40) k
            )
            SELECT p.award_id, p.state, p.period, p.period_from, p.due_on, r.received_on, r.employer_enc,
                   r.position_enc
            FROM p LEFT JOIN reg_work_report r ON r.award_id = p.award_id AND r.period = p.period
            WHERE p.period_from <= :asOf AND (p.fulfilment_date IS NULL OR p.period_from < p.fulfilment_date)
            %s
            ORDER BY p.award_id, p.period""";

    private final JdbcClient jdbc;

    public CaseworkRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** One period of the schedule with its report, if received. */
    public record PeriodRow(long awardId, String state, int period, LocalDate from, LocalDate dueOn,
                            LocalDate receivedOn, byte[] employer, byte[] position) {
    }

    /** The schedule of one award as of a day. */
    public List<PeriodRow> schedule(long awardId, LocalDate asOf, int months) {
        return periods(SCHEDULE.formatted("'WORKING_OFF', 'FULFILLED'", ""), awardId, asOf, months);
    }

    /**
     * The periods without a report of every award still working off whose end is at most {@code soonDays} after
     * {@code asOf}: the candidates for "report due" and "report overdue" tasks.
     */
    public List<PeriodRow> missing(LocalDate asOf, int months, int soonDays) {
        return jdbc.sql(SCHEDULE.formatted("'WORKING_OFF'", "AND r.id IS NULL AND p.due_on <= :horizon"))
                .param("asOf", Date.valueOf(asOf)).param("award", null).param("months", months)
                .param("horizon", Date.valueOf(asOf.plusDays(soonDays)))
                .query((rs, n) -> row(rs)).list();
    }

    private List<PeriodRow> periods(String sql, Long awardId, LocalDate asOf, int months) {
        return jdbc.sql(sql).param("asOf", Date.valueOf(asOf)).param("award", awardId).param("months", months)
                .query((rs, n) -> row(rs)).list();
    }

    private static PeriodRow row(java.sql.ResultSet rs) throws java.sql.SQLException {
        Date received = rs.getDate("received_on");
        return new PeriodRow(rs.getLong("award_id"), rs.getString("state"), rs.getInt("period"),
                rs.getDate("period_from").toLocalDate(), rs.getDate("due_on").toLocalDate(),
                received == null ? null : received.toLocalDate(), rs.getBytes("employer_enc"),
                rs.getBytes("position_enc"));
    }

    public boolean reportExists(long awardId, int period) {
        return jdbc.sql("SELECT count(*) > 0 FROM reg_work_report WHERE award_id = ? AND period = ?")
                .params(awardId, period).query(Boolean.class).single();
    }

    public long insertReport(long awardId, int period, LocalDate dueOn, LocalDate receivedOn, byte[] employer,
                             byte[] position, String by) {
        return jdbc.sql("""
                INSERT INTO reg_work_report (award_id, period, due_on, received_on, employer_enc, position_enc,
                  recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(awardId, period, Date.valueOf(dueOn), Date.valueOf(receivedOn), employer, position, by)
                .query(Long.class).single();
    }

    // --- instalments

    /** An agreement as stored. */
    public record AgreementRow(long id, long awardId, Long decisionId, BigDecimal amount, int months,
                               LocalDate startsOn, LocalDate agreedOn, String createdBy) {
    }

    /** A payment as stored. */
    public record PaymentRow(long id, LocalDate paidOn, BigDecimal amount, String recordedBy) {
    }

    public Optional<AgreementRow> agreement(long awardId) {
        return jdbc.sql("""
                SELECT id, award_id, decision_id, amount_kzt, months, starts_on, agreed_on, created_by
                FROM reg_instalment_agreement WHERE award_id = ?""").param(awardId)
                .query((rs, n) -> new AgreementRow(rs.getLong("id"), rs.getLong("award_id"),
                        (Long) rs.getObject("decision_id", Long.class), rs.getBigDecimal("amount_kzt"),
                        rs.getInt("months"), rs.getDate("starts_on").toLocalDate(),
                        rs.getDate("agreed_on").toLocalDate(), rs.getString("created_by"))).optional();
    }

    public long insertAgreement(long awardId, Long decisionId, BigDecimal amount, int months, LocalDate startsOn,
                                LocalDate agreedOn, String by) {
        return jdbc.sql("""
                INSERT INTO reg_instalment_agreement (award_id, decision_id, amount_kzt, months, starts_on,
                  agreed_on, created_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(awardId, decisionId, amount, months, Date.valueOf(startsOn), Date.valueOf(agreedOn), by)
                .query(Long.class).single();
    }

    /**
     * Writes the agreed amount into the latest decision of {@code kind} on the award and returns its id: the
     * decision table's amount column was never written before (issue 15), so what a REPAYMENT_STARTED or REPAID
     * decision was about could not be read from it.
     */
    public Long stampDecisionAmount(long awardId, String kind, BigDecimal amount) {
        return jdbc.sql("""
                UPDATE reg_decision SET amount_kzt = :amount
                WHERE id = (SELECT max(id) FROM reg_decision WHERE award_id = :award AND kind = :kind)
                RETURNING id""").param("amount", amount).param("award", awardId).param("kind", kind)
                .query(Long.class).optional().orElse(null);
    }

    public List<PaymentRow> payments(long agreementId) {
        return jdbc.sql("""
                SELECT id, paid_on, amount_kzt, recorded_by FROM reg_instalment_payment
                WHERE agreement_id = ? ORDER BY paid_on, id""").param(agreementId)
                .query((rs, n) -> new PaymentRow(rs.getLong("id"), rs.getDate("paid_on").toLocalDate(),
                        rs.getBigDecimal("amount_kzt"), rs.getString("recorded_by"))).list();
    }

    public long insertPayment(long awardId, long agreementId, LocalDate paidOn, BigDecimal amount, String by) {
        return jdbc.sql("""
                INSERT INTO reg_instalment_payment (award_id, agreement_id, paid_on, amount_kzt, recorded_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(awardId, agreementId, Date.valueOf(paidOn), amount, by).query(Long.class).single();
    }

    // --- security

    /** A security record as stored. */
    public record SecurityRow(long id, long awardId, String kind, byte[] property, BigDecimal value,
                              LocalDate valuedOn, byte[] document, String recordedBy) {
    }

    /** A guarantor as stored. */
    public record GuarantorRow(long id, byte[] name, byte[] iin, byte[] contact) {
    }

    /**
     * A withdrawn security or guarantor (V101), for the card's history: what it was, when, by whom and why;
     * {@code replaced} when a correction took its place.
     */
    public record WithdrawnRow(String what, long id, byte[] property, BigDecimal value, byte[] name, byte[] iin,
                               java.time.Instant withdrawnAt, String withdrawnBy, byte[] reason, boolean replaced) {
    }

    private static final String SECURITY_COLUMNS = """
            SELECT id, award_id, kind, property_enc, value_kzt, valued_on, document_enc, recorded_by
            FROM reg_security""";

    /** The security in force (not withdrawn) of an award. */
    public Optional<SecurityRow> security(long awardId) {
        return jdbc.sql(SECURITY_COLUMNS + " WHERE award_id = ? AND withdrawn_at IS NULL").param(awardId)
                .query((rs, n) -> {
                    Date valued = rs.getDate("valued_on");
                    return new SecurityRow(rs.getLong("id"), rs.getLong("award_id"), rs.getString("kind"),
                            rs.getBytes("property_enc"), rs.getBigDecimal("value_kzt"),
                            valued == null ? null : valued.toLocalDate(), rs.getBytes("document_enc"),
                            rs.getString("recorded_by"));
                }).optional();
    }

    /** The guarantors in force of a security. */
    public List<GuarantorRow> guarantors(long securityId) {
        return jdbc.sql("""
                SELECT id, name_enc, iin_enc, contact_enc FROM reg_guarantor
                WHERE security_id = ? AND withdrawn_at IS NULL ORDER BY id""")
                .param(securityId).query((rs, n) -> new GuarantorRow(rs.getLong("id"), rs.getBytes("name_enc"),
                        rs.getBytes("iin_enc"), rs.getBytes("contact_enc"))).list();
    }

    /** One guarantor in force of an award, by id. */
    public Optional<GuarantorRow> guarantor(long awardId, long guarantorId) {
        return jdbc.sql("""
                SELECT id, name_enc, iin_enc, contact_enc FROM reg_guarantor
                WHERE id = ? AND award_id = ? AND withdrawn_at IS NULL""").params(guarantorId, awardId)
                .query((rs, n) -> new GuarantorRow(rs.getLong("id"), rs.getBytes("name_enc"),
                        rs.getBytes("iin_enc"), rs.getBytes("contact_enc"))).optional();
    }

    /** Everything withdrawn on an award, latest first: pledges and guarantor sets, then single guarantors. */
    public List<WithdrawnRow> withdrawn(long awardId) {
        return jdbc.sql("""
                SELECT 'SECURITY' AS what, s.id, s.kind, s.property_enc, s.value_kzt, NULL::bytea AS name_enc,
                       NULL::bytea AS iin_enc, s.withdrawn_at, s.withdrawn_by, s.withdrawn_reason_enc,
                       EXISTS (SELECT 1 FROM reg_security r WHERE r.replaces_id = s.id) AS replaced
                FROM reg_security s WHERE s.award_id = :award AND s.withdrawn_at IS NOT NULL
                UNION ALL
                SELECT 'GUARANTOR', g.id, 'GUARANTORS', NULL, NULL, g.name_enc, g.iin_enc, g.withdrawn_at,
                       g.withdrawn_by, g.withdrawn_reason_enc,
                       EXISTS (SELECT 1 FROM reg_guarantor r WHERE r.replaces_id = g.id)
                FROM reg_guarantor g WHERE g.award_id = :award AND g.withdrawn_at IS NOT NULL
                ORDER BY withdrawn_at DESC, id DESC""").param("award", awardId)
                .query((rs, n) -> new WithdrawnRow(rs.getString("what").equals("SECURITY") ? rs.getString("kind")
                        : "GUARANTOR", rs.getLong("id"), rs.getBytes("property_enc"), rs.getBigDecimal("value_kzt"),
                        rs.getBytes("name_enc"), rs.getBytes("iin_enc"),
                        rs.getTimestamp("withdrawn_at").toInstant(), rs.getString("withdrawn_by"),
                        rs.getBytes("withdrawn_reason_enc"), rs.getBoolean("replaced"))).list();
    }

    /**
     * Marks a security withdrawn with its guarantors in force, and clears the award's kind when nothing replaces it.
     * Nothing is deleted: the rows stay for the history and the audit.
     */
    public void withdrawSecurity(long awardId, long securityId, byte[] reason, String by) {
        jdbc.sql("""
                UPDATE reg_guarantor SET withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason_enc = ?
                WHERE security_id = ? AND withdrawn_at IS NULL""").params(by, reason, securityId).update();
        jdbc.sql("""
                UPDATE reg_security SET withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason_enc = ?
                WHERE id = ? AND withdrawn_at IS NULL""").params(by, reason, securityId).update();
        jdbc.sql("UPDATE reg_award SET guarantee_kind = NULL WHERE id = ?").param(awardId).update();
    }

    /** Marks one guarantor withdrawn. */
    public void withdrawGuarantor(long guarantorId, byte[] reason, String by) {
        jdbc.sql("""
                UPDATE reg_guarantor SET withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason_enc = ?
                WHERE id = ? AND withdrawn_at IS NULL""").params(by, reason, guarantorId).update();
    }

    /** Points a new record at the one it corrects. */
    public void replaces(String table, long newId, long oldId) {
        if (!table.equals("reg_security") && !table.equals("reg_guarantor")) {
            throw new IllegalArgumentException(table);
        }
        jdbc.sql("UPDATE " + table + " SET replaces_id = ? WHERE id = ?").params(oldId, newId).update();
    }

    public long insertSecurity(long awardId, String kind, byte[] property, BigDecimal value, LocalDate valuedOn,
                               byte[] document, String by) {
        long id = jdbc.sql("""
                INSERT INTO reg_security (award_id, kind, property_enc, value_kzt, valued_on, document_enc,
                  recorded_by) VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(awardId, kind, property, value, valuedOn == null ? null : Date.valueOf(valuedOn), document,
                        by)
                .query(Long.class).single();
        // The award's own column says which kind of security it has; the detailed record is the better witness.
        jdbc.sql("UPDATE reg_award SET guarantee_kind = ? WHERE id = ?").params(kind, awardId).update();
        return id;
    }

    public long insertGuarantor(long awardId, long securityId, byte[] name, byte[] iin, byte[] contact, String by) {
        return jdbc.sql("""
                INSERT INTO reg_guarantor (award_id, security_id, name_enc, iin_enc, contact_enc, recorded_by)
                VALUES (?, ?, ?, ?, ?, ?) RETURNING id""").params(awardId, securityId, name, iin, contact, by)
                .query(Long.class).single();
    }
}
