package kz.agyn.measure.internal;

import java.math.BigDecimal;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.List;
import java.util.Optional;

import kz.agyn.measure.KpiFormula;
import kz.agyn.measure.KpiSource;
import kz.agyn.measure.KpiUnit;
import kz.agyn.measure.Measure;
import kz.agyn.measure.MeasureChange;
import kz.agyn.measure.MeasureComment;
import kz.agyn.measure.MeasureStatus;
import kz.agyn.measure.RegistryFormula;
import kz.agyn.measure.ReportedValue;
import kz.agyn.reference.Names;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** The tables measure, measure_value, measure_comment and measure_change. */
@Repository
public class MeasureRepository {

    private final JdbcClient jdbc;

    public MeasureRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** An attached file. */
    public record StoredFile(String name, String type, byte[] content) {
    }

    public List<Measure> all() {
        return jdbc.sql("SELECT * FROM measure ORDER BY id").query(MeasureRepository::measure).list();
    }

    public Optional<Measure> find(long id) {
        return jdbc.sql("SELECT * FROM measure WHERE id = ?").param(id).query(MeasureRepository::measure).optional();
    }

    public long insert(Measure m, String by) {
        return jdbc.sql("""
                        INSERT INTO measure (name_kk, name_ru, name_en, owner_kk, owner_ru, owner_en, legal_basis,
                            budget_kzt, kpi_source, kpi_unit, indicator, dataset, filters, registry_formula,
                            baseline_value, baseline_year, target_value, target_year, deadline, status, from_note,
                            created_by, updated_by)
                        VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, false, ?, ?) RETURNING id""")
                .params(values(m, by, by)).query(Long.class).single();
    }

    public void update(long id, Measure m, String by) {
        jdbc.sql("""
                        UPDATE measure SET name_kk = ?, name_ru = ?, name_en = ?, owner_kk = ?, owner_ru = ?,
                            owner_en = ?, legal_basis = ?, budget_kzt = ?, kpi_source = ?, kpi_unit = ?,
                            indicator = ?, dataset = ?, filters = ?, registry_formula = ?, baseline_value = ?,
                            baseline_year = ?, target_value = ?, target_year = ?, deadline = ?, status = ?,
                            updated_by = ?, updated_at = now()
                        WHERE id = ?""")
                .params(appended(values(m, null, by), id)).update();
    }

    private static Object[] values(Measure m, String createdBy, String updatedBy) {
        KpiFormula k = m.kpi();
        List<Object> v = new java.util.ArrayList<>(java.util.Arrays.asList(m.names().kk(), m.names().ru(),
                m.names().en(), m.owner().kk(), m.owner().ru(), m.owner().en(), m.legalBasis(), m.budgetKzt(),
                k.source().name(), m.unit().name(), k.indicator(), k.dataset(),
                k.filters().isEmpty() ? null : k.filtersText(), k.registry() == null ? null : k.registry().name(),
                m.baseline().value(), m.baseline().year(), m.target().value(), m.target().year(), m.deadline(),
                m.status().name()));
        if (createdBy != null) {
            v.add(createdBy);
        }
        v.add(updatedBy);
        return v.toArray();
    }

    private static Object[] appended(Object[] values, Object last) {
        Object[] out = java.util.Arrays.copyOf(values, values.length + 1);
        out[values.length] = last;
        return out;
    }

    private static Measure measure(ResultSet rs, int n) throws SQLException {
        KpiSource source = KpiSource.valueOf(rs.getString("kpi_source"));
        String formula = rs.getString("registry_formula");
        KpiFormula kpi = new KpiFormula(source, rs.getString("indicator"), rs.getString("dataset"),
                KpiFormula.parseFilters(rs.getString("filters")),
                formula == null ? null : RegistryFormula.valueOf(formula));
        Timestamp at = rs.getTimestamp("updated_at");
        return new Measure(rs.getLong("id"),
                new Names(rs.getString("name_kk"), rs.getString("name_ru"), rs.getString("name_en")),
                new Names(rs.getString("owner_kk"), rs.getString("owner_ru"), rs.getString("owner_en")),
                rs.getString("legal_basis"), rs.getBigDecimal("budget_kzt"), kpi,
                KpiUnit.valueOf(rs.getString("kpi_unit")),
                new Measure.YearValue(plain(rs.getBigDecimal("baseline_value")), rs.getInt("baseline_year")),
                new Measure.YearValue(plain(rs.getBigDecimal("target_value")), rs.getInt("target_year")),
                rs.getDate("deadline").toLocalDate(), MeasureStatus.valueOf(rs.getString("status")),
                rs.getBoolean("from_note"), rs.getString("updated_by"), at.toInstant());
    }

