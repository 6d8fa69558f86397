package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Expect.d;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/**
 * Two metrics re-derived by a second implementation written independently of this package: Python's
 * exact rational arithmetic ({@code fractions.Fraction}) for the Docquier–Marfouk rate and the PPP pay
 * ratio, and its floating-point power for the compound annual growth rate. The hand-computed tests
 * beside this one are the primary check and always run; this one is skipped where no Python exists.
 */
class IndependentImplementationTest {

    private static final Path PYTHON = Path.of("/usr/bin/python3");

    // Each line prints one value; the inputs are written out again here on purpose, not passed in,
    // so a slip in the Java inputs cannot be mirrored into the reference.
    private static final String SCRIPT = String.join("\n",
            "from fractions import Fraction as F",
            "def dm(e, n): return F(e) / (F(n) + F(e))",
            "def ppp(wf, pf, wd, pd): return (F(wf) / F(pf)) / (F(wd) / F(pd))",
            "print(float(dm(8000, 2400000)))",
            "print(float(dm(9137, 3812644)))",
            "print(float(ppp(60000, '1.0', 272188 * 12, 190)))",
            "print(float(ppp(3000 * 12, '0.75', 200000 * 12, '185.3')))",
            "print((31287 / 24500) ** (1 / 12) - 1)",
            "");

    @Test
    void agreesWithPython() throws IOException, InterruptedException {
        assumeTrue(Files.isExecutable(PYTHON), "no /usr/bin/python3 here; the hand-computed tests still ran");

        List<Double> reference = run();

        assertThat(reference).hasSize(5);
        assertThat(DocquierMarfouk.rate(8_000, 2_400_000).orElseThrow().doubleValue())
                .isCloseTo(reference.get(0), within(Expect.TOLERANCE));
        assertThat(DocquierMarfouk.rate(9_137, 3_812_644).orElseThrow().doubleValue())
                .isCloseTo(reference.get(1), within(Expect.TOLERANCE));
        assertThat(PayGap.pppRatio(Pay.annual(60_000), d("1.0"), Pay.monthly(272_188), d(190))
                .orElseThrow().doubleValue()).isCloseTo(reference.get(2), within(Expect.TOLERANCE));
        // A researcher: 3,000 EUR a month in Germany against 200,000 KZT in Kazakhstan (the note's figures),
        // with illustrative PPP factors 0.75 EUR and 185.3 KZT per international dollar.
        assertThat(PayGap.pppRatio(Pay.monthly(3_000), d("0.75"), Pay.monthly(200_000), d("185.3"))
                .orElseThrow().doubleValue()).isCloseTo(reference.get(3), within(Expect.TOLERANCE));
        assertThat(Growth.compoundAnnualRate(d(24_500), d(31_287), 12).orElseThrow().doubleValue())
                .isCloseTo(reference.get(4), within(Expect.TOLERANCE));
    }

    private static List<Double> run() throws IOException, InterruptedException {
        Process python = new ProcessBuilder(PYTHON.toString(), "-c", SCRIPT).redirectErrorStream(true).start();
        python.getOutputStream().close();
        boolean finished = python.waitFor(30, TimeUnit.SECONDS);
        if (!finished) {
            python.destroyForcibly();
        }
        assumeTrue(finished, "python did not answer within 30 s");
        String output = new String(python.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        assertThat(python.exitValue()).as(output).isZero();
        return output.lines().map(String::strip).filter(line -> !line.isEmpty()).map(Double::valueOf).toList();
    }
}
