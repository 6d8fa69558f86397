package kz.agyn.tabular;

import static org.assertj.core.api.Assertions.fail;

import ch.qos.logback.classic.Level;
import ch.qos.logback.classic.Logger;
import java.nio.file.Path;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import java.util.stream.Stream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.slf4j.LoggerFactory;

/**
 * For any bytes a reader returns rows or throws {@link TabularException} — never another exception, never a hang.
 * Seeded, so a failure names the seed that reproduces it.
 */
@Timeout(value = 20, unit = TimeUnit.SECONDS)
class RobustnessTest {

    static final int CASES = 300;

    @TempDir
    static Path dir;

    enum Reader { CSV, XLSX, SDMX_CSV, SDMX_ML, SNIFFED }

    private static Level poiLevel;

    /** POI logs every damaged part it meets with a stack trace; thousands of them would bury the test report. */
    @BeforeAll
    static void quietPoi() {
        Logger poi = (Logger) LoggerFactory.getLogger("org.apache.poi");
        poiLevel = poi.getLevel();
        poi.setLevel(Level.OFF);
    }

    @AfterAll
    static void restorePoi() {
        ((Logger) LoggerFactory.getLogger("org.apache.poi")).setLevel(poiLevel);
    }

    static Stream<Arguments> cases() {
        return Stream.of(Reader.values()).flatMap(reader -> IntStream.range(0, CASES).boxed()
                .flatMap(seed -> Stream.of(Arguments.of(reader, "random", seed), Arguments.of(reader, "mutated",
                        seed))));
    }

    @ParameterizedTest(name = "{0} {1} seed {2}")
    @MethodSource("cases")
    void onlyTabularExceptions(Reader reader, String kind, int seed) {
        byte[] input = kind.equals("random") ? Inputs.random(seed) : Inputs.mutate(valid(reader, seed), seed);
        try {
            switch (reader) {
                case CSV -> Inputs.readCsv(input);
                case XLSX -> {
                    try {
                        Inputs.readXlsx(input);
                    } finally {
                        try {
                            Inputs.readXlsxOtherWays(input);
                        } catch (TabularException expected) {
                            // The promise holds for these entry points too.
                        }
                    }
                }
                case SDMX_CSV -> Inputs.readSdmxCsv(input);
                case SDMX_ML -> Inputs.readSdmxMl(input);
                case SNIFFED -> Inputs.readSniffed(input, dir);
            }
        } catch (TabularException expected) {
            // The one way to fail.
        } catch (Throwable t) {
            fail(reader + " " + kind + " seed " + seed + " threw " + t, t);
        }
    }

    private static byte[] valid(Reader reader, int seed) {
        byte[][] valid = switch (reader) {
            case CSV -> Inputs.validCsv();
            case XLSX -> Inputs.validXlsx();
            case SDMX_CSV -> Inputs.validSdmxCsv();
            case SDMX_ML -> Inputs.validSdmxMl();
            case SNIFFED -> Stream.of(Inputs.validCsv(), Inputs.validXlsx(), Inputs.validSdmxCsv(),
                    Inputs.validSdmxMl()).flatMap(Stream::of).toArray(byte[][]::new);
        };
        return valid[seed % valid.length];
    }
}
