package kz.agyn.warehouse.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

import kz.agyn.warehouse.ImportStatus;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of uploaded files awaiting a decision. */
@Repository
public class ImportRepository {

    private static final String SELECT = """
            SELECT i.*, v.version FROM wh_import i LEFT JOIN wh_version v ON v.id = i.version_id""";

    private final JdbcClient jdbc;

    public ImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(UUID id, String dataset, String fileName, String format, String sha256, long size,
                       String mappingJson, String createdBy) {
        jdbc.sql("""
                INSERT INTO wh_import (id, dataset_code, file_name, format, file_sha256, file_size, mapping, status,
                                       created_by) VALUES (?, ?, ?, ?, ?, ?, ?, 'VALIDATING', ?)""")
                .params(id, dataset, fileName, format, sha256, size, mappingJson, createdBy).update();
    }

    public void validated(UUID id, ImportStatus status, long rows, int problems, String reportJson, String mappingJson,
                          String dataset) {
        jdbc.sql("""
                UPDATE wh_import SET status = ?, row_count = ?, problem_count = ?, report = ?, mapping = ?,
                       dataset_code = ?, finished_at = now() WHERE id = ?""")
                .params(status.name(), rows, problems, reportJson, mappingJson, dataset, id).update();
    }

    public void status(UUID id, ImportStatus status) {
        jdbc.sql("UPDATE wh_import SET status = ?, finished_at = now() WHERE id = ?").params(status.name(), id).update();
    }

    /**
     * Marks a checked import that could still be accepted CANCELLED, in one statement so that an accept started
     * meanwhile (which sets ACCEPTING first) is never overtaken; whether it was.
     */
    public boolean discardChecked(UUID id) {
        return jdbc.sql("""
                UPDATE wh_import SET status = 'CANCELLED', finished_at = now()
                WHERE id = ? AND (status = 'VALID' OR (status = 'INTERRUPTED' AND row_count IS NOT NULL
                                                       AND problem_count = 0))""").param(id).update() == 1;
    }

    public void accepted(UUID id, int versionId) {
        jdbc.sql("UPDATE wh_import SET status = 'ACCEPTED', version_id = ?, finished_at = now() WHERE id = ?")
                .params(versionId, id).update();
    }

    /** The version id of the rows the import's check staged (decision 0050), if it staged any. */
    public Optional<Integer> stagedVersion(UUID id) {
        return jdbc.sql("SELECT version_id FROM wh_staged_version WHERE import_id = ?").param(id)
                .query(Integer.class).optional();
    }

    /** How many rows the import's check staged; empty when it staged none. */
    public Optional<Long> stagedRows(UUID id) {
        return stagedVersion(id).map(v -> jdbc.sql("SELECT count(*) FROM wh_observation_v" + v)
                .query(Long.class).single());
    }

    /** Drops the rows the import's check staged, if any; never rows already accepted. */
    public void unstage(UUID id) {
        jdbc.sql("SELECT count(*) FROM wh_unstage(?)").param(id).query(Long.class).single();
    }

    /**
     * Imports whose staged rows can never be attached (decision 0050): refused, failed, cancelled, withdrawn or
     * accepted already, interrupted while being checked (no counts), or superseded: the dataset has a version of the
     * same file already, so accepting this one would only point at that version (as accept does: versionWithFile). An
     * import VALID or INTERRUPTED while being accepted keeps its rows: it can still be accepted. VALIDATING and
     * ACCEPTING ones are left to the process working on them.
     */
    public List<UUID> unattachable() {
        return jdbc.sql("""
                SELECT s.import_id FROM wh_staged_version s LEFT JOIN wh_import i ON i.id = s.import_id
                WHERE i.id IS NULL
                   OR i.status IN ('INVALID', 'CANCELLED', 'FAILED', 'ACCEPTED', 'WITHDRAWN')
                   OR (i.status = 'INTERRUPTED' AND (i.row_count IS NULL OR i.problem_count IS NULL
                                                     OR i.problem_count <> 0))
                   OR (i.status IN ('VALID', 'INTERRUPTED') AND EXISTS (
                          SELECT 1 FROM wh_version v JOIN wh_dataset d ON d.id = v.dataset_id
                          WHERE d.code = i.dataset_code AND v.file_sha256 = i.file_sha256))""")
                .query(UUID.class).list();
    }

