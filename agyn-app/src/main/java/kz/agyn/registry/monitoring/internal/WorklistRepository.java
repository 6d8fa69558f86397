package kz.agyn.registry.monitoring.internal;

import java.math.BigDecimal;
import java.sql.Date;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** Tasks joined with what the worklist filters and shows: award, stored evaluation, the latest job. */
@Repository
public class WorklistRepository {

    private static final String FROM = """
             FROM reg_task t
             JOIN reg_award a ON a.id = t.award_id
             JOIN reg_scholar s ON s.id = a.scholar_id
             LEFT JOIN reg_obligation o ON o.award_id = t.award_id
             LEFT JOIN LATERAL (SELECT e.region, e.country FROM reg_employment e WHERE e.scholar_id = a.scholar_id
                                ORDER BY e.start_date DESC, e.id DESC LIMIT 1) j ON true
            """;

    private final JdbcClient jdbc;

    public WorklistRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The filters in storage terms; null means "any". {@code regionPrefix} is the KATO prefix of a region. */
    public record Filter(String kind, String regionPrefix, Integer callYear, String degree, String country,
                         Boolean open) {
    }

    /** A task line; {@code note} the officer's note as stored, encrypted. */
    public record Row(long taskId, String kind, LocalDate dueOn, Instant createdAt, Instant doneAt, String doneBy,
                      byte[] note, long awardId, long scholarId, String pseudonym, int callYear, String degree,
                      String hostCountry, String state, Integer daysLeft, LocalDate returnDeadline, String jobRegion,
                      String jobCountry, boolean synthetic, BigDecimal owedIfDeclared) {
    }

    public record Task(long id, long awardId, long scholarId, Instant doneAt) {
    }

    public long count(Filter f) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        return jdbc.sql("SELECT count(*)" + FROM + where).params(params).query(Long.class).single();
    }

    /**
     * By urgency: open tasks first; among them the overdue before the rest, the most overdue first, then those due
     * soonest (which is the due date ascending, since every overdue date is before every coming one); on one day
     * the larger sum a breach would cost first. Done tasks after, the most recently done first.
     */
    private static final String URGENCY = """
             ORDER BY (t.done_at IS NULL) DESC, CASE WHEN t.done_at IS NULL THEN t.due_on END NULLS LAST,
              CASE WHEN t.done_at IS NULL THEN o.owed_if_declared_kzt END DESC NULLS LAST,
              t.done_at DESC NULLS LAST, t.id""";

    /** The tasks in order of {@link #URGENCY}; {@code limit} 0 for all. */
    public List<Row> rows(Filter f, int offset, int limit) {
        List<Object> params = new ArrayList<>();
        String where = where(f, params);
        String page = "";
        if (limit > 0) {
            page = " LIMIT ? OFFSET ?";
            params.add(limit);
            params.add(offset);
        }
        return jdbc.sql("""
                        SELECT t.id, t.kind, t.due_on, t.created_at, t.done_at, t.done_by, t.note_enc, t.award_id,
                          a.scholar_id, s.pseudonym, a.call_year, a.degree, a.country AS host_country, o.state,
                          o.days_left, o.return_deadline, j.region AS job_region, j.country AS job_country,
                          s.synthetic,
                          CASE WHEN o.state = 'OVERDUE' OR ',' || o.reasons || ',' LIKE '%,BREACH_ELIGIBLE,%'
                               THEN o.owed_if_declared_kzt END AS owed_if_declared""" + FROM + where
                        + " " + URGENCY + page)
                .params(params).query(WorklistRepository::row).list();
    }

    public Optional<Task> task(long id) {
        return jdbc.sql("""
                        SELECT t.id, t.award_id, a.scholar_id, t.done_at FROM reg_task t
                        JOIN reg_award a ON a.id = t.award_id WHERE t.id = ?""").param(id)
                .query((rs, n) -> new Task(rs.getLong(1), rs.getLong(2), rs.getLong(3), instant(rs.getTimestamp(4))))
                .optional();
    }

    /** Marks an open task done with its encrypted note; false when it was already done (by someone else meanwhile). */
    public boolean done(long id, String by, byte[] note) {
        return jdbc.sql("UPDATE reg_task SET done_at = now(), done_by = ?, note_enc = ? WHERE id = ? AND done_at IS NULL")
                .params(by, note, id).update() == 1;
    }

    private static String where(Filter f, List<Object> params) {
        StringBuilder w = new StringBuilder(" WHERE true");
        if (f.kind() != null) {
            w.append(" AND t.kind = ?");
            params.add(f.kind());
        }
        if (f.regionPrefix() != null) {
            w.append(" AND j.region LIKE ?");
            params.add(f.regionPrefix() + "%");
        }
        if (f.callYear() != null) {
            w.append(" AND a.call_year = ?");
            params.add(f.callYear());
        }
        if (f.degree() != null) {
            w.append(" AND a.degree = ?");
            params.add(f.degree());
        }
        if (f.country() != null) {
            w.append(" AND (a.country = ? OR j.country = ?)");
            params.add(f.country());
            params.add(f.country());
        }
        if (f.open() != null) {
            w.append(f.open() ? " AND t.done_at IS NULL" : " AND t.done_at IS NOT NULL");
        }
        return w.toString();
    }

    private static Row row(ResultSet rs, int n) throws SQLException {
        Date due = rs.getDate("due_on");
        Date deadline = rs.getDate("return_deadline");
        int daysLeft = rs.getInt("days_left");
        Integer left = rs.wasNull() ? null : daysLeft;
        String region = rs.getString("job_region");
        String jobCountry = rs.getString("job_country");
        return new Row(rs.getLong("id"), rs.getString("kind"), due == null ? null : due.toLocalDate(),
                instant(rs.getTimestamp("created_at")), instant(rs.getTimestamp("done_at")), rs.getString("done_by"),
                rs.getBytes("note_enc"), rs.getLong("award_id"), rs.getLong("scholar_id"), rs.getString("pseudonym"),
                rs.getInt("call_year"), rs.getString("degree"), rs.getString("host_country").trim(),
                rs.getString("state"), left, deadline == null ? null : deadline.toLocalDate(),
                region == null ? null : region.trim(), jobCountry == null ? null : jobCountry.trim(),
                rs.getBoolean("synthetic"), rs.getBigDecimal("owed_if_declared"));
    }

    private static Instant instant(Timestamp t) {
        return t == null ? null : t.toInstant();
    }
}
