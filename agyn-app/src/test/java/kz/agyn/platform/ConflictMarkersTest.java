package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.MalformedInputException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * No file of the project carries a merge's conflict markers. Three message bundles once did: a properties file
 * reads a marker line as one more key, so nothing failed, and the markers were only found by reading the files.
 */
class ConflictMarkersTest {

    private static final Pattern MARKER = Pattern.compile("^(<{7}|>{7})( .*)?$|^={7}$");

    @Test
    void noFileHasConflictMarkers() throws IOException {
        List<String> found = new ArrayList<>();
        // Surefire runs in the module's folder (agyn-app); the files to check are the whole repository's.
        Path repository = Path.of("..");
        for (String root : List.of("agyn-app/src", "agyn-residency-engine/src", "agyn-spark/src", "docs", "bench",
                ".ci")) {
            Path dir = repository.resolve(root);
            if (!Files.isDirectory(dir)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(dir)) {
                for (Path f : files.filter(Files::isRegularFile).toList()) {
                    List<String> lines;
                    try {
                        lines = Files.readAllLines(f, StandardCharsets.UTF_8);
                    } catch (MalformedInputException binary) {
                        continue;
                    }
                    for (int i = 0; i < lines.size(); i++) {
                        if (MARKER.matcher(lines.get(i)).matches()) {
                            found.add(f + ":" + (i + 1));
                        }
                    }
                }
            }
        }
        for (String top : List.of("README.md", "pom.xml", "agyn-app/pom.xml", "agyn-residency-engine/pom.xml",
                "agyn-spark/pom.xml")) {
            if (!Files.isRegularFile(repository.resolve(top))) {
                continue;
            }
            List<String> lines = Files.readAllLines(repository.resolve(top), StandardCharsets.UTF_8);
            for (int i = 0; i < lines.size(); i++) {
                if (MARKER.matcher(lines.get(i)).matches()) {
                    found.add(top + ":" + (i + 1));
                }
            }
        }
        assertThat(found).isEmpty();
    }
}