    /** A numeric as typed: 70, not 70.000 (numeric keeps the scale it was given). */
    private static BigDecimal plain(BigDecimal d) {
        if (d == null) {
            return null;
        }
        BigDecimal s = d.stripTrailingZeros();
        return s.scale() < 0 ? s.setScale(0) : s;
    }

    public List<ReportedValue> values(long measureId) {
        return jdbc.sql("SELECT * FROM measure_value WHERE measure_id = ? ORDER BY year").param(measureId)
                .query((rs, n) -> new ReportedValue(rs.getInt("year"), plain(rs.getBigDecimal("value")),
                        rs.getString("evidence"), rs.getString("entered_by"),
                        rs.getTimestamp("entered_at").toInstant())).list();
    }

    /** Puts the value of a year, replacing one already reported; the value it replaced, if any. */
    public Optional<BigDecimal> putValue(long measureId, int year, BigDecimal value, String evidence, String by) {
        Optional<BigDecimal> old = jdbc.sql("SELECT value FROM measure_value WHERE measure_id = ? AND year = ?")
                .params(measureId, year).query(BigDecimal.class).optional().map(MeasureRepository::plain);
        jdbc.sql("""
                        INSERT INTO measure_value (measure_id, year, value, evidence, entered_by) VALUES (?, ?, ?, ?, ?)
                        ON CONFLICT (measure_id, year) DO UPDATE SET value = EXCLUDED.value,
                            evidence = EXCLUDED.evidence, entered_by = EXCLUDED.entered_by, entered_at = now()""")
                .params(measureId, year, value, evidence, by).update();
        return old;
    }

    public long addComment(long measureId, String body, String link, StoredFile file, String by) {
        return jdbc.sql("""
                        INSERT INTO measure_comment (measure_id, body, link, file_name, file_type, file_content, author)
                        VALUES (?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(measureId, body, link, file == null ? null : file.name(), file == null ? null : file.type(),
                        file == null ? null : file.content(), by).query(Long.class).single();
    }

    public List<MeasureComment> comments(long measureId) {
        return jdbc.sql("""
                        SELECT id, body, link, file_name, coalesce(octet_length(file_content), 0) AS size, author,
                               created_at FROM measure_comment WHERE measure_id = ? ORDER BY id DESC""")
                .param(measureId).query((rs, n) -> new MeasureComment(rs.getLong("id"), rs.getString("body"),
                        rs.getString("link"), rs.getString("file_name"), rs.getLong("size"), rs.getString("author"),
                        rs.getTimestamp("created_at").toInstant())).list();
    }

    public Optional<StoredFile> file(long measureId, long commentId) {
        return jdbc.sql("""
                        SELECT file_name, file_type, file_content FROM measure_comment
                        WHERE measure_id = ? AND id = ? AND file_content IS NOT NULL""")
                .params(measureId, commentId).query((rs, n) -> new StoredFile(rs.getString("file_name"),
                        rs.getString("file_type"), rs.getBytes("file_content"))).optional();
    }

    public void addChange(long measureId, String by, String field, String oldValue, String newValue) {
        jdbc.sql("""
                        INSERT INTO measure_change (measure_id, changed_by, field, old_value, new_value)
                        VALUES (?, ?, ?, ?, ?)""").params(measureId, by, field, oldValue, newValue).update();
    }

    public List<MeasureChange> changes(long measureId) {
        return jdbc.sql("SELECT * FROM measure_change WHERE measure_id = ? ORDER BY id DESC").param(measureId)
                .query((rs, n) -> new MeasureChange(rs.getString("field"), rs.getString("old_value"),
                        rs.getString("new_value"), rs.getString("changed_by"),
                        rs.getTimestamp("changed_at").toInstant())).list();
    }
}
