package kz.agyn.registry.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;

/** The cohort page speaks Kazakh, Russian and English alike: no key is missing or blank in any of them. */
class CohortMessagesTest {

    /** A message key; not the package kz.agyn.registry.cohorts, which a class's imports name. */
    private static final Pattern KEY = Pattern.compile("(?<![\\w.])registry\\.cohorts\\.[A-Za-z0-9_.]*[A-Za-z0-9]");

    private static Properties load(String name) throws IOException {
        Properties p = new Properties();
        try (InputStream in = CohortMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }

    private static Set<String> cohortKeys(Properties p) {
        Set<String> keys = new TreeSet<>();
        p.stringPropertyNames().stream().filter(k -> k.startsWith("registry.cohorts.")).forEach(keys::add);
        return keys;
    }

    @Test
    void everyCohortPageKeyExistsInAllThreeLanguages() throws IOException {
        Properties kk = load("registry");
        Properties ru = load("registry_ru");
        Properties en = load("registry_en");
        Set<String> keys = cohortKeys(kk);
        assertThat(keys).hasSizeGreaterThan(40);
        assertThat(cohortKeys(ru)).isEqualTo(keys);
        assertThat(cohortKeys(en)).isEqualTo(keys);
        for (String k : keys) {
            for (Properties p : new Properties[] {kk, ru, en}) {
                assertThat(p.getProperty(k)).as(k).isNotBlank();
            }
        }
    }

    /** Keys the template and the web code use literally are defined (keys built at run time are checked above). */
    @Test
    void everyKeyThePageUsesIsDefined() throws IOException {
        Set<String> used = new TreeSet<>();
        try (InputStream in = getClass().getResourceAsStream("/templates/registry-cohorts.html")) {
            used.addAll(keys(new String(in.readAllBytes(), StandardCharsets.UTF_8)));
        }
        try (Stream<Path> files = Files.list(Path.of("src/main/java/kz/agyn/registry/cohorts/web"))) {
            for (Path f : files.filter(f -> f.getFileName().toString().startsWith("Cohort")).toList()) {
                used.addAll(keys(Files.readString(f)));
            }
        }
        assertThat(used).contains("registry.cohorts.title", "registry.cohorts.error.breakdown");
        Set<String> defined = cohortKeys(load("registry"));
        // "registry.cohorts.field." and ".sex." are prefixes completed at run time.
        used.removeIf(k -> k.equals("registry.cohorts.field") || k.equals("registry.cohorts.sex"));
        assertThat(defined).containsAll(used);
    }

    private static Set<String> keys(String text) {
        Set<String> out = new TreeSet<>();
        Matcher m = KEY.matcher(text);
        while (m.find()) {
            out.add(m.group());
        }
        return out;
    }
}
