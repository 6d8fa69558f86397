package kz.agyn.note;

import java.math.BigDecimal;
import java.text.NumberFormat;
import java.util.Locale;

import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a figure the way a reader of each language expects: "31 287" in Kazakh and Russian, "31,287" in
 * English; tenge as "272 188 ₸"; ranges with an en dash; "up to"/"about" kept from the source's wording.
 */
@Component
public class FigureFormatter {

    private static final BigDecimal BILLION = new BigDecimal("1000000000");
    private static final BigDecimal TRILLION = new BigDecimal("1000000000000");

    private final MessageSource messages;

    public FigureFormatter(MessageSource messages) {
        this.messages = messages;
    }

    /** The value with its unit, e.g. "≈ 25 bn ₸ / year". */
    public String format(NoteFigure f, Locale locale) {
        String number = number(f.value(), f, locale);
        if (f.isRange()) {
            number = number + "–" + number(f.valueHigh(), f, locale);
        }
        StringBuilder sb = new StringBuilder();
        if (f.approx()) {
            sb.append("≈ ");
        }
        sb.append(number);
        String unit = unit(f, locale);
        if (!unit.isEmpty()) {
            sb.append(unit.startsWith("%") ? "" : "\u00A0").append(unit);
        }
        if (f.per() != null) {
            sb.append(" / ").append(messages.getMessage("per." + f.per(), null, f.per(), locale));
        }
        return sb.toString();
    }

    /** A plain number in the locale's style, with up to the given number of decimals. */
    public static String number(BigDecimal value, int maxDecimals, Locale locale) {
        NumberFormat nf = NumberFormat.getNumberInstance(locale);
        nf.setMaximumFractionDigits(maxDecimals);
        nf.setMinimumFractionDigits(0);
        return nf.format(value).replace('\u202F', '\u00A0');
    }

    private String number(BigDecimal v, NoteFigure f, Locale locale) {
        if ("MONEY".equals(f.unit()) && v.abs().compareTo(BILLION) >= 0) {
            boolean tn = v.abs().compareTo(TRILLION) >= 0;
            BigDecimal scaled = v.divide(tn ? TRILLION : BILLION);
            String word = messages.getMessage(tn ? "scale.tn" : "scale.bn", null, tn ? "tn" : "bn", locale);
            return number(scaled, 2, locale) + "\u00A0" + word;
        }
        return number(v, 2, locale);
    }

    private String unit(NoteFigure f, Locale locale) {
        return switch (f.unit()) {
            case "PERCENT" -> "%";
            case "PERCENT_GDP" -> messages.getMessage("unit.PERCENT_GDP", null, "% GDP", locale);
            case "MONEY" -> "KZT".equals(f.currency()) ? "₸" : f.currency();
            case "PERSONS", "YEARS", "COUNT" -> messages.getMessage("unit." + f.unit(), null, "", locale);
            default -> "";
        };
    }
}
