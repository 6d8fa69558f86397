package kz.agyn.registry.imports.internal;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/**
 * What a bulk import asks of the registry before it writes: the records already there (to skip them, and to
 * check the files' references and IINs against them), and ids for the rows it is about to COPY. Each is one
 * query for the whole import, not one per row.
 */
@Repository
public class RegistryImportRepository {

    private final JdbcClient jdbc;

    public RegistryImportRepository(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /** The scholars that have an operator's reference, by it. */
    public Map<String, Long> scholarIdsByRef() {
        Map<String, Long> ids = new HashMap<>();
        jdbc.sql("SELECT external_ref, id FROM reg_scholar WHERE external_ref IS NOT NULL")
                .query(rs -> {
                    ids.put(rs.getString(1), rs.getLong(2));
                });
        return ids;
    }

    public Set<String> awardRefs() {
        return set("SELECT external_ref FROM reg_award WHERE external_ref IS NOT NULL", rs -> rs.getString(1));
    }

    /** Every scholar's IIN blind-index hash, in hex. */
    public Set<String> iinHashes() {
        return set("SELECT encode(iin_hash, 'hex') FROM reg_scholar", rs -> rs.getString(1));
    }

    /** The pseudonyms of people erased on request: all their records keep. */
    public Set<String> erasedPseudonyms() {
        return set("SELECT pseudonym FROM reg_scholar WHERE anonymised_at IS NOT NULL", rs -> rs.getString(1));
    }

    /** The jobs there, each as {@link #jobKey}. */
    public Set<Long> jobKeys() {
        return set("SELECT scholar_id, seq FROM reg_employment WHERE seq IS NOT NULL",
                rs -> jobKey(rs.getLong(1), rs.getInt(2)));
    }

    /** A job's identity as one number: a {@code seq} is below 100,000 (the import takes no larger). */
    public static long jobKey(long scholarId, int seq) {
        return scholarId * 100_000 + seq;
    }

    /** The programmes that have rules. */
    public Set<String> programmes() {
        return Set.copyOf(jdbc.sql("SELECT code FROM reg_programme").query(String.class).list());
    }

    /** {@code n} new scholar ids, taken before a COPY (during one the connection answers no other query). */
    public List<Long> nextScholarIds(int n) {
        return jdbc.sql("SELECT nextval('reg_scholar_id_seq') FROM generate_series(1, ?)").param(n)
                .query(Long.class).list();
    }

    /** One value a row, straight into a set: some of these are a row per scholar or per job. */
    private <T> Set<T> set(String sql, Value<T> value) {
        Set<T> values = new HashSet<>();
        jdbc.sql(sql).query(rs -> {
            values.add(value.of(rs));
        });
        return values;
    }

    private interface Value<T> {
        T of(ResultSet rs) throws SQLException;
    }

    /** {@code n} new award ids, as {@link #nextScholarIds}. */
    public List<Long> nextAwardIds(int n) {
        return jdbc.sql("SELECT nextval('reg_award_id_seq') FROM generate_series(1, ?)").param(n)
                .query(Long.class).list();
    }
}
