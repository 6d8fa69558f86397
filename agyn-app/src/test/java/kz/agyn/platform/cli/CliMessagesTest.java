package kz.agyn.platform.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Locale;

import org.junit.jupiter.api.Test;

/** The messages a command prints before Spring starts come in the command's language, never the JVM's. */
class CliMessagesTest {

    @Test
    void eachLanguageGetsItsOwnTextWhateverTheDefaultLocale() {
        Locale before = Locale.getDefault();
        try {
            Locale.setDefault(Locale.US);
            assertThat(CliMessages.get(Locale.forLanguageTag("kk"), "cli.fileUnreadable", "a.csv"))
                    .startsWith("a.csv файлын оқу мүмкін емес");
            assertThat(CliMessages.get(Locale.forLanguageTag("ru"), "cli.fileUnreadable", "a.csv"))
                    .startsWith("Не удаётся прочитать файл a.csv");
            assertThat(CliMessages.get(Locale.forLanguageTag("en"), "cli.fileUnreadable", "a.csv"))
                    .startsWith("Cannot read the file a.csv");
        } finally {
            Locale.setDefault(before);
        }
    }

    @Test
    void aMissingKeyIsShownAsItself() {
        assertThat(CliMessages.get(Locale.forLanguageTag("kk"), "cli.noSuchKey")).isEqualTo("cli.noSuchKey");
    }
}
