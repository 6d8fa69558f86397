package kz.agyn.platform.cli;

import java.util.Locale;

import picocli.CommandLine.Option;

/** The options every import command takes, as a picocli mixin: the report's language and who imports. */
public class ImportOptions {

    @Option(names = "--lang", defaultValue = "kk", description = "language of the report: kk, ru, en")
    String lang;

    @Option(names = "--user", defaultValue = "cli", description = "recorded as who imported")
    String user;

    /** The language of the report. */
    public Locale locale() {
        return Locale.forLanguageTag(lang);
    }

    /** Who is recorded as having imported. */
    public String user() {
        return user;
    }
}
