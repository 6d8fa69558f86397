package kz.agyn.warehouse.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.HashSet;
import java.util.Properties;
import java.util.Set;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every metric, input and unit has its texts in all three languages, and the bundles hold nothing else. */
class MetricCatalogueTest {

    @ParameterizedTest
    @ValueSource(strings = {"i18n/metrics.properties", "i18n/metrics_ru.properties", "i18n/metrics_en.properties"})
    void bundleHasExactlyTheKeysTheCodeAsksFor(String bundle) throws IOException {
        Properties texts = load(bundle);

        assertThat(texts.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(expectedKeys());
        texts.stringPropertyNames().forEach(key -> assertThat(texts.getProperty(key)).as(key).isNotBlank());
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/metrics.properties", "i18n/metrics_ru.properties"})
    void kazakhAndRussianAreTranslatedNotCopied(String bundle) throws IOException {
        Properties texts = load(bundle);
        Properties english = load("i18n/metrics_en.properties");

        for (Metric metric : Metric.values()) {
            assertThat(texts.getProperty(metric.nameKey())).as(metric.nameKey())
                    .isNotEqualTo(english.getProperty(metric.nameKey()))
                    .containsPattern("\\p{IsCyrillic}");
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"i18n/metrics.properties", "i18n/metrics_ru.properties", "i18n/metrics_en.properties"})
    void everyFormulaTextRestatesTheFormula(String bundle) throws IOException {
        Properties texts = load(bundle);
        for (Metric metric : Metric.values()) {
            assertThat(texts.getProperty(metric.formulaKey())).as(metric.formulaKey())
                    .contains(metric.formula().expression().substring(metric.formula().expression().indexOf('=') + 1)
                            .strip());
        }
    }

    @ParameterizedTest
    @ValueSource(strings = {"GROWTH_RATE", "DOCQUIER_MARFOUK_RATE", "PAY_GAP_PPP", "RD_GAP_GDP_WEIGHTED"})
    void metricsCarryKeysFormulaInputsAndReference(String name) {
        Metric metric = Metric.valueOf(name);
        assertThat(metric.nameKey()).isEqualTo("metric." + name.toLowerCase(java.util.Locale.ROOT) + ".name");
        assertThat(metric.formulaKey()).isEqualTo("metric." + name.toLowerCase(java.util.Locale.ROOT) + ".formula");
        assertThat(metric.formula().expression()).contains("=");
        assertThat(metric.inputs()).isNotEmpty().doesNotHaveDuplicates();
        assertThat(metric.reference()).isNotBlank();
    }

    @Test
    void docquierMarfoukCitesTheSource() {
        assertThat(Metric.DOCQUIER_MARFOUK_RATE.reference())
                .contains("Docquier", "Marfouk", "2006", "International migration by educational attainment")
                .contains("Özden", "Schiff", "World Bank");
        assertThat(Metric.DOCQUIER_MARFOUK_RATE.formula().expression()).isEqualTo("m = E_h / (N_h + E_h)");
        assertThat(Metric.PAY_GAP_PPP.reference()).contains("PA.NUS.PPP");
        assertThat(Arrays.stream(Metric.values()).map(Metric::inputs).flatMap(java.util.List::stream)
                .collect(Collectors.toSet())).containsExactlyInAnyOrder(Input.values());
    }

    private static Set<String> expectedKeys() {
        Set<String> keys = new HashSet<>();
        for (Metric metric : Metric.values()) {
            keys.add(metric.nameKey());
            keys.add(metric.formulaKey());
        }
        for (Input input : Input.values()) {
            keys.add(input.labelKey());
        }
        for (Unit unit : Unit.values()) {
            keys.add(unit.labelKey());
        }
        return keys;
    }

    private static Properties load(String resource) throws IOException {
        Properties properties = new Properties();
        try (InputStream in = MetricCatalogueTest.class.getClassLoader().getResourceAsStream(resource)) {
            assertThat(in).as(resource).isNotNull();
            try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                properties.load(reader);
            }
        }
        return properties;
    }
}
