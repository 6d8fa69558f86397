package kz.agyn.tabular;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of each reader. A plain test run replays the seeds in
 * {@code src/test/resources/kz/agyn/tabular/TabularFuzzTestInputs/<method>/}; with {@code JAZZER_FUZZ=1} Jazzer
 * mutates them and reports any input that makes a reader throw something other than {@link TabularException}.
 */
class TabularFuzzTest {

    /**
     * Jazzer's agent stays in the test JVM after these tests and by default rewrites every class loaded later,
     * which drops the parameter names Spring binds by and breaks the application tests that run afterwards.
     * Only the readers and the libraries they drive are worth instrumenting. A value set from outside wins.
     */
    @BeforeAll
    static void instrumentOnlyTheReaders() {
        if (System.getProperty("jazzer.instrument") == null && System.getenv("JAZZER_INSTRUMENT") == null) {
            System.setProperty("jazzer.instrument", "kz.agyn.tabular.**,org.apache.poi.**");
        }
    }

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] input) throws IOException {
        try {
            Inputs.readCsv(input);
        } catch (TabularException expected) {
            // The one way to fail.
        }
    }

    @FuzzTest(maxDuration = "60s")
    void xlsx(byte[] input) throws IOException {
        try {
            Inputs.readXlsx(input);
        } catch (TabularException expected) {
            // The one way to fail.
        }
        try {
            Inputs.readXlsxOtherWays(input);
        } catch (TabularException expected) {
            // The one way to fail.
        }
    }

    @FuzzTest(maxDuration = "60s")
    void sdmxCsv(byte[] input) throws IOException {
        try {
            Inputs.readSdmxCsv(input);
        } catch (TabularException expected) {
            // The one way to fail.
        }
    }

    @FuzzTest(maxDuration = "60s")
    void sdmxMl(byte[] input) throws IOException {
        try {
            Inputs.readSdmxMl(input);
        } catch (TabularException expected) {
            // The one way to fail.
        }
    }
}
