package kz.agyn.registry.imports.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.agyn.registry.imports.RegistryImportState;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * SQL of {@code reg_import_run}: one row per bulk import, its counts and, once it ended, its report as JSON
 * (problems untranslated).
 */
@Repository
public class ImportRunRepository {

    /** One import as stored; the counts are null until it ends. */
    public record Run(UUID id, boolean write, String startedBy, OffsetDateTime startedAt, OffsetDateTime finishedAt,
                      RegistryImportState status, Integer scholars, Integer awards, Integer employments, Integer existing,
                      Integer problems, Long millis, String report) {
    }

    private final JdbcClient jdbc;

    public ImportRunRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void started(UUID id, boolean write, String by) {
        jdbc.sql("INSERT INTO reg_import_run (id, write, started_by, status) VALUES (?, ?, ?, 'RUNNING')")
                .params(id, write, by).update();
    }

    /** Inside the import's own transaction, just before it commits: the rows and this status commit together. */
    public void committing(UUID id) {
        jdbc.sql("UPDATE reg_import_run SET status = 'IMPORTED' WHERE id = ?").param(id).update();
    }

    /** {@code report} is the finished report as JSON, or null. */
    public void finished(UUID id, RegistryImportState status, int scholars, int awards, int employments, int existing,
                         long problems, long millis, String report) {
        jdbc.sql("""
                UPDATE reg_import_run SET status = ?, finished_at = now(), scholars = ?, awards = ?, employments = ?,
                       existing = ?, problems = ?, millis = ?, report = ?::jsonb WHERE id = ?""")
                .params(status.name(), scholars, awards, employments, existing, (int) Math.min(problems, Integer.MAX_VALUE),
                        millis, report, id).update();
    }

    /** Marks a run INTERRUPTED if it still says RUNNING; true if it did. */
    public boolean interrupted(UUID id) {
        return jdbc.sql("UPDATE reg_import_run SET status = 'INTERRUPTED', finished_at = now() "
                + "WHERE id = ? AND status = 'RUNNING'").param(id).update() > 0;
    }

    public List<UUID> running() {
        return jdbc.sql("SELECT id FROM reg_import_run WHERE status = 'RUNNING'").query(UUID.class).list();
    }

    public Optional<Run> find(UUID id) {
        return jdbc.sql("SELECT * FROM reg_import_run WHERE id = ?").param(id).query(Run.class).optional();
    }

    public List<Run> recent(int limit) {
        return jdbc.sql("SELECT * FROM reg_import_run ORDER BY started_at DESC LIMIT ?").param(limit)
                .query(Run.class).list();
    }
}
