package kz.agyn.warehouse.internal;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Optional;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of saved mapping templates; the mapping is kept as the JSON the user sees. */
@Repository
public class TemplateRepository {

    /** A template as stored. */
    public record Stored(String name, String description, String dataset, String mappingJson, String updatedBy,
                         OffsetDateTime updatedAt) {
    }

    private static final String SELECT = """
            SELECT name, description, dataset_code, mapping, updated_by, updated_at FROM wh_import_template""";

    private final JdbcClient jdbc;

    public TemplateRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Stored> all() {
        return jdbc.sql(SELECT + " ORDER BY lower(name)").query(TemplateRepository::row).list();
    }

    public Optional<Stored> find(String name) {
        return jdbc.sql(SELECT + " WHERE name = ?").param(name).query(TemplateRepository::row).optional();
    }

    /** Creates the template or replaces what it holds; true when it was new. */
    public boolean save(String name, String description, String dataset, String mappingJson, String user) {
        return jdbc.sql("""
                INSERT INTO wh_import_template (name, description, dataset_code, mapping, created_by, updated_by)
                VALUES (?, ?, ?, ?, ?, ?)
                ON CONFLICT (name) DO UPDATE SET description = excluded.description,
                    dataset_code = excluded.dataset_code, mapping = excluded.mapping,
                    updated_by = excluded.updated_by, updated_at = now()
                RETURNING (xmax = 0)""")
                .params(name, description, dataset, mappingJson, user, user).query(Boolean.class).single();
    }

    public boolean delete(String name) {
        return jdbc.sql("DELETE FROM wh_import_template WHERE name = ?").param(name).update() > 0;
    }

    private static Stored row(java.sql.ResultSet rs, int n) throws java.sql.SQLException {
        return new Stored(rs.getString("name"), rs.getString("description"), rs.getString("dataset_code"),
                rs.getString("mapping"), rs.getString("updated_by"),
                rs.getObject("updated_at", OffsetDateTime.class));
    }
}
