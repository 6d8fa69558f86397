package kz.agyn.platform.cache;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.atomic.AtomicInteger;

import javax.sql.DataSource;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * A value kept per data generation is computed again after any committed change of its domains, by this process or
 * another connection, and only after the commit; other domains' changes and the folding of change rows leave it.
 */
class PerGenerationTest extends AgynTest {

    @Autowired
    Caches caches;
    @Autowired
    DataGenerations generations;
    @Autowired
    DataSource dataSource;
    @Autowired
    JdbcClient jdbc;

    @Test
    void aChangeIsSeenExactlyWhenItIsCommitted() throws Exception {
        PerGeneration<String, Long> countries = caches.perGeneration(4, Caches.REFERENCE);
        AtomicInteger computed = new AtomicInteger();
        java.util.function.Supplier<Long> count = () -> {
            computed.incrementAndGet();
            return jdbc.sql("SELECT count(*) FROM currency").query(Long.class).single();
        };
        long first = countries.get("all", count);
        assertThat(countries.get("all", count)).isEqualTo(first);
        assertThat(computed).hasValue(1);

        // Another domain's change: kept.
        jdbc.sql("UPDATE survey SET closed_reason = closed_reason WHERE false").update();
        assertThat(countries.get("all", count)).isEqualTo(first);
        assertThat(computed).hasValue(1);

        try (var other = dataSource.getConnection()) {
            other.setAutoCommit(false);
            try (var st = other.createStatement()) {
                st.executeUpdate("INSERT INTO currency (code, numeric_code, minor_units, name_kk, name_ru, name_en) "
                        + "SELECT 'QZQ', '963', 2, name_kk, name_ru, name_en FROM currency LIMIT 1");
            }
            // Not committed: not seen, nothing computed again.
            assertThat(countries.get("all", count)).isEqualTo(first);
            assertThat(computed).hasValue(1);
            other.commit();
            assertThat(countries.get("all", count)).isEqualTo(first + 1);
            assertThat(computed).hasValue(2);
            try (var st = other.createStatement()) {
                st.executeUpdate("DELETE FROM currency WHERE code = 'QZQ'");
            }
            other.commit();
        }
        assertThat(countries.get("all", count)).isEqualTo(first);
        assertThat(computed).hasValue(3);

        // Folding the change rows leaves every generation as it was.
        String generation = generations.of(Caches.REFERENCE, Caches.WAREHOUSE);
        generations.fold();
        assertThat(generations.of(Caches.WAREHOUSE, Caches.REFERENCE)).isEqualTo(generation);
        assertThat(jdbc.sql("SELECT count(*) FROM data_change").query(Long.class).single()).isZero();
        assertThat(countries.get("all", count)).isEqualTo(first);
        assertThat(computed).hasValue(3);
    }
}