    /**
     * Makes the import's staged rows its version's partition of wh_observation, in the caller's transaction (which
     * has inserted that version's row); returns the version id.
     */
    public int attachStaged(UUID id) {
        return jdbc.sql("SELECT wh_attach_staged(?)").param(id).query(Integer.class).single();
    }

    /** Marks every accepted import of a version WITHDRAWN, with who, when and why (decision 0033). */
    public void withdrawn(int versionId, String by, String reason) {
        jdbc.sql("""
                UPDATE wh_import SET status = 'WITHDRAWN', withdrawn_at = now(), withdrawn_by = ?, withdrawn_reason = ?
                WHERE version_id = ? AND status = 'ACCEPTED'""").params(by, reason, versionId).update();
    }

    /** Who withdrew an import, when and why, if it was withdrawn. */
    public Optional<kz.agyn.warehouse.DatasetVersion.Withdrawal> withdrawal(UUID id) {
        return jdbc.sql("""
                SELECT withdrawn_at, withdrawn_by, withdrawn_reason FROM wh_import
                WHERE id = ? AND withdrawn_at IS NOT NULL""").param(id)
                .query((rs, i) -> new kz.agyn.warehouse.DatasetVersion.Withdrawal(
                        rs.getObject(1, OffsetDateTime.class), rs.getString(2), rs.getString(3)))
                .optional();
    }

    public List<UUID> inStatus(Collection<ImportStatus> statuses) {
        return jdbc.sql("SELECT id FROM wh_import WHERE status IN (:statuses)")
                .param("statuses", statuses.stream().map(ImportStatus::name).toList())
                .query(UUID.class).list();
    }

    /**
     * Marks an import INTERRUPTED if it is still VALIDATING or ACCEPTING; true when it was being checked (its
     * counts are then cleared: the check did not finish, so it must run again before the import can be accepted).
     */
    public boolean interrupted(UUID id) {
        return jdbc.sql("""
                WITH old AS (SELECT id, status FROM wh_import WHERE id = :id FOR UPDATE)
                UPDATE wh_import i SET status = 'INTERRUPTED', finished_at = now(),
                       row_count = CASE WHEN old.status = 'VALIDATING' THEN NULL ELSE i.row_count END,
                       problem_count = CASE WHEN old.status = 'VALIDATING' THEN NULL ELSE i.problem_count END,
                       report = CASE WHEN old.status = 'VALIDATING' THEN NULL ELSE i.report END
                FROM old WHERE i.id = old.id AND old.status IN ('VALIDATING', 'ACCEPTING')
                RETURNING old.status = 'VALIDATING'""").param("id", id).query(Boolean.class).optional()
                .orElse(false);
    }

    public Optional<ImportRecord> find(UUID id) {
        return jdbc.sql(SELECT + " WHERE i.id = ?").param(id).query(ImportRepository::record).optional();
    }

    public List<ImportRecord> recent(int limit) {
        return jdbc.sql(SELECT + " ORDER BY i.created_at DESC LIMIT ?").param(limit)
                .query(ImportRepository::record).list();
    }

    private static ImportRecord record(ResultSet rs, int i) throws SQLException {
        return new ImportRecord(rs.getObject("id", UUID.class), rs.getString("dataset_code"),
                rs.getString("file_name"), rs.getString("format"), rs.getString("file_sha256"),
                rs.getLong("file_size"), rs.getString("mapping"), ImportStatus.valueOf(rs.getString("status")),
                (Integer) rs.getObject("row_count"), (Integer) rs.getObject("problem_count"), rs.getString("report"),
                (Integer) rs.getObject("version_id"), (Integer) rs.getObject("version"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
