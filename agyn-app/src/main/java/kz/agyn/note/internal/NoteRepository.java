package kz.agyn.note.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;

import kz.agyn.note.Contradiction;
import kz.agyn.note.Dataset;
import kz.agyn.note.NoteFigure;
import kz.agyn.note.SourceDocument;
import kz.agyn.reference.Names;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the note feature. */
@Repository
public class NoteRepository {

    private final JdbcClient jdbc;

    public NoteRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<NoteFigure> figures() {
        return jdbc.sql("""
                SELECT f.*, coalesce((SELECT string_agg(c.contradiction_code, ',' ORDER BY c.contradiction_code)
                                      FROM note_figure_contradiction c WHERE c.figure_id = f.id), '') AS contradictions
                FROM note_figure f ORDER BY f.sort_order""")
                .query(NoteRepository::figure).list();
    }

    public List<SourceDocument> sources() {
        return jdbc.sql("SELECT * FROM source_document ORDER BY code")
                .query((rs, i) -> new SourceDocument(rs.getString("code"), rs.getString("kind"),
                        rs.getString("citation"), rs.getString("authors"), (Integer) rs.getObject("year"),
                        rs.getString("title"), rs.getString("publication"), rs.getString("url")))
                .list();
    }

    public List<Contradiction> contradictions() {
        return jdbc.sql("""
                SELECT c.code, c.description_kk, c.description_ru, c.description_en,
                       coalesce((SELECT string_agg(f.code, ',' ORDER BY f.sort_order)
                                 FROM note_figure_contradiction x JOIN note_figure f ON f.id = x.figure_id
                                 WHERE x.contradiction_code = c.code), '') AS figures
                FROM contradiction c ORDER BY c.code""")
                .query((rs, i) -> new Contradiction(rs.getString("code"),
                        new Names(rs.getString("description_kk"), rs.getString("description_ru"),
                                rs.getString("description_en")), split(rs.getString("figures"))))
                .list();
    }

    public List<Dataset> datasets() {
        return jdbc.sql("SELECT * FROM dataset ORDER BY published_on NULLS LAST, code")
                .query((rs, i) -> new Dataset(rs.getString("code"), new Names(rs.getString("title_kk"),
                        rs.getString("title_ru"), rs.getString("title_en")), rs.getString("publisher"),
                        rs.getObject("published_on", LocalDate.class), rs.getString("source_code"),
                        rs.getBoolean("synthetic")))
                .list();
    }

    private static NoteFigure figure(ResultSet rs, int row) throws SQLException {
        return new NoteFigure(rs.getInt("id"), rs.getString("dataset_code"), rs.getString("code"),
                rs.getString("topic"), new Names(rs.getString("label_kk"), rs.getString("label_ru"),
                rs.getString("label_en")), rs.getBigDecimal("value"), rs.getBigDecimal("value_high"),
                rs.getBoolean("approx"), rs.getString("unit"), trim(rs.getString("currency")), rs.getString("per"),
                rs.getString("period"), trim(rs.getString("country_iso2")), trim(rs.getString("region_kato")),
                rs.getString("location"), rs.getString("quote_kk"), rs.getString("source_code"),
                rs.getString("cited_as"), split(rs.getString("contradictions")));
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static List<String> split(String csv) {
        return csv == null || csv.isEmpty() ? List.of() : Arrays.asList(csv.split(","));
    }
}
