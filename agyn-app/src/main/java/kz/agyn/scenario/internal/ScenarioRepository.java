package kz.agyn.scenario.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.agyn.scenario.ResultBand;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import org.springframework.transaction.annotation.Transactional;

/** SQL of {@code scn_scenario}, {@code scn_run} and {@code scn_result}; levers and assumptions as JSON text. */
@Repository
public class ScenarioRepository {

    /** A scenario's row. */
    public record ScenarioRow(long id, String shipped, String name, String description, String levers, String owner,
                              Instant createdAt) {
    }

    /** A run's row; {@code assumptions} and {@code startYear} are null until its results are written. */
    public record RunRow(UUID id, String startedBy, Instant startedAt, int horizon, int draws, long seed, int scale,
                         String scenarios, String assumptions, Integer startYear, Instant finishedAt) {
    }

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public ScenarioRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** The shipped scenarios first (in the note's order), then the users' newest first. */
    public List<ScenarioRow> scenarios() {
        return jdbc.sql("SELECT * FROM scn_scenario ORDER BY shipped IS NULL, CASE WHEN shipped IS NULL THEN 0 "
                + "ELSE id END, created_at DESC, id DESC").query(ScenarioRepository::scenario).list();
    }

    public Optional<ScenarioRow> scenario(long id) {
        return jdbc.sql("SELECT * FROM scn_scenario WHERE id = ?").param(id).query(ScenarioRepository::scenario)
                .optional();
    }

    public long insertScenario(String name, String description, String leversJson, String owner) {
        return jdbc.sql("INSERT INTO scn_scenario (name, description, levers, owner) VALUES (?, ?, ?::jsonb, ?) "
                + "RETURNING id").params(name, description, leversJson, owner).query(Long.class).single();
    }

    public void insertRun(UUID id, String startedBy, int horizon, int draws, long seed, int scale,
                          String scenariosJson) {
        jdbc.sql("""
                INSERT INTO scn_run (id, started_by, horizon, draws, seed, scale, scenarios)
                VALUES (?, ?, ?, ?, ?, ?, ?::jsonb)""")
                .params(id, startedBy, horizon, draws, seed, scale, scenariosJson).update();
    }

    public Optional<RunRow> run(UUID id) {
        return jdbc.sql("SELECT * FROM scn_run WHERE id = ?").param(id).query(ScenarioRepository::run).optional();
    }

    /** The newest runs first. */
    public List<RunRow> runs(int limit) {
        return jdbc.sql("SELECT * FROM scn_run ORDER BY started_at DESC LIMIT ?").param(limit)
                .query(ScenarioRepository::run).list();
    }

    /**
     * Writes a run's results, its assumptions and its end in one transaction: a run stopped before this has no
     * results at all, never some of them.
     */
    @Transactional
    public void finish(UUID id, String assumptionsJson, int startYear, List<ResultBand> rows) {
        List<Object[]> args = new ArrayList<>(rows.size());
        for (ResultBand r : rows) {
            args.add(new Object[] {id, r.position(), r.yearOffset(), r.measure(), r.dimension(), r.codeIndex(),
                    r.mean(), r.p2_5(), r.p10(), r.p50(), r.p90(), r.p97_5()});
        }
        template.batchUpdate("""
                INSERT INTO scn_result (run_id, position, year_offset, measure, dimension, code_index, mean, p2_5,
                                        p10, p50, p90, p97_5)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", args);
        jdbc.sql("UPDATE scn_run SET assumptions = ?::jsonb, start_year = ?, finished_at = now() WHERE id = ?")
                .params(assumptionsJson, startYear, id).update();
    }

    /** The results of a run for some dimensions (TOTAL alone for the charts and the table). */
    public List<ResultBand> results(UUID id, List<String> dimensions) {
        return jdbc.sql("""
                SELECT * FROM scn_result WHERE run_id = ? AND dimension = ANY (?)
                 ORDER BY position, measure, dimension, code_index, year_offset""")
                .params(id, dimensions.toArray(String[]::new)).query(ScenarioRepository::result).list();
    }

    /** Takes back results written by a run that was cancelled as they were being written. */
    @Transactional
    public void discard(UUID id) {
        jdbc.sql("DELETE FROM scn_result WHERE run_id = ?").param(id).update();
        jdbc.sql("UPDATE scn_run SET assumptions = NULL, start_year = NULL, finished_at = NULL WHERE id = ?")
                .param(id).update();
    }

    public long resultCount(UUID id) {
        return jdbc.sql("SELECT count(*) FROM scn_result WHERE run_id = ?").param(id).query(Long.class).single();
    }

    private static ScenarioRow scenario(ResultSet rs, int n) throws SQLException {
        return new ScenarioRow(rs.getLong("id"), rs.getString("shipped"), rs.getString("name"),
                rs.getString("description"), rs.getString("levers"), rs.getString("owner"),
                rs.getObject("created_at", OffsetDateTime.class).toInstant());
    }

    private static RunRow run(ResultSet rs, int n) throws SQLException {
        OffsetDateTime finished = rs.getObject("finished_at", OffsetDateTime.class);
        int startYear = rs.getInt("start_year");
        boolean noYear = rs.wasNull();
        return new RunRow(rs.getObject("id", UUID.class), rs.getString("started_by"),
                rs.getObject("started_at", OffsetDateTime.class).toInstant(), rs.getInt("horizon"),
                rs.getInt("draws"), rs.getLong("seed"), rs.getInt("scale"), rs.getString("scenarios"),
                rs.getString("assumptions"), noYear ? null : startYear,
                finished == null ? null : finished.toInstant());
    }

    private static ResultBand result(ResultSet rs, int n) throws SQLException {
        return new ResultBand(rs.getInt("position"), rs.getInt("year_offset"), rs.getString("measure"),
                rs.getString("dimension"), rs.getInt("code_index"), rs.getDouble("mean"), rs.getDouble("p2_5"),
                rs.getDouble("p10"), rs.getDouble("p50"), rs.getDouble("p90"), rs.getDouble("p97_5"));
    }
}
