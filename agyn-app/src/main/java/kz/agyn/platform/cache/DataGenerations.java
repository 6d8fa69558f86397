package kz.agyn.platform.cache;

import java.util.Arrays;
import java.util.Map;
import java.util.TreeMap;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * Reads the generation of data domains (see the package's description and migration V210) and folds the change
 * rows now and then so that reading stays a count over a handful of rows.
 */
@Component
public class DataGenerations {

    private static final Logger log = LoggerFactory.getLogger(DataGenerations.class);

    private final JdbcClient jdbc;

    public DataGenerations(JdbcClient jdbc) {
        this.jdbc = jdbc;
    }

    /**
     * The generations of the domains named, read in one statement (one snapshot), as a key such as
     * {@code "note=3;warehouse=12"}. A domain that is not known is an error of the caller's code.
     */
    public String of(String... domains) {
        String[] sorted = domains.clone();
        Arrays.sort(sorted);
        Map<String, Long> found = new TreeMap<>();
        jdbc.sql("""
                        SELECT g.domain, g.folded + (SELECT count(*) FROM data_change c WHERE c.domain = g.domain)
                        FROM data_generation g WHERE g.domain = ANY(?)""")
                .param(sorted)
                .query((rs, i) -> found.put(rs.getString(1), rs.getLong(2)))
                .list();
        StringBuilder key = new StringBuilder();
        for (String domain : sorted) {
            Long generation = found.get(domain);
            if (generation == null) {
                throw new IllegalArgumentException("No data domain " + domain);
            }
            key.append(domain).append('=').append(generation).append(';');
        }
        return key.toString();
    }

    /**
     * Moves the change rows into the domains' folded counts in one statement, which leaves every generation as it
     * was: a reader sees the rows or their sum, never both and never neither.
     */
    @Scheduled(fixedDelayString = "${agyn.cache.fold-interval-ms:60000}",
            initialDelayString = "${agyn.cache.fold-interval-ms:60000}")
    public void fold() {
        try {
            jdbc.sql("""
                    WITH gone AS (DELETE FROM data_change RETURNING domain),
                         n AS (SELECT domain, count(*) AS c FROM gone GROUP BY domain)
                    UPDATE data_generation g SET folded = g.folded + n.c FROM n WHERE g.domain = n.domain""")
                    .update();
        } catch (RuntimeException e) {
            // Folding only keeps reading cheap; a database away for a moment is tried again next time.
            log.debug("Data generations not folded: {}", e.toString());
        }
    }
}
