package kz.agyn.survey;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;

import kz.agyn.survey.estimation.RakingProblem;
import org.junit.jupiter.api.Test;

/** Every survey message exists in Kazakh, Russian and English, and formats; the raking codes included. */
class SurveyMessagesTest {

    static Properties load(String name) throws Exception {
        Properties p = new Properties();
        try (var in = new InputStreamReader(SurveyMessagesTest.class.getResourceAsStream("/i18n/" + name),
                StandardCharsets.UTF_8)) {
            p.load(in);
        }
        return p;
    }

    @Test
    void everyKeyInEveryLanguage() throws Exception {
        Properties kk = load("survey.properties");
        Properties ru = load("survey_ru.properties");
        Properties en = load("survey_en.properties");
        assertThat(kk.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        assertThat(ru.stringPropertyNames()).isEqualTo(en.stringPropertyNames());
        for (RakingProblem p : RakingProblem.values()) {
            assertThat(en).containsKey(p.code());
        }
        for (Properties bundle : new Properties[] {kk, ru, en}) {
            for (String key : bundle.stringPropertyNames()) {
                String text = bundle.getProperty(key);
                if (text.contains("{")) {
                    // Numbers fill text and number placeholders alike: formatting must not throw.
                    new MessageFormat(text, Locale.ENGLISH).format(new Object[] {1, 2, 3, 4, 5.5});
                }
            }
        }
    }
}
