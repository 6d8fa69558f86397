package kz.agyn.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import kz.agyn.AgynTest;
import kz.agyn.platform.problems.Problem;
import kz.agyn.registry.Access;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.jdbc.core.simple.JdbcClient;

/**
 * The award columns added for the published obligation rules (foreign_grant, honours, spent_kzt): read when
 * present, defaulted when absent (old files), a bad value located like any other.
 */
class RegistryImportAwardAttributesTest extends AgynTest {

    @Autowired
    RegistryImport imports;

    @Autowired
    ScholarService scholars;

    @Autowired
    JdbcClient jdbc;

    @TempDir
    Path dir;

    @Test
    void newColumnsAreStoredAndOldFilesGetTheDefaults() throws IOException {
        ImportFixtures f = ImportFixtures.of(scholars, "ATTR", 2);
        List<String> a = lines(f.awards());
        a.set(0, a.get(0) + ",foreign_grant,honours,spent_kzt");
        a.set(1, a.get(1) + ",true,true,8000000");
        a.set(2, a.get(2) + ",,,");   // empty: the defaults

        RegistryImportResult result = imports.run(List.of(
                input(RegistryInput.Kind.SCHOLARS, "scholars.csv", lines(f.scholars())),
                input(RegistryInput.Kind.AWARDS, "awards.csv", a),
                input(RegistryInput.Kind.EMPLOYMENTS, "employments.csv", lines(f.jobs()))),
                true, Access.PERSONAL, "attr-officer");

        assertThat(result.status()).isEqualTo(RegistryImportState.IMPORTED);
        Map<String, Object> first = row(f.prefix() + "-1-A");
        assertThat(first).containsEntry("foreign_grant", true).containsEntry("honours", true);
        assertThat((BigDecimal) first.get("spent_kzt")).isEqualByComparingTo("8000000");
        Map<String, Object> second = row(f.prefix() + "-2-A");
        assertThat(second).containsEntry("foreign_grant", false).containsEntry("honours", false)
                .containsEntry("spent_kzt", null);
    }

    @Test
    void aBadSpentAmountIsLocated() throws IOException {
        ImportFixtures f = ImportFixtures.of(scholars, "ATTRBAD", 1);
        List<String> a = lines(f.awards());
        a.set(0, a.get(0) + ",spent_kzt,honours");
        a.set(1, a.get(1) + ",lots,maybe");

        RegistryImportResult result = imports.run(List.of(
                input(RegistryInput.Kind.SCHOLARS, "scholars.csv", lines(f.scholars())),
                input(RegistryInput.Kind.AWARDS, "awards.csv", a),
                input(RegistryInput.Kind.EMPLOYMENTS, "employments.csv", lines(f.jobs()))),
                false, Access.PERSONAL, "attr-officer");

        assertThat(result.status()).isEqualTo(RegistryImportState.INVALID);
        assertThat(result.problems()).extracting(Problem::columnName, Problem::code).contains(
                org.assertj.core.groups.Tuple.tuple("spent_kzt", "registry.import.notANumber"),
                org.assertj.core.groups.Tuple.tuple("honours", "registry.import.badBoolean"));
    }

    private Map<String, Object> row(String ref) {
        return jdbc.sql("SELECT foreign_grant, honours, spent_kzt FROM reg_award WHERE external_ref = ?").param(ref)
                .query().singleRow();
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }

    private RegistryInput input(RegistryInput.Kind kind, String name, List<String> lines) throws IOException {
        Path file = Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return new RegistryInput(kind, name, file);
    }
}
