package kz.agyn.jobs.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.agyn.jobs.JobFilter;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** SQL of the job table. */
@Repository
public class JobRepository {

    private static final TypeReference<Map<String, String>> PARAMETERS = new TypeReference<>() { };
    private static final TypeReference<List<String>> ARGS = new TypeReference<>() { };

    private final JdbcClient jdbc;
    private final JsonMapper json;

    public JobRepository(JdbcClient jdbc, JsonMapper json) {
        this.jdbc = jdbc;
        this.json = json;
    }

    public void insert(UUID id, JobKind kind, String startedBy, Map<String, String> parameters, String phase) {
        jdbc.sql("""
                INSERT INTO job (id, kind, started_by, parameters, state, phase)
                VALUES (?, ?, ?, CAST(? AS jsonb), 'RUNNING', ?)""")
                .params(id, kind.name(), startedBy, json.writeValueAsString(parameters), phase).update();
    }

    public void phase(UUID id, String phase, long done, Long total) {
        jdbc.sql("UPDATE job SET phase = ?, done = ?, total = ?, updated_at = now() WHERE id = ? AND state = 'RUNNING'")
                .params(phase, done, total, id).update();
    }

    /** Writes the counters of a running job; true when someone asked it to stop. */
    public boolean progress(UUID id, long done, Long total) {
        return jdbc.sql("""
                UPDATE job SET done = ?, total = ?, updated_at = now() WHERE id = ? AND state = 'RUNNING'
                RETURNING cancel_requested""").params(done, total, id).query(Boolean.class).optional()
                .orElse(false);
    }

    /** Ends a running job; false when it had ended already (a job ends once). */
    public boolean end(UUID id, JobState state, long done, Long total, String outcome, List<String> args,
                       String resultLink) {
        return jdbc.sql("""
                UPDATE job SET state = ?, done = ?, total = ?, outcome = ?, outcome_args = CAST(? AS jsonb),
                       result_link = ?, ended_at = now(), updated_at = now()
                WHERE id = ? AND state = 'RUNNING'""")
                .params(state.name(), done, total, outcome, json.writeValueAsString(args), resultLink, id)
                .update() == 1;
    }

    /** Asks a running job to stop; false when it is not running. */
    public boolean requestCancel(UUID id) {
        return jdbc.sql("UPDATE job SET cancel_requested = true, updated_at = now() WHERE id = ? AND state = 'RUNNING'")
                .param(id).update() == 1;
    }

    public Optional<JobView> find(UUID id) {
        return jdbc.sql("SELECT * FROM job WHERE id = ?").param(id).query(this::view).optional();
    }

    /** The job of {@code kinds} whose parameter {@code name} is {@code value}: the running one, else the newest. */
    public Optional<JobView> latest(String name, String value, Collection<JobKind> kinds) {
        return jdbc.sql("""
                SELECT * FROM job WHERE parameters ->> :name = :value AND kind IN (:kinds)
                ORDER BY (state = 'RUNNING') DESC, started_at DESC LIMIT 1""")
                .param("name", name).param("value", value).param("kinds", kinds.stream().map(JobKind::name).toList())
                .query(this::view).optional();
    }

    public List<UUID> running() {
        return jdbc.sql("SELECT id FROM job WHERE state = 'RUNNING'").query(UUID.class).list();
    }

    public List<JobView> list(JobFilter filter) {
        StringBuilder sql = new StringBuilder("SELECT * FROM job WHERE true");
        List<Object> params = new ArrayList<>();
        if (filter.kind() != null) {
            sql.append(" AND kind = ?");
            params.add(filter.kind().name());
        }
        if (filter.startedBy() != null) {
            sql.append(" AND started_by = ?");
            params.add(filter.startedBy());
        }
        if (filter.state() != null) {
            sql.append(" AND state = ?");
            params.add(filter.state().name());
        }
        // Running jobs first, then the newest.
        sql.append(" ORDER BY (state = 'RUNNING') DESC, started_at DESC LIMIT ?");
        params.add(filter.limit());
        return jdbc.sql(sql.toString()).params(params).query(this::view).list();
    }

    /** The users who started jobs, for the page's filter. */
    public List<String> starters() {
        return jdbc.sql("SELECT DISTINCT started_by FROM job ORDER BY started_by").query(String.class).list();
    }

    private JobView view(ResultSet rs, int row) throws SQLException {
        String args = rs.getString("outcome_args");
        long total = rs.getLong("total");
        Long totalOrNull = rs.wasNull() ? null : total;
        return new JobView(rs.getObject("id", UUID.class), JobKind.valueOf(rs.getString("kind")),
                rs.getString("started_by"), json.readValue(rs.getString("parameters"), PARAMETERS),
                JobState.valueOf(rs.getString("state")), rs.getString("phase"), rs.getLong("done"), totalOrNull,
                rs.getBoolean("cancel_requested"), instant(rs, "started_at"), instant(rs, "updated_at"),
                instant(rs, "ended_at"), rs.getString("outcome"), args == null ? List.of() : json.readValue(args, ARGS),
                rs.getString("result_link"));
    }

    private static Instant instant(ResultSet rs, String column) throws SQLException {
        Timestamp t = rs.getTimestamp(column);
        return t == null ? null : t.toInstant();
    }
}
