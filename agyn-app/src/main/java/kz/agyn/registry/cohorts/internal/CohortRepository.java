package kz.agyn.registry.cohorts.internal;

import java.sql.Date;
import java.time.LocalDate;
import java.util.List;

import kz.agyn.registry.cohorts.CohortRecord;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * Awards as cohort analytics sees them, built in one set-based query from the stored obligations and the jobs.
 * No personal column is read.
 */
@Repository
public class CohortRepository {

    /*
     * The first job counts from the return on; the "current" job is the latest job in Kazakhstan started by the
     * evaluation day, whether or not it has ended, because registries learn of job ends late and a returnee
     * between two jobs still belongs to the sector they work in (the synthetic registry is calibrated on the
     * same definition, docs/formats/registry.md). A returnee whose latest job of all is abroad has left again.
     * The scholarship was lost during study when the breach standing on the day (the latest breach or
     * cancellation by then) was declared on or before the last day of study: a graduation is completed study,
     * not merely "no longer studying" (issue 15, docs/decisions/0026).
     */
    private static final String SQL = """
            SELECT a.id, a.programme, a.call_year, a.degree, a.field, a.country, s.sex,
                   coalesce(a.actual_end, a.planned_end) AS study_end, o.state, o.returned_on, a.synthetic,
                   f.sector AS first_sector, c.sector AS current_sector, coalesce(l.country <> 'KZ', false) AS abroad,
                   coalesce(b.lost, false) AS lost
            FROM reg_award a
            JOIN reg_scholar s ON s.id = a.scholar_id
            JOIN reg_obligation o ON o.award_id = a.id
            LEFT JOIN LATERAL (
                SELECT e.sector FROM reg_employment e
                WHERE e.scholar_id = a.scholar_id AND e.country = 'KZ' AND o.returned_on IS NOT NULL
                  AND coalesce(e.end_date, DATE 'infinity') >= o.returned_on AND e.start_date <= :asOf
                ORDER BY e.start_date, e.id LIMIT 1) f ON true
            LEFT JOIN LATERAL (
                SELECT e.sector FROM reg_employment e
                WHERE e.scholar_id = a.scholar_id AND e.country = 'KZ' AND o.returned_on IS NOT NULL
                  AND coalesce(e.end_date, DATE 'infinity') >= o.returned_on AND e.start_date <= :asOf
                ORDER BY e.start_date DESC, e.id DESC LIMIT 1) c ON true
            LEFT JOIN LATERAL (
                SELECT e.country FROM reg_employment e
                WHERE e.scholar_id = a.scholar_id AND o.returned_on IS NOT NULL
                  AND e.start_date > o.returned_on AND e.start_date <= :asOf
                ORDER BY e.start_date DESC, e.id DESC LIMIT 1) l ON true
            LEFT JOIN LATERAL (
                SELECT d.kind = 'BREACH_DECLARED' AND d.on_date <= coalesce(a.actual_end, a.planned_end) AS lost
                FROM reg_decision d
                WHERE d.award_id = a.id AND d.kind IN ('BREACH_DECLARED', 'BREACH_CANCELLED') AND d.on_date <= :asOf
                ORDER BY d.on_date DESC, d.id DESC LIMIT 1) b ON true
            WHERE (CAST(:programme AS varchar) IS NULL OR a.programme = :programme)
            ORDER BY a.id""";

    private final JdbcClient jdbc;

    public CohortRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** Every award of the programme (all programmes when null) as of {@code asOf}. */
    public List<CohortRecord> records(String programme, LocalDate asOf) {
        return jdbc.sql(SQL).param("asOf", Date.valueOf(asOf)).param("programme", programme)
                .query((rs, n) -> {
                    ObligationState state = ObligationState.valueOf(rs.getString("state"));
                    boolean lost = rs.getBoolean("lost");
                    Date returned = rs.getDate("returned_on");
                    return new CohortRecord(rs.getLong("id"), rs.getString("programme"), rs.getInt("call_year"),
                            rs.getString("degree"), rs.getString("field"), rs.getString("country"),
                            "M".equals(rs.getString("sex")) ? "MALE" : "FEMALE",
                            rs.getDate("study_end").toLocalDate(), state != ObligationState.STUDYING && !lost,
                            returned == null ? null : returned.toLocalDate(), state,
                            sector(rs.getString("first_sector")), sector(rs.getString("current_sector")),
                            rs.getBoolean("abroad"), rs.getBoolean("synthetic"), lost);
                }).list();
    }

    /** The day the stored obligations were last evaluated, or null when none is stored. */
    public LocalDate evaluatedOn() {
        // max() of no rows is one row holding null, which single() refuses: on a new installation, before the
        // registry's first evaluation, /measures failed with a 500 (found 2026-12-07).
        return jdbc.sql("SELECT max(evaluated_on) FROM reg_obligation").query((rs, n) -> rs.getDate(1)).list()
                .stream().filter(java.util.Objects::nonNull).map(Date::toLocalDate).findFirst().orElse(null);
    }

    /** The programme codes that have awards, alphabetically. */
    public List<String> programmes() {
        return jdbc.sql("SELECT DISTINCT programme FROM reg_award ORDER BY programme").query(String.class).list();
    }

    /** Whether the registry holds awards and all of them are synthetic. */
    public boolean onlySynthetic() {
        return jdbc.sql("SELECT count(*) > 0 AND bool_and(synthetic) FROM reg_award").query(Boolean.class).single();
    }

    private static Sector sector(String code) {
        return code == null ? null : Sector.valueOf(code);
    }
}
