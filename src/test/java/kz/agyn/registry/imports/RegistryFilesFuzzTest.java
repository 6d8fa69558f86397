package kz.agyn.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

import kz.agyn.reference.Names;
import kz.agyn.reference.Region;
import kz.agyn.tabular.FuzzFindings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The registry's bulk files fuzzed: scholars, awards and employments read and every row checked as an import does
 * (kz.agyn.registry.imports.RegistryRows), without a database — the codes rows are checked against are a small fixed set.
 * Whatever the bytes, reading ends with rows and problems, each problem put into words; nothing is thrown, and
 * no reader failure ({@code tabular.internal}) shows in a report. The plain test run replays the seeds in
 * {@code RegistryFilesFuzzTestInputs/<kind>/}; bench/fuzz.sh fuzzes.
 */
class RegistryFilesFuzzTest {

    static final RegistryRows.Codes CODES = new RegistryRows.Codes(Set.of("BOLASHAK", "ORLEU"),
            Set.of("2", "25", "251", "2511", "23"), List.of(
                    region("750000000", LocalDate.of(1997, 1, 1), null),
                    region("710000000", LocalDate.of(1997, 1, 1), null),
                    region("330000000", LocalDate.of(2022, 6, 8), null),
                    region("190000000", LocalDate.of(1997, 1, 1), LocalDate.of(2022, 6, 7))),
            LocalDate.of(1997, 1, 1), Set.of("KZ", "GB", "US", "DE", "RU", "CN"));
    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static Path file;

    @BeforeAll
    static void setUp() throws IOException {
        FuzzFindings.instrumentOnlyTheReaders();
        MESSAGES.setBasenames("i18n/messages", "i18n/tabular", "i18n/registry");
        MESSAGES.setDefaultEncoding("UTF-8");
        MESSAGES.setFallbackToSystemLocale(false);
        file = Files.createTempFile("agyn-fuzz-registry", ".csv");
    }

    @AfterAll
    static void tearDown() throws IOException {
        Files.deleteIfExists(file);
    }

    @FuzzTest(maxDuration = "60s")
    void scholars(byte[] input) throws IOException {
        check(RegistryImport.Kind.SCHOLARS, "scholars.csv", input);
    }

    @FuzzTest(maxDuration = "60s")
    void awards(byte[] input) throws IOException {
        check(RegistryImport.Kind.AWARDS, "awards.csv", input);
    }

    @FuzzTest(maxDuration = "60s")
    void employments(byte[] input) throws IOException {
        check(RegistryImport.Kind.EMPLOYMENTS, "employments.csv", input);
    }

    private static void check(RegistryImport.Kind kind, String name, byte[] input) throws IOException {
        Files.write(file, input);
        RegistryImport.kindOf(file, name);
        RegistryRows.Problems problems = new RegistryRows.Problems(MESSAGES, Locale.ENGLISH);
        // The other files' scholars, as an import knows them when it reaches this one.
        Set<String> fileScholars = new HashSet<>(Set.of("BOL-000001"));
        Set<String> known = Set.of("BOL-000002");
        Map<String, Integer> rows = new HashMap<>();
        RegistryRows.read(new RegistryImport.Input(kind, name, file), problems, new RegistryImportProgress(), 0,
                (cols, row) -> {
                    rows.merge("all", 1, Integer::sum);
                    Object read = switch (kind) {
                        case SCHOLARS -> RegistryRows.scholar(cols, row, problems, fileScholars);
                        case AWARDS -> RegistryRows.award(cols, row, problems, fileScholars, known, CODES);
                        case EMPLOYMENTS -> RegistryRows.job(cols, row, problems, fileScholars, known, CODES);
                    };
                    if (read != null) {
                        rows.merge("good", 1, Integer::sum);
                    }
                });
        for (RegistryImportReport.Problem p : problems.list) {
            FuzzFindings.expected(p.code(), p);
            assertThat(p.message()).as(p.code()).isNotBlank().isNotEqualTo(p.code());
        }
        assertThat(problems.count).isGreaterThanOrEqualTo(problems.list.size());
        assertThat(rows.getOrDefault("good", 0)).isLessThanOrEqualTo(rows.getOrDefault("all", 0));
    }

    static Region region(String kato, LocalDate from, LocalDate to) {
        return new Region(kato, "KZ-" + kato.substring(0, 2), "REGION", new Names(kato, kato, kato), from, to, null,
                null);
    }
}
