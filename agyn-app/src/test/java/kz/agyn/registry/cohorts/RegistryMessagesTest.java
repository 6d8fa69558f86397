package kz.agyn.registry.cohorts;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Properties;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import kz.agyn.registry.obligation.DecisionType;
import kz.agyn.registry.obligation.ObligationProblem;
import kz.agyn.registry.obligation.ObligationReason;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/**
 * The registry's messages ({@code i18n/registry*.properties}): every code the obligation engine and cohort
 * analytics hand to the web layer has a non-empty message in Kazakh (the default), Russian and English, and
 * every message formats.
 */
class RegistryMessagesTest {

    static Properties bundle(String name) throws IOException {
        Properties props = new Properties();
        try (InputStream in = RegistryMessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            assertThat(in).as(name).isNotNull();
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    /** The keys the code needs. */
    static List<String> requiredKeys() {
        List<String> keys = new ArrayList<>();
        Stream.of(ObligationState.values()).forEach(s -> keys.add("obligation.state." + s.name()));
        Stream.of(ObligationReason.values()).forEach(r -> keys.add("obligation.reason." + r.name()));
        Stream.of(ObligationProblem.values()).forEach(p -> keys.add(p.key()));
        Stream.of(DecisionType.values()).forEach(d -> keys.add("obligation.decision." + d.name()));
        Stream.of(Sector.values()).forEach(s -> keys.add("registry.sector." + s.name()));
        Stream.of(SectorGroup.values()).forEach(g -> keys.add("registry.sectorGroup." + g.name()));
        Stream.of(SectorBasis.values()).forEach(b -> keys.add("registry.sectorBasis." + b.name()));
        CohortRecord.DEGREES.forEach(d -> keys.add("registry.degree." + d));
        Stream.of(Breakdown.values()).forEach(b -> keys.add("registry.breakdown." + b.name()));
        Stream.of(Suppression.values()).forEach(s -> keys.add("cohort.suppression." + s.name()));
        keys.addAll(List.of("cohort.total", "cohort.group.unknown", "cohort.column.graduates",
                "cohort.column.abroad", "cohort.column.returnRate", "cohort.column.workingOff",
                "cohort.column.fulfilled", "cohort.column.debt", "cohort.column.fulfilmentRate",
                "cohort.column.sectors", "cohort.km.survival", "cohort.km.median", "cohort.table3.within",
                "cohort.table3.outside"));
        return keys;
    }

    @ParameterizedTest
    @ValueSource(strings = {"registry", "registry_ru", "registry_en"})
    void everyCodeHasANonEmptyMessageThatFormats(String name) throws IOException {
        Properties props = bundle(name);
        assertThat(props.stringPropertyNames()).containsAll(requiredKeys());
        for (String key : props.stringPropertyNames()) {
            String value = props.getProperty(key);
            assertThat(value).as(name + ": " + key).isNotBlank().isEqualTo(value.strip());
            // Spring formats a message with arguments by MessageFormat, where a lone apostrophe swallows text.
            assertThat(value).as(name + ": " + key).doesNotContain("'");
            String text = new MessageFormat(value, Locale.ROOT).format(new Object[] {"field", "value", "x", "y", "z"});
            assertThat(text).as(name + ": " + key).doesNotContain("{").doesNotContain("}");
        }
    }

    @Test
    void theThreeLanguagesHaveTheSameKeys() throws IOException {
        var kk = bundle("registry").stringPropertyNames();
        assertThat(bundle("registry_ru").stringPropertyNames()).isEqualTo(kk);
        assertThat(bundle("registry_en").stringPropertyNames()).isEqualTo(kk);
    }

    @Test
    void argumentsAreUsedAlikeInEveryLanguage() throws IOException {
        Properties kk = bundle("registry");
        for (String other : List.of("registry_ru", "registry_en")) {
            Properties props = bundle(other);
            for (String key : kk.stringPropertyNames()) {
                for (String arg : List.of("{0}", "{1}", "{2}")) {
                    assertThat(props.getProperty(key).contains(arg)).as(other + ": " + key + " " + arg)
                            .isEqualTo(kk.getProperty(key).contains(arg));
                }
            }
        }
    }

    @Test
    void kazakhIsTheDefaultAndIsKazakh() throws IOException {
        Properties kk = bundle("registry");
        String all = String.join(" ", kk.stringPropertyNames().stream().map(kk::getProperty).toList());
        // Proper Kazakh spelling, not Russian transliteration; һ is left out, as it occurs only in a few
        // loanwords (шаһар, гауһар) that registry messages have no call for.
        for (char letter : "әғқңөұүі".toCharArray()) {
            assertThat(all.indexOf(letter)).as("Kazakh letter " + letter).isNotNegative();
        }
        assertThat(kk.getProperty("obligation.state.FULFILLED")).isEqualTo("Міндеттеме орындалды");
        assertThat(kk.getProperty("obligation.state.WORKING_OFF")).isEqualTo("Міндеттемені өтеуде");
        // ResourceBundle falls back to the base file (Kazakh) for a locale with no file of its own.
        ResourceBundle fallback = ResourceBundle.getBundle("i18n/registry", Locale.forLanguageTag("kk"),
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        assertThat(fallback.getString("obligation.state.FULFILLED")).isEqualTo("Міндеттеме орындалды");
        ResourceBundle ru = ResourceBundle.getBundle("i18n/registry", Locale.forLanguageTag("ru"));
        assertThat(ru.getString("obligation.state.FULFILLED")).isEqualTo("Обязательство выполнено");
    }
}
