package kz.agyn;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.opentest4j.TestAbortedException;

/**
 * R's {@code survey} package as a reference for tests: runs an R script kept in the repository and reads what it
 * wrote. Where Rscript or the package is missing the tests that need it are skipped with one clear line, as browser
 * tests are without a browser ({@link Browsers}); {@code AGYN_REQUIRE_R=1} (set by {@code .ci/run}, which installs
 * Debian's {@code r-cran-survey}) turns that into a failure, so CI never skips them silently.
 */
public final class RScripts {

    static final String HOW_TO_RUN = "install Debian's r-cran-survey (apt-get install r-cran-survey); .ci/run does "
            + "so and sets AGYN_REQUIRE_R=1 so that they cannot be skipped there";
    private static final Map<String, String> UNAVAILABLE = new java.util.concurrent.ConcurrentHashMap<>();

    private RScripts() {
    }

    /**
     * Runs {@code Rscript script out} and returns {@code out}.
     *
     * @throws TestAbortedException when R or its survey package is missing and not required
     */
    public static Path run(Path script, Path out) throws IOException, InterruptedException {
        return run(script, out, "survey");
    }

    /**
     * Runs {@code Rscript script out} with R's {@code rPackage} (e.g. "forecast", Debian's r-cran-forecast) and
     * returns {@code out}.
     *
     * @throws TestAbortedException when R or the package is missing and not required
     */
    public static Path run(Path script, Path out, String rPackage) throws IOException, InterruptedException {
        requirePackage(rPackage);
        Files.createDirectories(out);
        Process p = new ProcessBuilder("Rscript", script.toString(), out.toString()).redirectErrorStream(true).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (!p.waitFor(5, TimeUnit.MINUTES) || p.exitValue() != 0) {
            throw new IllegalStateException("Rscript " + script + " failed:\n" + output);
        }
        return out;
    }

    /** Lines "name<TAB>number<TAB>number…" as name → numbers ("NaN" and "NA" read as NaN). */
    public static Map<String, double[]> values(Path tsv) throws IOException {
        Map<String, double[]> values = new LinkedHashMap<>();
        for (String line : Files.readAllLines(tsv, StandardCharsets.UTF_8)) {
            String[] parts = line.split("\t");
            double[] v = new double[parts.length - 1];
            for (int i = 1; i < parts.length; i++) {
                v[i - 1] = parts[i].equals("NA") || parts[i].equals("NaN") ? Double.NaN : Double.parseDouble(parts[i]);
            }
            values.put(parts[0], v);
        }
        return values;
    }

    /** A CSV written by R's {@code write.csv(..., na = "")}: header, then rows; quotes removed, "" as null. */
    public static List<Map<String, String>> csv(Path file) throws IOException {
        List<String> lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        List<String> header = fields(lines.get(0));
        List<Map<String, String>> rows = new ArrayList<>();
        for (String line : lines.subList(1, lines.size())) {
            List<String> f = fields(line);
            Map<String, String> row = new LinkedHashMap<>();
            for (int i = 0; i < header.size(); i++) {
                row.put(header.get(i), f.get(i).isEmpty() ? null : f.get(i));
            }
            rows.add(row);
        }
        return rows;
    }

    private static List<String> fields(String line) {
        List<String> out = new ArrayList<>();
        for (String s : line.split(",", -1)) {
            out.add(s.length() >= 2 && s.startsWith("\"") && s.endsWith("\"") ? s.substring(1, s.length() - 1) : s);
        }
        return out;
    }

    private static synchronized void requirePackage(String rPackage) {
        String unavailable = UNAVAILABLE.computeIfAbsent(rPackage, pkg -> {
            String reason = "";
            try {
                Process p = new ProcessBuilder("Rscript", "-e", "suppressPackageStartupMessages(library(" + pkg + "))")
                        .redirectErrorStream(true).start();
                p.getInputStream().readAllBytes();
                if (!p.waitFor(2, TimeUnit.MINUTES) || p.exitValue() != 0) {
                    reason = "R's " + pkg + " package is not installed";
                }
            } catch (IOException | InterruptedException e) {
                reason = "Rscript could not be run (" + e.getMessage() + ")";
            }
            if (!reason.isEmpty() && !required()) {
                System.err.println("[R reference tests skipped] " + reason + ". To run them, " + howToRun(pkg) + ".");
            }
            return reason;
        });
        if (!unavailable.isEmpty()) {
            if (required()) {
                throw new IllegalStateException("AGYN_REQUIRE_R is set but " + unavailable + ": " + howToRun(rPackage)
                        + ".");
            }
            throw new TestAbortedException(unavailable + "; to run the R reference tests, " + howToRun(rPackage));
        }
    }

    private static String howToRun(String rPackage) {
        return HOW_TO_RUN.replace("r-cran-survey", "r-cran-" + rPackage);
    }

    static boolean required() {
        String v = System.getenv("AGYN_REQUIRE_R");
        return v != null && !v.isBlank() && !"0".equals(v) && !"false".equalsIgnoreCase(v);
    }
}
