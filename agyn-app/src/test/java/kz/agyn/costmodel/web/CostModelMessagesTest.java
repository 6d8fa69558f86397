package kz.agyn.costmodel.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Properties;

import kz.agyn.AgynTest;
import kz.agyn.costmodel.CostModelException;
import kz.agyn.costmodel.Distribution;
import kz.agyn.costmodel.EducationLevel;
import kz.agyn.costmodel.ParameterSet;
import kz.agyn.costmodel.Scenario;
import kz.agyn.costmodel.Unit;
import kz.agyn.costmodel.View;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.context.MessageSource;

/**
 * Every name and message of the cost model exists in Kazakh, Russian and English and formats. The files are read
 * directly as well as through the MessageSource, because the MessageSource falls back to the Kazakh file and
 * would hide a key missing from the Russian or English one.
 */
class CostModelMessagesTest extends AgynTest {

    static final List<String> LANGUAGES = List.of("kk", "ru", "en");
    static final Map<String, String> FILES = Map.of("kk", "/i18n/costmodel.properties",
            "ru", "/i18n/costmodel_ru.properties", "en", "/i18n/costmodel_en.properties");
    static final Map<String, Properties> BUNDLES = new java.util.HashMap<>();

    @Autowired
    MessageSource messages;

    @BeforeAll
    static void load() throws Exception {
        for (String lang : LANGUAGES) {
            Properties p = new Properties();
            try (Reader r = new InputStreamReader(CostModelMessagesTest.class.getResourceAsStream(FILES.get(lang)),
                    StandardCharsets.UTF_8)) {
                p.load(r);
            }
            BUNDLES.put(lang, p);
        }
    }

    /** Every key the code builds at run time, from the model's own lists so that a new code needs its names. */
    static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        ParameterSet.defaults().codes().forEach(c -> keys.add(CostModelRunner.PARAMETER_KEY + c));
        for (CostModelException.Problem p : CostModelException.Problem.values()) {
            keys.add(p.key());
        }
        for (Unit u : Unit.values()) {
            keys.add("costmodel.unit." + u.name());
        }
        for (Distribution d : Distribution.values()) {
            keys.add("costmodel.distribution." + d.name());
        }
        for (EducationLevel l : EducationLevel.values()) {
            keys.add("costmodel.level." + l.key());
        }
        CostModelPresenter.GROUPS.forEach(g -> keys.add("costmodel.group." + g));
        for (View v : View.values()) {
            keys.add("costmodel.view." + v.name());
            keys.add("costmodel.view." + v.name() + ".explanation");
        }
        for (Scenario s : Scenario.values()) {
            keys.add("costmodel.scenario." + s.code());
            keys.add("costmodel.scenario." + s.code() + ".description");
        }
        for (String part : List.of("education", "taxes", "output", "replacement", "remittances", "pension",
                "netPay")) {
            keys.add("costmodel.part." + part);
        }
        keys.addAll(List.of("costmodel.reading.title", "costmodel.reading.explanation", "costmodel.reading.synthetic",
                "costmodel.error.override.scenario", "costmodel.atCentralValues", "costmodel.bounds"));
        for (String pos : List.of("BELOW", "WITHIN", "ABOVE")) {
            keys.add("costmodel.claim.position." + pos);
        }
        keys.addAll(List.of("nav.costModel", "costmodel.error.override.unknown", "costmodel.error.override.notANumber",
                "costmodel.error.override.outsideRange", "costmodel.error.override.outOfUnitRange",
                "costmodel.error.override.negative", "costmodel.error.override.draws", "costmodel.claim.summary",
                "costmodel.claim.implied", "costmodel.method", "costmodel.tornado.axis",
                "costmodel.warehouseInputs"));
        return keys;
    }

    @Test
    void theThreeFilesHaveTheSameKeysAndNoBlankValue() {
        for (String lang : LANGUAGES) {
            assertThat(BUNDLES.get(lang).stringPropertyNames()).as(lang)
                    .isEqualTo(BUNDLES.get("kk").stringPropertyNames());
            BUNDLES.get(lang).forEach((k, v) -> assertThat(v.toString()).as(lang + " " + k).isNotBlank());
        }
        for (String key : requiredKeys()) {
            for (String lang : LANGUAGES) {
                assertThat(BUNDLES.get(lang).getProperty(key)).as(lang + " " + key).isNotBlank();
            }
        }
    }

    @Test
    void everyParameterHasItsOwnNameInEachLanguage() {
        for (String code : ParameterSet.defaults().codes()) {
            String key = CostModelRunner.PARAMETER_KEY + code;
            String kk = messages.getMessage(key, null, Locale.forLanguageTag("kk"));
            String ru = messages.getMessage(key, null, Locale.forLanguageTag("ru"));
            String en = messages.getMessage(key, null, Locale.forLanguageTag("en"));
            assertThat(List.of(kk, ru, en)).as(code).doesNotContain(code).doesNotHaveDuplicates();
            assertThat(ru).as(code).containsPattern("[а-яА-Я]");
            assertThat(kk).as(code).containsPattern("[а-яА-ЯәғқңөұүһіӘҒҚҢӨҰҮҺІ]");
            assertThat(en).as(code).matches("[\\x20-\\x7E’]+");
        }
    }

    @Test
    void everyMessageFormatsWithItsArguments() {
        Object[] args = {"a0", "a1", "a2", "a3", "a4", "a5"};
        for (String lang : LANGUAGES) {
            Locale locale = Locale.forLanguageTag(lang);
            for (String key : BUNDLES.get(lang).stringPropertyNames()) {
                String text = messages.getMessage(key, args, locale);
                assertThat(text).as(lang + " " + key).doesNotContainPattern("\\{\\d").isNotBlank();
                String raw = BUNDLES.get(lang).getProperty(key);
                if (raw.contains("{")) {
                    assertThat(raw).as(lang + " " + key + ": an apostrophe would swallow arguments")
                            .doesNotContain("'");
                }
            }
        }
    }
}
