package kz.agyn.note.writer.internal;

import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the note writer: template versions and issued notes. */
@Repository
public class NoteWriterRepository {

    private final JdbcClient jdbc;

    public NoteWriterRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** A stored version of a template. */
    public record TemplateRow(String code, int version, String body, boolean shipped, String createdBy,
                              OffsetDateTime createdAt) {
    }

    /** An issued note without its files. */
    public record IssueRow(UUID id, String templateCode, int templateVersion, String language, String region,
                           String period, String scenarios, LocalDate issuedOn, String dataVersions, String pins,
                           String issuedBy, OffsetDateTime issuedAt, UUID jobId, String title, boolean written) {
    }

    public boolean hasTemplate(String code, int version) {
        return jdbc.sql("SELECT count(*) FROM note_template WHERE code = ? AND version = ?").params(code, version)
                .query(Long.class).single() > 0;
    }

    public void insertTemplate(String code, int version, String body, boolean shipped, String by) {
        jdbc.sql("INSERT INTO note_template (code, version, body, shipped, created_by) VALUES (?, ?, ?, ?, ?)")
                .params(code, version, body, shipped, by).update();
    }

    /** The next version of a template: one more than the highest stored (1 for a new code). */
    public int nextVersion(String code) {
        return jdbc.sql("SELECT coalesce(max(version), 0) + 1 FROM note_template WHERE code = ?").param(code)
                .query(Integer.class).single();
    }

    /** The latest version of each template, the shipped ones first, by code. */
    public List<TemplateRow> latest() {
        return jdbc.sql("""
                SELECT t.* FROM note_template t
                WHERE t.version = (SELECT max(version) FROM note_template x WHERE x.code = t.code)
                ORDER BY (SELECT bool_or(shipped) FROM note_template x WHERE x.code = t.code) DESC, t.code""")
                .query(NoteWriterRepository::template).list();
    }

    public Optional<TemplateRow> template(String code, Integer version) {
        return version == null
                ? jdbc.sql("SELECT * FROM note_template WHERE code = ? ORDER BY version DESC LIMIT 1").param(code)
                        .query(NoteWriterRepository::template).optional()
                : jdbc.sql("SELECT * FROM note_template WHERE code = ? AND version = ?").params(code, version)
                        .query(NoteWriterRepository::template).optional();
    }

    public List<TemplateRow> versions(String code) {
        return jdbc.sql("SELECT * FROM note_template WHERE code = ? ORDER BY version DESC").param(code)
                .query(NoteWriterRepository::template).list();
    }

    public void insertIssue(UUID id, String code, int version, String language, String region, String period,
                            String scenarios, LocalDate issuedOn, String by, UUID jobId) {
        jdbc.sql("""
                INSERT INTO note_issue (id, template_code, template_version, language, region, period, scenarios,
                                        issued_on, issued_by, job_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(id, code, version, language, region, period, scenarios, issuedOn, by, jobId).update();
    }

    public void setJob(UUID id, UUID jobId) {
        jdbc.sql("UPDATE note_issue SET job_id = ? WHERE id = ?").params(jobId, id).update();
    }

    public void written(UUID id, String title, String dataVersions, String pins, byte[] docx, byte[] pdf,
                        byte[] html) {
        jdbc.sql("""
                UPDATE note_issue SET title = ?, data_versions = ?, pins = ?, docx = ?, pdf = ?, html = ?
                 WHERE id = ?""").params(title, dataVersions, pins, docx, pdf, html, id).update();
    }

    public void delete(UUID id) {
        jdbc.sql("DELETE FROM note_issue WHERE id = ?").param(id).update();
    }

    public Optional<IssueRow> issue(UUID id) {
        return jdbc.sql(ISSUE + " WHERE id = ?").param(id).query(NoteWriterRepository::issue).optional();
    }

    public List<IssueRow> issues(int limit) {
        return jdbc.sql(ISSUE + " ORDER BY issued_at DESC LIMIT ?").param(limit)
                .query(NoteWriterRepository::issue).list();
    }

    /** One of the files of an issued note as it went out: docx, pdf or html. */
    public Optional<byte[]> file(UUID id, String format) {
        if (!List.of("docx", "pdf", "html").contains(format)) {
            return Optional.empty();
        }
        return jdbc.sql("SELECT " + format + " FROM note_issue WHERE id = ? AND " + format + " IS NOT NULL")
                .param(id).query((rs, i) -> rs.getBytes(1)).optional();
    }

    private static final String ISSUE = """
            SELECT id, template_code, template_version, language, region, period, scenarios, issued_on,
                   data_versions, pins, issued_by, issued_at, job_id, title, pdf IS NOT NULL AS written
              FROM note_issue""";

    private static IssueRow issue(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new IssueRow(rs.getObject("id", UUID.class), rs.getString("template_code"),
                rs.getInt("template_version"), rs.getString("language"), rs.getString("region"),
                rs.getString("period"), rs.getString("scenarios"), rs.getObject("issued_on", LocalDate.class),
                rs.getString("data_versions"), rs.getString("pins"), rs.getString("issued_by"), rs.getObject("issued_at", OffsetDateTime.class),
                rs.getObject("job_id", UUID.class), rs.getString("title"), rs.getBoolean("written"));
    }

    private static TemplateRow template(java.sql.ResultSet rs, int i) throws java.sql.SQLException {
        return new TemplateRow(rs.getString("code"), rs.getInt("version"), rs.getString("body"),
                rs.getBoolean("shipped"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class));
    }
}
