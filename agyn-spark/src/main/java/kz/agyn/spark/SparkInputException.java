package kz.agyn.spark;

import java.text.MessageFormat;
import java.util.Locale;
import java.util.ResourceBundle;

/**
 * Input the job refuses before computing or writing anything: {@code code} is a key of {@code i18n/spark*.properties}
 * (kk default, ru, en) whose message takes {@code arguments}; it names the file and column, never a person's value.
 */
public final class SparkInputException extends RuntimeException {

    private final String code;
    private final transient Object[] arguments;

    public SparkInputException(String code, Object... arguments) {
        super(message(code, Locale.ENGLISH, arguments));
        this.code = code;
        this.arguments = arguments.clone();
    }

    public String code() {
        return code;
    }

    /** The message in the reader's language. */
    public String message(Locale locale) {
        return message(code, locale, arguments);
    }

    private static String message(String code, Locale locale, Object[] arguments) {
        ResourceBundle bundle = ResourceBundle.getBundle("i18n/spark", locale,
                ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
        return new MessageFormat(bundle.getString(code), locale).format(arguments);
    }
}
