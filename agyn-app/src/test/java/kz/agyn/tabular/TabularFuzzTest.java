package kz.agyn.tabular;

import com.code_intelligence.jazzer.junit.FuzzTest;
import java.io.IOException;
import org.junit.jupiter.api.BeforeAll;

/**
 * Coverage-guided fuzzing of each reader. A plain test run replays the seeds in
 * {@code src/test/resources/kz/agyn/tabular/TabularFuzzTestInputs/<method>/}, with the inputs that once made a
 * reader fail; with {@code JAZZER_FUZZ=1} (bench/fuzz.sh) Jazzer mutates them and reports any input that makes a
 * reader throw something other than {@link TabularException}, or a {@link TabularException} that stands for a
 * failure rather than a refusal ({@link FuzzFindings}).
 */
class TabularFuzzTest {

    @BeforeAll
    static void instrumentOnlyTheReaders() {
        FuzzFindings.instrumentOnlyTheReaders();
    }

    @FuzzTest(maxDuration = "60s")
    void csv(byte[] input) throws IOException {
        try {
            Inputs.readCsv(input);
        } catch (TabularException e) {
            // The one way to fail, unless it stands for a failure of the reader.
            FuzzFindings.expected(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void xlsx(byte[] input) throws IOException {
        try {
            Inputs.readXlsx(input);
        } catch (TabularException e) {
            // The one way to fail, unless it stands for a failure of the reader.
            FuzzFindings.expected(e);
        }
        try {
            Inputs.readXlsxOtherWays(input);
        } catch (TabularException e) {
            // The one way to fail, unless it stands for a failure of the reader.
            FuzzFindings.expected(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void sdmxCsv(byte[] input) throws IOException {
        try {
            Inputs.readSdmxCsv(input);
        } catch (TabularException e) {
            // The one way to fail, unless it stands for a failure of the reader.
            FuzzFindings.expected(e);
        }
    }

    @FuzzTest(maxDuration = "60s")
    void sdmxMl(byte[] input) throws IOException {
        try {
            Inputs.readSdmxMl(input);
        } catch (TabularException e) {
            // The one way to fail, unless it stands for a failure of the reader.
            FuzzFindings.expected(e);
        }
    }
}
