package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;

import kz.agyn.AgynTest;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The schema and reference data as Flyway builds them on a real PostgreSQL. */
class MigrationTest extends AgynTest {

    @Autowired
    JdbcClient jdbc;

    @Autowired
    ReferenceData reference;

    @Test
    void allMigrationsApplied() {
        List<String> failed = jdbc.sql("SELECT version FROM flyway_schema_history WHERE NOT success")
                .query(String.class).list();
        assertThat(failed).isEmpty();
        Integer applied = jdbc.sql("SELECT count(*) FROM flyway_schema_history WHERE success AND version IS NOT NULL")
                .query(Integer.class).single();
        assertThat(applied).isGreaterThanOrEqualTo(4);
    }

    /** Observations have no foreign keys (decision 0007): the import must still never leave an orphan. */
    @Test
    void everyObservationJoinsItsVersionAndIndicator() {
        Integer orphans = jdbc.sql("""
                SELECT count(*) FROM wh_observation o
                WHERE NOT EXISTS (SELECT 1 FROM wh_version v WHERE v.id = o.version_id)
                   OR NOT EXISTS (SELECT 1 FROM wh_indicator i WHERE i.code = o.indicator)""")
                .query(Integer.class).single();
        assertThat(orphans).isZero();
        assertThat(jdbc.sql("SELECT count(*) FROM wh_observation").query(Integer.class).single()).isPositive();
    }

    @Test
    void twentyCurrentFirstLevelUnitsWithMapCodes() {
        List<Region> current = reference.currentRegions();
        assertThat(current).hasSize(20);
        assertThat(current).extracting(Region::kato).contains("100000000", "330000000", "620000000", "710000000",
                "750000000", "790000000");
        assertThat(current).filteredOn(r -> "CITY".equals(r.kind())).hasSize(3);
        assertThat(current).allSatisfy(r -> {
            assertThat(r.names().kk()).isNotBlank();
            assertThat(r.names().ru()).isNotBlank();
            assertThat(r.names().en()).isNotBlank();
        });
    }

    @Test
    void theJune2022ReformIsDated() {
        List<Region> before = reference.regionsOn(LocalDate.of(2022, 6, 7));
        List<Region> after = reference.regionsOn(LocalDate.of(2022, 6, 8));
        assertThat(before).hasSize(17).extracting(Region::kato)
                .doesNotContain("100000000", "330000000", "620000000");
        assertThat(after).hasSize(20);
        // Almaty, East Kazakhstan and Karaganda oblasts keep their codes but are different territories.
        for (String kato : List.of("190000000", "630000000", "350000000")) {
            Region old = before.stream().filter(r -> r.kato().equals(kato)).findFirst().orElseThrow();
            Region reduced = after.stream().filter(r -> r.kato().equals(kato)).findFirst().orElseThrow();
            assertThat(old.validTo()).isEqualTo(LocalDate.of(2022, 6, 7));
            assertThat(reduced.validFrom()).isEqualTo(LocalDate.of(2022, 6, 8));
        }
        assertThat(after).filteredOn(r -> r.kato().equals("100000000")).singleElement()
                .satisfies(abai -> assertThat(abai.parentKato()).isEqualTo("630000000"));
    }

    @Test
    void classificationsAreComplete() {
        assertThat(reference.occupations()).filteredOn(o -> o.level() == 1).hasSize(10);
        assertThat(reference.occupations()).filteredOn(o -> o.level() == 2).hasSize(43);
        assertThat(reference.educationLevels()).hasSize(9);
        assertThat(reference.educationLevels()).filteredOn(e -> e.tertiary())
                .extracting(e -> e.code()).containsExactly("5", "6", "7", "8");
        assertThat(reference.countries()).hasSize(250); // ISO 3166-1 and Channel Islands (V20)
        assertThat(reference.country("KZ")).hasValueSatisfying(kz -> {
            assertThat(kz.iso3()).isEqualTo("KAZ");
            assertThat(kz.currency()).isEqualTo("KZT");
            assertThat(kz.names().kk()).isEqualTo("Қазақстан");
        });
        assertThat(reference.currencies()).extracting(c -> c.code()).contains("KZT", "USD", "EUR", "RUB");
        assertThat(reference.sources()).extracting(s -> s.table())
                .contains("region", "occupation", "education_level", "country", "currency");
    }

    @Test
    void referenceTablesNameTheirSource() {
        for (String table : List.of("region", "occupation", "education_level", "country", "currency")) {
            String comment = jdbc.sql("SELECT obj_description(?::regclass, 'pg_class')").param(table)
                    .query(String.class).single();
            assertThat(comment).as(table).startsWith("Source:");
        }
    }
}
