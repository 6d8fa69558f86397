package kz.agyn.audit.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditQuery;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the audit log: insert and filtered reads, nothing else (the table refuses updates and deletes). */
@Repository
public class AuditRepository {

    private final JdbcClient jdbc;

    public AuditRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public void insert(String actor, String roles, AuditAction action, String subjectType, Long subjectId,
                       int records, String channel, String detail) {
        jdbc.sql("""
                        INSERT INTO audit_event (actor, roles, action, subject_type, subject_id, records, channel, detail)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?)""")
                .params(actor, roles, action.name(), subjectType, subjectId, records, channel, detail).update();
    }

    public List<AuditEvent> search(AuditQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        String where = where(q, params);
        params.put("limit", q.size());
        params.put("offset", (long) q.page() * q.size());
        return jdbc.sql("SELECT * FROM audit_event" + where + " ORDER BY id DESC LIMIT :limit OFFSET :offset")
                .params(params).query(AuditRepository::event).list();
    }

    public long count(AuditQuery q) {
        Map<String, Object> params = new LinkedHashMap<>();
        return jdbc.sql("SELECT count(*) FROM audit_event" + where(q, params)).params(params).query(Long.class)
                .single();
    }

    private static String where(AuditQuery q, Map<String, Object> params) {
        List<String> conditions = new ArrayList<>();
        if (q.actor() != null && !q.actor().isBlank()) {
            conditions.add("actor = :actor");
            params.put("actor", q.actor().trim());
        }
        if (q.kind() != null) {
            conditions.add("action IN (:kindActions)");
            params.put("kindActions", AuditAction.of(q.kind()).stream().map(Enum::name).toList());
        }
        if (q.action() != null) {
            conditions.add("action = :action");
            params.put("action", q.action().name());
        }
        if (q.subjectType() != null && !q.subjectType().isBlank()) {
            conditions.add("subject_type = :subjectType");
            params.put("subjectType", q.subjectType().trim());
        }
        if (q.subjectId() != null) {
            conditions.add("subject_id = :subjectId");
            params.put("subjectId", q.subjectId());
        }
        if (q.from() != null) {
            conditions.add("at >= :from");
            params.put("from", q.from().atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        if (q.to() != null) {
            conditions.add("at < :to");
            params.put("to", q.to().plusDays(1).atStartOfDay().atOffset(ZoneOffset.UTC));
        }
        return conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
    }

    private static AuditEvent event(ResultSet rs, int row) throws SQLException {
        long subject = rs.getLong("subject_id");
        return new AuditEvent(rs.getLong("id"), rs.getTimestamp("at").toInstant(), rs.getString("actor"),
                rs.getString("roles"), AuditAction.valueOf(rs.getString("action")), rs.getString("subject_type"),
                rs.wasNull() ? null : subject, rs.getInt("records"), rs.getString("channel"), rs.getString("detail"));
    }
}
