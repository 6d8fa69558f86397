package kz.agyn.warehouse;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The check writes the rows it accepts into a staged table while it reads the file, and accept attaches that table as
 * the version's partition (decision 0050). What the users were promised stays: a file with one bad row, even the
 * last of many thousands, writes nothing anywhere; accepted values are stored exactly as given.
 */
class StagedImportTest extends AgynTest {

    private static final String DATASET = "test-staged";
    private static final String HEADER = "INDICATOR,TIME_PERIOD,REF_AREA,OCCUPATION,EDUCATION,COUNTERPART_AREA,SEX,AGE,"
            + "FLOW,OBS_VALUE,UNIT_MULT,OBS_STATUS\n";

    @Autowired
    ImportService imports;

    @Autowired
    JdbcClient jdbc;

    @BeforeEach
    void dataset() {
        Fixtures.dataset(jdbc, DATASET);
    }

    /** Many valid rows, as the benchmark writes them: 3 periods × 20 regions × 12 occupations × ... */
    private static StringBuilder rows(int n) {
        String[] regions = {"100000000", "110000000", "150000000", "190000000", "230000000", "270000000",
            "310000000", "330000000", "350000000", "390000000"};
        String[] countries = {"RU", "DE", "US", "KR", "TR", "CN", "PL", "CA", "GB", "_T"};
        String[] sexes = {"M", "F", "_T"};
        StringBuilder csv = new StringBuilder(HEADER);
        int i = 0;
        outer:
        for (String period : List.of("2022", "2023", "2024")) {
            for (String region : regions) {
                for (int occupation = 0; occupation < 10; occupation++) {
                    for (String country : countries) {
                        for (String sex : sexes) {
                            for (int education = 0; education < 9; education++) {
                                if (i == n) {
                                    break outer;
                                }
                                csv.append("EMIGRANTS,").append(period).append(',').append(region).append(',')
                                        .append(occupation).append(',').append(education).append(',').append(country)
                                        .append(',').append(sex).append(",_T,EMI,").append(i * 7919 % 500)
                                        .append(",0,E\n");
                                i++;
                            }
                        }
                    }
                }
            }
        }
        return csv;
    }

    private ImportReport upload(String name, String csv) {
        return imports.upload(DATASET, name, new ByteArrayInputStream(csv.getBytes(StandardCharsets.UTF_8)), "csv",
                null, ADMIN, Locale.ENGLISH);
    }

    private long observations() {
        return jdbc.sql("SELECT count(*) FROM wh_observation").query(Long.class).single();
    }

    /** Tables of staged rows that are not (yet) a partition of wh_observation. */
    private long stagedTables() {
        return jdbc.sql("""
                SELECT count(*) FROM pg_class WHERE relname LIKE 'wh\\_observation\\_v%' AND relkind = 'r'
                   AND NOT relispartition""").query(Long.class).single();
    }

    private long stagedOf(UUID id) {
        return jdbc.sql("SELECT count(*) FROM wh_staged_version WHERE import_id = ?").param(id).query(Long.class)
                .single();
    }

    /**
     * 30,000 good rows and a bad last one: a value that is not a number, a key that repeats the first row's, a
     * region that does not exist. The rows before it were sent to the database while the file was read; none of
     * them may remain, staged or stored.
     */
    @ParameterizedTest
    @ValueSource(strings = {
        "EMIGRANTS,2022,100000000,0,0,RU,M,_T,EMI,many,0,E",
        "EMIGRANTS,2022,100000000,0,0,RU,M,_T,EMI,5,0,E",
        "EMIGRANTS,2022,999999999,0,0,RU,M,_T,EMI,5,0,E"})
    void aRefusalInTheLastRowOfALargeFileLeavesNothingWritten(String lastRow) {
        long stored = observations();
        long tables = stagedTables();
        StringBuilder csv = rows(30_000).append(lastRow).append('\n');

        ImportReport report = upload("last-row.csv", csv.toString());

        assertThat(report.status()).isEqualTo(ImportStatus.INVALID);
        assertThat(report.problems()).hasSize(1);
        assertThat(report.problems().get(0).row()).isEqualTo(30_002);
        assertThat(stagedOf(report.id())).isZero();
        assertThat(stagedTables()).isEqualTo(tables);
        assertThat(observations()).isEqualTo(stored);
    }

