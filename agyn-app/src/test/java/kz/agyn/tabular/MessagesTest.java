package kz.agyn.tabular;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.text.MessageFormat;
import java.util.Locale;
import java.util.Properties;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Every code the readers throw has a message in all three languages, and the messages format. */
class MessagesTest {

    static Set<String> codesInSource() throws IOException {
        Set<String> codes = new TreeSet<>();
        Pattern p = Pattern.compile("\"(tabular\\.[A-Za-z.]+)\"");
        try (Stream<Path> files = Files.list(Path.of("src/main/java/kz/agyn/tabular"))) {
            for (Path f : (Iterable<Path>) files::iterator) {
                Matcher m = p.matcher(Files.readString(f));
                while (m.find()) {
                    codes.add(m.group(1));
                }
            }
        }
        return codes;
    }

    static Properties bundle(String name) throws IOException {
        Properties props = new Properties();
        try (InputStream in = MessagesTest.class.getResourceAsStream("/i18n/" + name + ".properties")) {
            props.load(new InputStreamReader(in, StandardCharsets.UTF_8));
        }
        return props;
    }

    @ParameterizedTest
    @ValueSource(strings = {"tabular", "tabular_ru", "tabular_en"})
    void everyCodeHasAMessageThatFormats(String name) throws IOException {
        Set<String> codes = codesInSource();
        assertThat(codes).contains("tabular.csv.unclosedQuote", "tabular.empty", "tabular.binary");
        Properties props = bundle(name);
        assertThat(props.stringPropertyNames()).containsExactlyInAnyOrderElementsOf(codes);
        for (String code : codes) {
            String text = new MessageFormat(props.getProperty(code), Locale.ROOT)
                    .format(new Object[] {12L, 3, "x", "y"});
            assertThat(text).as(code).doesNotContain("{").isNotBlank();
        }
    }

    @Test
    void kazakhIsTheDefault() throws IOException {
        assertThat(bundle("tabular").getProperty("tabular.csv.unclosedQuote"))
                .isEqualTo("Тырнақша жабылмаған: {0,number,#}-жолда басталған мән файлдың соңына дейін жабылмады.");
        assertThat(new MessageFormat(bundle("tabular_ru").getProperty("tabular.csv.unclosedQuote"))
                .format(new Object[] {12L}))
                .isEqualTo("Кавычка не закрыта: значение, начатое в строке 12, не закрыто до конца файла.");
    }

    @Test
    void logMessagesCutLongArguments() {
        String cell = "Иванов Иван Иванович, ИИН 900101300123, Алматы, ул. Абая 1";
        TabularException e = new TabularException("tabular.sdmxcsv.noStructureColumn",
                new Location("f.csv", null, 1, 1), cell);
        assertThat(e.getMessage()).doesNotContain(cell).doesNotContain("Абая")
                .contains(cell.substring(0, 39) + "…");
        assertThat(e.args()).containsExactly(cell);
        assertThat(new TabularException("tabular.unknown", null, "a").getMessage()).isEqualTo("tabular.unknown[a]");
    }
}
