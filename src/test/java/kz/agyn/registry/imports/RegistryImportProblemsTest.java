package kz.agyn.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.agyn.AgynTest;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.Access;
import kz.agyn.registry.TestScholars;
import kz.agyn.registry.scholars.ScholarService;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Problems found only once every row is read (an IIN twice in the files or already registered, an award reference
 * or a job's sequence number twice) name the file and row they came from, whatever the file is called, like every
 * problem of a single row does. They used to say file "scholars" (or "awards", or the first employments file), row 0.
 */
class RegistryImportProblemsTest extends AgynTest {

    @Autowired
    RegistryImport imports;

    @Autowired
    ScholarService scholars;

    @TempDir
    Path dir;

    @Test
    void problemsAcrossRowsNameTheirFileAndRow() throws IOException {
        ImportFixtures f = ImportFixtures.of(scholars, "DUPLOC", 3);
        TestScholars test = new TestScholars(scholars);
        String registered = test.freshIin(LocalDate.of(1993, 4, 17), Sex.FEMALE);
        test.scholar(registered, "Тіркелген", "Ер");

        // scholars: header (row 1), three scholars (rows 2–4); the third one's IIN is the first one's; a fourth
        // (row 5) is already in the registry.
        List<String> s = lines(f.scholars());
        s.set(3, s.get(3).replace(f.iins().get(2), f.iins().get(0)));
        s.add(s.get(1).replace(f.prefix() + "-1,", f.prefix() + "-4,").replace(f.iins().get(0), registered));
        // awards and jobs: the first row again, as row 5.
        List<String> a = lines(f.awards());
        a.add(a.get(1));
        List<String> j = lines(f.jobs());
        j.add(j.get(1));

        List<RegistryImport.Input> inputs = List.of(
                input(RegistryImport.Kind.SCHOLARS, "people-2024.csv", s),
                input(RegistryImport.Kind.AWARDS, "grants.csv", a),
                input(RegistryImport.Kind.EMPLOYMENTS, "jobs-2024.csv", j));
        RegistryImportReport report = imports.run(inputs, false, Access.PERSONAL, "dup-officer", Locale.ENGLISH);

        assertThat(report.status()).isEqualTo("INVALID");
        assertThat(report.problems())
                .extracting(RegistryImportReport.Problem::file, RegistryImportReport.Problem::row,
                        RegistryImportReport.Problem::column, RegistryImportReport.Problem::code)
                .containsExactlyInAnyOrder(
                        tuple("people-2024.csv", 4L, "iin", "registry.import.duplicateIin"),
                        tuple("people-2024.csv", 5L, "iin", "registry.import.iinExists"),
                        tuple("grants.csv", 5L, "award_ref", "registry.import.duplicateRef"),
                        tuple("jobs-2024.csv", 5L, "seq", "registry.import.duplicateSeq"));
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }

    private RegistryImport.Input input(RegistryImport.Kind kind, String name, List<String> lines) throws IOException {
        Path file = Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return new RegistryImport.Input(kind, name, file);
    }
}
