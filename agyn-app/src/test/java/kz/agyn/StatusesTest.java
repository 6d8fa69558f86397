package kz.agyn;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/**
 * Statuses are enums, compared by identity (issue 14: they were strings, {@code "IMPORTED".equals(...)} in about 27
 * places, where a typo compiled and a renamed status was missed). The compiler cannot tell a status name in a
 * string from any other text, so the source is read: no status name is compared as a string in Java, and no
 * template compares a status with {@code ==} to a quoted name (an enum never equals a string there, so the test
 * would silently be false; templates compare {@code status.name()}).
 */
class StatusesTest {

    private static final String NAMES = "VALIDATING|VALID|INVALID|ACCEPTING|ACCEPTED|IMPORTED|CANCELLED|FAILED"
            + "|INTERRUPTED|RUNNING|DONE|SUCCEEDED";
    /** {@code "VALID".equals(x)}, {@code x.equals("VALID")}, {@code case "VALID"}. */
    private static final Pattern IN_JAVA = Pattern.compile("\"(" + NAMES + ")\"\\s*\\.equals\\("
            + "|\\.equals\\(\\s*\"(" + NAMES + ")\"\\s*\\)|case\\s+\"(" + NAMES + ")\"");
    /** {@code status == 'VALID'}, {@code status != 'VALID'}: true or false whatever the status. */
    private static final Pattern IN_TEMPLATES = Pattern.compile("\\.status\\s*[!=]=\\s*'(" + NAMES + ")'");

    @Test
    void noStatusIsComparedAsAString() throws IOException {
        assertThat(offending(Path.of("src/main/java"), ".java", IN_JAVA)).isEmpty();
    }

    @Test
    void templatesCompareStatusesByName() throws IOException {
        assertThat(offending(Path.of("src/main/resources/templates"), ".html", IN_TEMPLATES)).isEmpty();
    }

    private static List<String> offending(Path root, String suffix, Pattern pattern) throws IOException {
        assertThat(root).isDirectory();
        List<String> found = new ArrayList<>();
        try (Stream<Path> files = Files.walk(root)) {
            for (Path file : files.filter(f -> f.toString().endsWith(suffix)).toList()) {
                List<String> lines = Files.readAllLines(file);
                for (int i = 0; i < lines.size(); i++) {
                    if (pattern.matcher(lines.get(i)).find()) {
                        found.add(root.relativize(file) + ":" + (i + 1) + ": " + lines.get(i).trim());
                    }
                }
            }
        }
        return found;
    }
}