    /**
     * Values reach the table exactly through the staged COPY: decimals of many digits, missing values (an SDMX
     * observation without a value, stored as null), statuses as the source gives them, quarters, Cyrillic region and
     * sex names read as codes.
     */
    @Test
    void valuesRoundTripExactlyThroughTheStagedCopy() {
        ImportReport sdmx = imports.upload(DATASET, "values.csv", new ByteArrayInputStream("""
                DATAFLOW,INDICATOR,TIME_PERIOD,REF_AREA,COUNTERPART_AREA,SEX,FLOW,OBS_VALUE,OBS_STATUS
                AGYN:MIG(1.0),WAGE_AVG,2022,100000000,_T,_T,_Z,272188.123456789012345678,A
                AGYN:MIG(1.0),WAGE_AVG,2022-Q3,110000000,_T,_T,_Z,1000000.5,P
                AGYN:MIG(1.0),EMIGRANTS,2023,150000000,DE,_T,EMI,,O
                AGYN:MIG(1.0),EMIGRANTS,2023,190000000,DE,F,EMI,7,na
                """.getBytes(StandardCharsets.UTF_8)), "sdmx-csv", null, ADMIN, Locale.ENGLISH);
        assertThat(sdmx.status()).as("%s", sdmx.problems()).isEqualTo(ImportStatus.VALID);
        assertThat(stagedOf(sdmx.id())).isOne();
        assertThat(imports.accept(sdmx.id(), ADMIN, Locale.ENGLISH).status()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(stagedOf(sdmx.id())).isZero();
        List<Map<String, Object>> rows = stored(sdmx.id());
        assertThat(rows).extracting(r -> r.get("value")).containsExactly(
                "272188.123456789012345678", "1000000.5", null, "7");
        assertThat(rows).extracting(r -> r.get("status")).containsExactly("A", "P", "O", "na");
        assertThat(rows).extracting(r -> r.get("start")).containsExactly(
                "2022-01-01", "2022-07-01", "2023-01-01", "2023-01-01");
        assertThat(rows).extracting(r -> r.get("freq")).containsExactly("A", "Q", "A", "A");
        assertThat(rows).extracting(r -> r.get("sex")).containsExactly("_T", "_T", "_T", "F");

        ImportReport named = upload("named.csv", HEADER + """
                EMIGRANTS,2024,город Алматы,_T,_T,DE,Женщины,_T,EMI,9,3,C
                EMIGRANTS,2024,100000000,_T,_T,RU,_T,_T,NET,-42,0,E
                """);
        assertThat(named.status()).as("%s", named.problems()).isEqualTo(ImportStatus.VALID);
        imports.accept(named.id(), ADMIN, Locale.ENGLISH);
        rows = stored(named.id());
        assertThat(rows).extracting(r -> r.get("region")).containsExactly("100000000", "750000000");
        assertThat(rows).extracting(r -> r.get("value")).containsExactly("-42", "9");
        assertThat(rows).extracting(r -> r.get("sex")).containsExactly("_T", "F");
        assertThat(rows).extracting(r -> r.get("flow")).containsExactly("NET", "EMI");
        assertThat(rows).extracting(r -> ((Number) r.get("unit_mult")).intValue()).containsExactly(0, 3);
    }

    private List<Map<String, Object>> stored(UUID id) {
        return jdbc.sql("""
                SELECT o.period, o.period_start::text AS start, o.freq, o.region, o.sex, o.flow, o.value::text AS value,
                       o.unit_mult, o.status
                FROM wh_observation o JOIN wh_import i ON i.version_id = o.version_id
                WHERE i.id = ? ORDER BY o.period, o.region, o.country""").param(id).query().listOfRows();
    }

    /**
     * The accepted rows are the partition of their version, reached through wh_observation; a second check of the
     * same import replaces what the first staged instead of keeping both.
     */
    @Test
    void acceptAttachesTheStagedRowsAndARecheckReplacesThem() {
        long tables = stagedTables();
        ImportReport report = upload("attach.csv", rows(2_000).toString());
        assertThat(report.status()).isEqualTo(ImportStatus.VALID);
        int first = jdbc.sql("SELECT version_id FROM wh_staged_version WHERE import_id = ?").param(report.id())
                .query(Integer.class).single();

        imports.remap(report.id(), DATASET, ImportMapping.empty(), Locale.ENGLISH);
        int second = jdbc.sql("SELECT version_id FROM wh_staged_version WHERE import_id = ?").param(report.id())
                .query(Integer.class).single();
        assertThat(second).isNotEqualTo(first);
        assertThat(jdbc.sql("SELECT to_regclass('wh_observation_v' || ?) IS NULL").param(first)
                .query(Boolean.class).single()).isTrue();
        assertThat(stagedTables()).isEqualTo(tables + 1);

        ImportReport accepted = imports.accept(report.id(), ADMIN, Locale.ENGLISH);

        assertThat(accepted.status()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(stagedTables()).isEqualTo(tables);
        assertThat(jdbc.sql("SELECT version_id FROM wh_import WHERE id = ?").param(report.id())
                .query(Integer.class).single()).isEqualTo(second);
        assertThat(jdbc.sql("""
                SELECT c.relispartition FROM pg_class c WHERE c.relname = 'wh_observation_v' || ?""").param(second)
                .query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM wh_observation WHERE version_id = ?").param(second)
                .query(Long.class).single()).isEqualTo(2_000);
        assertThat(jdbc.sql("SELECT row_count FROM wh_version WHERE id = ?").param(second).query(Integer.class)
                .single()).isEqualTo(2_000);
    }

    /**
     * An import checked before decision 0050 has no staged rows: accept reads its file again and writes the rows
     * through wh_observation into a new partition of their own, in the same one transaction.
     */
    @Test
    void anImportWithoutStagedRowsIsWrittenIntoANewPartition() {
        ImportReport report = upload("older.csv", rows(500).toString());
        assertThat(report.status()).isEqualTo(ImportStatus.VALID);
        jdbc.sql("SELECT count(*) FROM wh_unstage(?)").param(report.id()).query(Long.class).single();
        assertThat(stagedOf(report.id())).isZero();

        assertThat(imports.accept(report.id(), ADMIN, Locale.ENGLISH).status()).isEqualTo(ImportStatus.ACCEPTED);

        int version = jdbc.sql("SELECT version_id FROM wh_import WHERE id = ?").param(report.id())
                .query(Integer.class).single();
        assertThat(jdbc.sql("SELECT relispartition FROM pg_class WHERE relname = 'wh_observation_v' || ?")
                .param(version).query(Boolean.class).single()).isTrue();
        assertThat(jdbc.sql("SELECT count(*) FROM wh_observation_v" + version).query(Long.class).single())
                .isEqualTo(500);
    }

    /**
     * Staged tables of imports that will never be accepted do not pile up: a check that failed after its rows were
     * staged, one interrupted while checked, and a second upload of a file that became a version meanwhile lose
     * their staged rows at the next accept or start; an import that can still be accepted keeps them.
     */
    @Test
    void stagedRowsOfImportsNeverAcceptedArePurged() {
        long tables = stagedTables();
        ImportReport first = upload("purge-a.csv", rows(300).toString());
        ImportReport again = upload("purge-a-again.csv", rows(300).toString());
        ImportReport failed = upload("purge-failed.csv", rows(301).toString());
        ImportReport checking = upload("purge-checking.csv", rows(302).toString());
        ImportReport waiting = upload("purge-waiting.csv", rows(303).toString());
        for (ImportReport r : List.of(first, again, failed, checking, waiting)) {
            assertThat(r.status()).isEqualTo(ImportStatus.VALID);
            assertThat(stagedOf(r.id())).isOne();
        }
        assertThat(stagedTables()).isEqualTo(tables + 5);
        // What a check that failed after staging, and one killed while checking, leave behind.
        jdbc.sql("UPDATE wh_import SET status = 'FAILED' WHERE id = ?").param(failed.id()).update();
        jdbc.sql("UPDATE wh_import SET status = 'INTERRUPTED', row_count = NULL, problem_count = NULL WHERE id = ?")
                .param(checking.id()).update();

        assertThat(imports.accept(first.id(), ADMIN, Locale.ENGLISH).status()).isEqualTo(ImportStatus.ACCEPTED);

        assertThat(stagedOf(again.id())).isZero();
        assertThat(stagedOf(failed.id())).isZero();
        assertThat(stagedOf(checking.id())).isZero();
        assertThat(stagedOf(waiting.id())).isOne();
        assertThat(stagedTables()).isEqualTo(tables + 1);
        assertThat(imports.purgeStaged()).isZero();
        // The superseded upload is still accepted as the version its file already is, with the same rows.
        ImportReport second = imports.accept(again.id(), ADMIN, Locale.ENGLISH);
        assertThat(second.status()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(second.version()).isEqualTo(imports.report(first.id(), Locale.ENGLISH).version());
        // The one still waiting is accepted from its staged rows.
        ImportReport last = imports.accept(waiting.id(), ADMIN, Locale.ENGLISH);
        assertThat(last.status()).isEqualTo(ImportStatus.ACCEPTED);
        assertThat(jdbc.sql("SELECT count(*) FROM wh_observation o JOIN wh_import i ON i.version_id = o.version_id "
                + "WHERE i.id = ?").param(waiting.id()).query(Long.class).single()).isEqualTo(303);
        assertThat(stagedTables()).isEqualTo(tables);

        // At start-up too: a leftover of a refused import is dropped by the recovery.
        ImportReport refused = upload("purge-refused.csv", rows(304).toString());
        jdbc.sql("UPDATE wh_import SET status = 'INVALID' WHERE id = ?").param(refused.id()).update();
        imports.markInterrupted();
        assertThat(stagedOf(refused.id())).isZero();
        assertThat(stagedTables()).isEqualTo(tables);
    }
}
