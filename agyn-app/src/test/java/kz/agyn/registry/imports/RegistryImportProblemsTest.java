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
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.platform.problems.ShownProblem;
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
 * The problems are kept untranslated and read in the language of whoever reads the report.
 */
class RegistryImportProblemsTest extends AgynTest {

    @Autowired
    RegistryImport imports;

    @Autowired
    ScholarService scholars;

    @Autowired
    ProblemMessages messages;

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
        // A second scholars file: its first scholar (row 2) has the IIN of the first file's second one (row 3).
        List<String> more = List.of(s.get(0), s.get(2).replace(f.prefix() + "-2,", f.prefix() + "-5,"));
        // awards and jobs: the first row again, as row 5.
        List<String> a = lines(f.awards());
        a.add(a.get(1));
        List<String> j = lines(f.jobs());
        j.add(j.get(1));

        List<RegistryInput> inputs = List.of(
                input(RegistryInput.Kind.SCHOLARS, "people-2024.csv", s),
                input(RegistryInput.Kind.AWARDS, "grants.csv", a),
                input(RegistryInput.Kind.EMPLOYMENTS, "jobs-2024.csv", j),
                input(RegistryInput.Kind.SCHOLARS, "people-2025.csv", more));
        RegistryImportResult result = imports.run(inputs, false, Access.PERSONAL, "dup-officer");

        assertThat(result.status()).isEqualTo(RegistryImportState.INVALID);
        assertThat(result.problems())
                .extracting(Problem::file, Problem::row, Problem::columnName, Problem::code)
                .containsExactlyInAnyOrder(
                        tuple("people-2024.csv", 4L, "iin", "registry.import.duplicateIin"),
                        tuple("people-2024.csv", 5L, "iin", "registry.import.iinExists"),
                        tuple("people-2025.csv", 2L, "iin", "registry.import.duplicateIin"),
                        tuple("grants.csv", 5L, "award_ref", "registry.import.duplicateRef"),
                        tuple("jobs-2024.csv", 5L, "seq", "registry.import.duplicateSeq"));

        // The same report read in two languages: the places and codes are the same, the words are not.
        RegistryImportReport english = result.report(messages, Locale.ENGLISH);
        RegistryImportReport russian = result.report(messages, Locale.forLanguageTag("ru"));
        assertThat(english.problems()).extracting(ShownProblem::file, ShownProblem::row, ShownProblem::column,
                ShownProblem::code).isEqualTo(russian.problems().stream()
                        .map(p -> tuple(p.file(), p.row(), p.column(), p.code())).toList());
        for (int i = 0; i < english.problems().size(); i++) {
            ShownProblem en = english.problems().get(i);
            assertThat(en.message()).isNotEqualTo(en.code()).isNotEqualTo(russian.problems().get(i).message());
        }
    }

    private static List<String> lines(String text) {
        return new ArrayList<>(List.of(text.split("\n")));
    }

    private RegistryInput input(RegistryInput.Kind kind, String name, List<String> lines) throws IOException {
        Path file = Files.writeString(dir.resolve(name), String.join("\n", lines) + "\n", StandardCharsets.UTF_8);
        return new RegistryInput(kind, name, file);
    }
}
