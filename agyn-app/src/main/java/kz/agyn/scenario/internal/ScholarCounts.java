package kz.agyn.scenario.internal;

import java.util.List;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * The registry's scholars as the simulation needs them: counted by degree, obligation state and whole years of
 * work-off left, nothing else. No IIN, no name, no row id leaves the registry's tables: the population stands in
 * scholars as pseudonymous agents built from these counts.
 */
@Repository
public class ScholarCounts {

    /** Scholars of one degree in one obligation state (the registry's), with {@code yearsLeft} of work-off. */
    public record Count(String degree, String state, int yearsLeft, long scholars, boolean synthetic) {
    }

    private final JdbcClient jdbc;

    public ScholarCounts(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    public List<Count> counts() {
        return jdbc.sql("""
                SELECT a.degree, o.state, ceil(greatest(o.days_left, 0) / 365.0)::int AS years_left,
                       count(*) AS n, bool_and(a.synthetic) AS synthetic
                  FROM reg_award a JOIN reg_obligation o ON o.award_id = a.id
                 WHERE a.degree <> 'INTERNSHIP'
                 GROUP BY 1, 2, 3 ORDER BY 1, 2, 3""")
                .query((rs, n) -> new Count(rs.getString(1), rs.getString(2), rs.getInt(3), rs.getLong(4),
                        rs.getBoolean(5))).list();
    }
}
