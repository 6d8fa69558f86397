package kz.agyn.platform;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * Each feature keeps its messages in its own bundle, and Spring reads the bundles in the order
 * {@code spring.messages.basename} lists them: a key defined in two bundles would show whichever comes first,
 * silently. So no key may be defined twice, in any language.
 */
class MessageBundlesTest {

    @ParameterizedTest
    @ValueSource(strings = {"", "_ru", "_en"})
    void noKeyIsDefinedInTwoBundles(String suffix) throws IOException {
        Map<String, String> owner = new HashMap<>();
        List<String> twice = new ArrayList<>();
        for (String base : basenames()) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/" + base + suffix + ".properties")) {
                assertThat(in).as(base + suffix).isNotNull();
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (String key : p.stringPropertyNames()) {
                String before = owner.putIfAbsent(key, base);
                if (before != null) {
                    twice.add(key + " in " + before + " and " + base);
                }
            }
        }
        assertThat(twice).isEmpty();
    }

    static List<String> basenames() throws IOException {
        String yml = Files.readString(Path.of("src/main/resources/application.yml"));
        Matcher m = Pattern.compile("basename:\\s*(\\S+)").matcher(yml);
        assertThat(m.find()).isTrue();
        return List.of(m.group(1).split(","));
    }
}
