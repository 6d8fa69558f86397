package kz.agyn.registry.imports;

import static org.assertj.core.api.Assertions.assertThat;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;

import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.reference.Names;
import kz.agyn.reference.Region;
import kz.agyn.tabular.FuzzFindings;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.springframework.context.support.ResourceBundleMessageSource;

/**
 * The registry's bulk files fuzzed: scholars, awards and employments read and every row checked as an import does
 * (the parser of each kind of file through {@link RegistryFileReader}), without a database — the codes rows are checked against are a small fixed set.
 * Whatever the bytes, reading ends with rows and problems, each problem put into words; nothing is thrown, and
 * no reader failure ({@code tabular.internal}) shows in a report. The plain test run replays the seeds in
 * {@code RegistryFilesFuzzTestInputs/<kind>/}; bench/fuzz.sh fuzzes.
 */
class RegistryFilesFuzzTest {

    static final ReferenceCodes CODES = new ReferenceCodes(Set.of("BOLASHAK", "ORLEU"),
            Set.of("2", "25", "251", "2511", "23"), List.of(
                    region("750000000", LocalDate.of(1997, 1, 1), null),
                    region("710000000", LocalDate.of(1997, 1, 1), null),
                    region("330000000", LocalDate.of(2022, 6, 8), null),
                    region("190000000", LocalDate.of(1997, 1, 1), LocalDate.of(2022, 6, 7))),
            LocalDate.of(1997, 1, 1), Set.of("KZ", "GB", "US", "DE", "RU", "CN"));
    static final ResourceBundleMessageSource MESSAGES = new ResourceBundleMessageSource();

    static final Set<String> KNOWN = Set.of("BOL-000002");

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
        check(RegistryInput.Kind.SCHOLARS, new ScholarParser(scholarsRead()), "scholars.csv", input);
    }

    @FuzzTest(maxDuration = "60s")
    void awards(byte[] input) throws IOException {
        check(RegistryInput.Kind.AWARDS, new AwardParser(scholarsRead(), KNOWN, CODES), "awards.csv", input);
    }

    @FuzzTest(maxDuration = "60s")
    void employments(byte[] input) throws IOException {
        check(RegistryInput.Kind.EMPLOYMENTS, new JobParser(scholarsRead(), KNOWN, CODES), "employments.csv", input);
    }

    /** The other files' scholars, as an import knows them when it reaches this one. */
    private static Set<String> scholarsRead() {
        return new HashSet<>(Set.of("BOL-000001"));
    }

    private static <T> void check(RegistryInput.Kind kind, RowParser<T> parser, String name, byte[] input) throws IOException {
        Files.write(file, input);
        RegistryInput.kindOf(file, name);
        ProblemCollector problems = new ProblemCollector();
        AtomicInteger all = new AtomicInteger();
        AtomicInteger good = new AtomicInteger();
        RowParser<T> counted = new RowParser<>() {
            @Override
            public List<String> required() {
                return parser.required();
            }

            @Override
            public T parse(Cells cells) {
                all.incrementAndGet();
                return parser.parse(cells);
            }
        };
        RegistryFileReader.read(new RegistryInput(kind, name, file), counted, problems,
                new RegistryImportProgress(), 0, row -> good.incrementAndGet());
        List<Problem> listed = problems.listed();
        for (ShownProblem p : new ProblemMessages(MESSAGES).shown(listed, Locale.ENGLISH)) {
            FuzzFindings.expected(p.code(), p);
            assertThat(p.message()).as(p.code()).isNotBlank().isNotEqualTo(p.code());
        }
        assertThat(problems.count()).isGreaterThanOrEqualTo(listed.size());
        assertThat(good.get()).isLessThanOrEqualTo(all.get());
    }

    static Region region(String kato, LocalDate from, LocalDate to) {
        return new Region(kato, "KZ-" + kato.substring(0, 2), "REGION", new Names(kato, kato, kato), from, to, null,
                null);
    }
}
