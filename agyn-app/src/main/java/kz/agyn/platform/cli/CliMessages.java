package kz.agyn.platform.cli;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.MissingResourceException;
import java.util.ResourceBundle;

/**
 * Messages a command prints before the application (and so Spring's message source) has started, such as an
 * unreadable file named on the command line: read from the same {@code i18n/messages} bundles, in the command's
 * {@code --lang}. Without a fallback to the JVM's default locale, so that a Kazakh report on an English machine
 * stays Kazakh (the bundle without a suffix is Kazakh).
 */
public final class CliMessages {

    private static final ResourceBundle.Control NO_FALLBACK =
            ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES);

    private CliMessages() {
    }

    /** The message {@code key} in {@code locale}'s language, with {@code args} put in; the key if it is missing. */
    public static String get(Locale locale, String key, Object... args) {
        try {
            ResourceBundle bundle = ResourceBundle.getBundle("i18n.messages", locale, CliMessages.class.getClassLoader(),
                    NO_FALLBACK);
            return new MessageFormat(bundle.getString(key), locale).format(args);
        } catch (MissingResourceException e) {
            return key;
        }
    }
}
