package kz.agyn.registry.monitoring;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.Properties;

import org.junit.jupiter.api.Test;

/** The three languages of the monitoring messages have the same keys, none empty, and every task kind a name. */
class MonitoringMessagesTest {

    @Test
    void everyLanguageHasEveryKey() throws Exception {
        Properties kk = load("");
        Properties ru = load("_ru");
        Properties en = load("_en");
        assertThat(ru.stringPropertyNames()).isEqualTo(kk.stringPropertyNames());
        assertThat(en.stringPropertyNames()).isEqualTo(kk.stringPropertyNames());
        for (Properties p : new Properties[] {kk, ru, en}) {
            assertThat(p.values()).allSatisfy(v -> assertThat(v.toString()).isNotBlank());
            for (TaskKind k : TaskKind.values()) {
                assertThat(p).containsKey("monitoring.kind." + k.name());
            }
        }
        assertThat(kk.getProperty("monitoring.rule.unknownKey")).contains("кілті белгісіз");
    }

    static Properties load(String suffix) throws Exception {
        Properties p = new Properties();
        try (InputStream in = MonitoringMessagesTest.class.getResourceAsStream(
                "/i18n/monitoring" + suffix + ".properties")) {
            p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return p;
    }
}
