package kz.agyn.platform.problems;

import java.text.Format;
import java.text.MessageFormat;
import java.text.NumberFormat;
import java.util.List;
import java.util.Locale;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Puts stored problems into words in the reader's language, at the moment they are shown. A missing message
 * falls back to its code, never to an exception: a report stored by an older version still reads.
 */
@Component
public class ProblemMessages {

    private static final java.util.regex.Pattern MESSAGE_CODE =
            java.util.regex.Pattern.compile("[a-z][a-zA-Z0-9_]*(\\.[a-zA-Z0-9_]+){2,}");

    private final MessageSource messages;

    public ProblemMessages(MessageSource messages) {
        this.messages = messages;
    }

    public ShownProblem shown(Problem p, Locale locale) {
        return new ShownProblem(p.file(), p.sheet(), p.row(), p.columnLabel(), p.code(), message(p, locale));
    }

    public List<ShownProblem> shown(List<Problem> problems, Locale locale) {
        return problems.stream().map(p -> shown(p, locale)).toList();
    }

    /** The message alone, in {@code locale}. */
    public String message(Problem p, Locale locale) {
        String pattern = messages.getMessage(p.code(), null, "", locale);
        return messages.getMessage(p.code(), args(p.args(), pattern, locale), p.code(), locale);
    }

    /**
     * Arguments as stored, ready for the message. A number goes to the message as a number; text stays text,
     * unless the message formats that place as a number ({0,number}) and the text is one: reports stored before
     * arguments kept their type hold every argument as text, and a code must not become "1,001" there either.
     * Text that is a message code of its own (a field's name) is put into words.
     */
    Object[] args(List<Object> stored, String pattern, Locale locale) {
        Format[] formats;
        try {
            formats = new MessageFormat(pattern.replace("'", "''"), locale).getFormatsByArgumentIndex();
        } catch (IllegalArgumentException e) {
            formats = new Format[0];
        }
        Object[] out = new Object[stored.size()];
        for (int i = 0; i < out.length; i++) {
            Object a = stored.get(i);
            boolean numberPlace = i < formats.length && formats[i] instanceof NumberFormat;
            if (a instanceof String t && numberPlace && t.matches("-?\\d{1,18}")) {
                out[i] = Long.valueOf(t);
            } else if (a instanceof Number n && !numberPlace && !(a instanceof Long)) {
                out[i] = n.longValue();
            } else if (a instanceof String t && looksLikeMessageCode(t)) {
                out[i] = messages.getMessage(t, null, t, locale);
            } else {
                out[i] = a;
            }
        }
        return out;
    }

    /**
     * Message codes are three or more dotted words ("warehouse.column.sex"); a code found in no bundle is shown as
     * it is, so a value that only looks like one ("a.b.csv") is not harmed.
     */
    private static boolean looksLikeMessageCode(String t) {
        return MESSAGE_CODE.matcher(t).matches();
    }
}
