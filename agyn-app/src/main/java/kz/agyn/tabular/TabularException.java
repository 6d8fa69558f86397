package kz.agyn.tabular;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.MessageFormat;
import java.util.Arrays;
import java.util.Locale;
import java.util.Objects;
import java.util.Properties;

/**
 * A problem with an uploaded file. {@link #code()} is a key in {@code i18n/tabular*.properties}; the caller
 * renders it in the user's language with {@link #args()} and shows {@link #location()} beside it.
 */
public final class TabularException extends Exception {

    private static final long serialVersionUID = 1L;

    /** Log lines must not carry the contents of uploaded files: they may hold personal data. */
    static final int MAX_ARG_IN_MESSAGE = 40;

    private final String code;
    private final Location location;
    private final Object[] args;

    public TabularException(String code, Location location, Object... args) {
        super(Objects.requireNonNull(code, "code"));
        this.code = code;
        this.location = location;
        this.args = args == null ? new Object[0] : args.clone();
    }

    /** The message key, e.g. {@code tabular.csv.unclosedQuote}. */
    public String code() {
        return code;
    }

    /** Where the problem is; may be null when the file itself could not be opened. */
    public Location location() {
        return location;
    }

    /** The message arguments for {@code {0}}, {@code {1}}, … */
    public Object[] args() {
        return args.clone();
    }

    /** The English rendering, for logs; text arguments are cut to 40 characters. */
    @Override
    public String getMessage() {
        Object[] shown = Arrays.stream(args).map(TabularException::shorten).toArray();
        String pattern = English.PATTERNS.getProperty(code);
        String text;
        if (pattern == null) {
            text = code + Arrays.toString(shown);
        } else {
            try {
                text = new MessageFormat(pattern, Locale.ENGLISH).format(shown);
            } catch (IllegalArgumentException e) {
                text = code + Arrays.toString(shown);
            }
        }
        return location == null ? text : location + ": " + text;
    }

    private static Object shorten(Object arg) {
        if (arg instanceof CharSequence s && s.length() > MAX_ARG_IN_MESSAGE) {
            return s.subSequence(0, MAX_ARG_IN_MESSAGE - 1) + "…";
        }
        return arg;
    }

    /** Loaded once, lazily: most exceptions are shown to users in their language and never rendered here. */
    private static final class English {
        static final Properties PATTERNS = load();

        private static Properties load() {
            Properties p = new Properties();
            try (InputStream in = TabularException.class.getResourceAsStream("/i18n/tabular_en.properties")) {
                if (in != null) {
                    try (Reader r = new InputStreamReader(in, StandardCharsets.UTF_8)) {
                        p.load(r);
                    }
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
            return p;
        }
    }
}
