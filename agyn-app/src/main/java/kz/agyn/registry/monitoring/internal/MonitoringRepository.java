package kz.agyn.registry.monitoring.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The monitoring pass as a handful of set-based statements over the stored evaluations (reg_obligation), so a
 * registry of tens of thousands of awards is checked in well under a second. Callers run {@link #pass} inside
 * one transaction: the candidate table lives until commit.
 */
@Repository
public class MonitoringRepository {

    /** The user name of tasks the pass opens and closes itself. */
    public static final String ACTOR = "monitoring";

    private final JdbcClient jdbc;

    public MonitoringRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A task computed outside this pass (the work-report schedule), kept open like the others. */
    public record Candidate(long awardId, String kind, LocalDate dueOn) {
    }

    /** Counts per task kind of one pass. */
    public record Pass(Map<String, Integer> opened, Map<String, Integer> closed, Map<String, Integer> open) {
    }

    /**
     * Raises the tasks whose condition holds on {@code today} and closes the open ones whose condition no longer
     * holds (closed by {@link #ACTOR}, with no note: the pages say why in the reader's language). A task an
     * officer closed is not raised again for the same award, kind and due date: the officer has dealt with that
     * occurrence, and a new one (a new deadline, a later job abroad) has a new due date.
     */
    public Pass pass(LocalDate today, int dueHorizonDays, int noEmployerDays, List<Candidate> extra) {
        // Two passes at once (the daily job and the button) would race for the same rows; the second waits.
        jdbc.sql("SELECT pg_advisory_xact_lock(hashtext('agyn.registry.monitoring'))").query().singleRow();
        jdbc.sql("DROP TABLE IF EXISTS monitoring_candidate").update();
        jdbc.sql("""
                CREATE TEMP TABLE monitoring_candidate ON COMMIT DROP AS
                WITH ob AS (
                  SELECT o.award_id, o.state, o.return_deadline, o.returned_on, a.scholar_id,
                         coalesce(a.actual_end, a.planned_end) AS study_end
                  FROM reg_obligation o JOIN reg_award a ON a.id = o.award_id
                ), job AS (
                  SELECT scholar_id, country, start_date, end_date, id FROM reg_employment WHERE start_date <= :today
                ), latest AS (
                  SELECT DISTINCT ON (scholar_id) scholar_id, country, start_date
                  FROM job ORDER BY scholar_id, start_date DESC, id DESC
                ), covered AS (
                  SELECT scholar_id, bool_or(end_date IS NULL OR end_date >= :today) AS working_now,
                         max(end_date) AS last_end
                  FROM job GROUP BY scholar_id
                )
                SELECT award_id, 'DUE_HOME'::varchar(24) AS kind, return_deadline AS due_on FROM ob
                 WHERE returned_on IS NULL AND return_deadline >= :today
                   AND (state = 'GRADUATED'
                        OR (state = 'STUDYING' AND study_end <= :horizon)
                        OR (state = 'ABROAD_PERMITTED' AND return_deadline <= :horizon))
                UNION ALL
                SELECT award_id, 'OVERDUE', return_deadline FROM ob
                 WHERE returned_on IS NULL AND return_deadline < :today
                   AND state IN ('OVERDUE', 'STUDYING', 'GRADUATED')
                UNION ALL
                SELECT ob.award_id, 'NO_EMPLOYER', greatest(ob.returned_on, c.last_end) + :days
                  FROM ob LEFT JOIN covered c ON c.scholar_id = ob.scholar_id
                 WHERE ob.state IN ('RETURNED', 'WORKING_OFF') AND ob.returned_on IS NOT NULL
                   AND NOT coalesce(c.working_now, false)
                   AND greatest(ob.returned_on, c.last_end) + :days < :today
                UNION ALL
                SELECT ob.award_id, 'MOVED_ABROAD', l.start_date
                  FROM ob JOIN latest l ON l.scholar_id = ob.scholar_id
                 WHERE l.country <> 'KZ' AND l.start_date > ob.study_end
                   AND ob.state IN ('GRADUATED', 'RETURNED', 'WORKING_OFF', 'OVERDUE')""")
                .param("today", today).param("horizon", today.plusDays(dueHorizonDays))
                .param("days", noEmployerDays).update();
        if (!extra.isEmpty()) {
            // Three comma-joined lists rather than one insert per task: a registry in work-off has thousands.
            jdbc.sql("""
                    INSERT INTO monitoring_candidate (award_id, kind, due_on)
                    SELECT * FROM unnest(CAST(string_to_array(:ids, ',') AS bigint[]),
                                         CAST(string_to_array(:kinds, ',') AS varchar[]),
                                         CAST(string_to_array(:dues, ',') AS date[]))""")
                    .param("ids", join(extra.stream().map(c -> Long.toString(c.awardId())).toList()))
                    .param("kinds", join(extra.stream().map(Candidate::kind).toList()))
                    .param("dues", join(extra.stream().map(c -> c.dueOn().toString()).toList()))
                    .update();
        }
        Map<String, Integer> closed = counts(jdbc.sql("""
                WITH c AS (
                  UPDATE reg_task t SET done_at = now(), done_by = :actor
                  WHERE t.done_at IS NULL AND NOT EXISTS (
                    SELECT 1 FROM monitoring_candidate m WHERE m.award_id = t.award_id AND m.kind = t.kind)
                  RETURNING t.kind)
                SELECT kind, count(*) FROM c GROUP BY kind""").param("actor", ACTOR));
        // A deadline moved by a deferral moves the open task's due date with it.
        jdbc.sql("""
                UPDATE reg_task t SET due_on = m.due_on FROM monitoring_candidate m
                WHERE t.done_at IS NULL AND m.award_id = t.award_id AND m.kind = t.kind
                  AND t.due_on IS DISTINCT FROM m.due_on""").update();
        Map<String, Integer> opened = counts(jdbc.sql("""
                WITH i AS (
                  INSERT INTO reg_task (award_id, kind, due_on)
                  SELECT m.award_id, m.kind, m.due_on FROM monitoring_candidate m
                  WHERE NOT EXISTS (SELECT 1 FROM reg_task t WHERE t.award_id = m.award_id AND t.kind = m.kind
                                      AND (t.done_at IS NULL OR (t.done_by <> :actor
                                           AND t.due_on IS NOT DISTINCT FROM m.due_on)))
                  ON CONFLICT DO NOTHING
                  RETURNING kind)
                SELECT kind, count(*) FROM i GROUP BY kind""").param("actor", ACTOR));
        Map<String, Integer> open = counts(jdbc.sql(
                "SELECT kind, count(*) FROM reg_task WHERE done_at IS NULL GROUP BY kind"));
        return new Pass(opened, closed, open);
    }

    private static String join(List<String> values) {
        return String.join(",", values);
    }

    private static Map<String, Integer> counts(JdbcClient.StatementSpec spec) {
        Map<String, Integer> out = new HashMap<>();
        spec.query((rs, n) -> out.put(rs.getString(1), rs.getInt(2))).list();
        return out;
    }
}
