package kz.agyn.note;

import java.math.BigDecimal;
import java.util.Locale;

import kz.agyn.platform.format.Decimals;
import kz.agyn.platform.format.Numbers;
import kz.agyn.platform.format.Scale;
import kz.agyn.platform.format.Shortening;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Writes a figure the way a reader of each language expects: "31 287" in Kazakh and Russian, "31,287" in
 * English; tenge as "272 188 ₸"; ranges with an en dash; "up to"/"about" kept from the source's wording.
 */
@Component
public class FigureFormatter {

    private static final Decimals TWO = Decimals.upTo(2);
    /** Money from a billion up in billions or trillions; every figure with up to two decimals. */
    private static final Shortening MONEY = Shortening.none(TWO).and(Scale.BILLION, TWO).and(Scale.TRILLION, TWO);

    private final MessageSource messages;

    public FigureFormatter(MessageSource messages) {
        this.messages = messages;
    }

    /** The value with its unit, e.g. "≈ 25 bn ₸ / year". */
    public String format(NoteFigure f, Locale locale) {
        Numbers numbers = new Numbers(locale, messages);
        // Each end in its own scale: a source's "900 million to 1.2 billion" stays as it was written.
        String number = number(f.value(), f, numbers);
        if (f.isRange()) {
            number = number + Numbers.DASH + number(f.valueHigh(), f, numbers);
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

    /**
     * The number alone, a range with its dash, without "≈", unit or period: for running text whose own words
     * say "about", "tenge" and "a year" ("шамамен 150 млрд теңге").
     */
    public String number(NoteFigure f, Locale locale) {
        Numbers numbers = new Numbers(locale, messages);
        String number = number(f.value(), f, numbers);
        return f.isRange() ? number + Numbers.DASH + number(f.valueHigh(), f, numbers) : number;
    }

    private static String number(BigDecimal v, NoteFigure f, Numbers numbers) {
        return "MONEY".equals(f.unit()) ? numbers.shortened(v, MONEY) : numbers.number(v, TWO);
    }

    private String unit(NoteFigure f, Locale locale) {
        return switch (f.unit()) {
            case "PERCENT" -> "%";
            case "PERCENT_GDP" -> messages.getMessage("unit.PERCENT_GDP", null, "% GDP", locale);
            case "MONEY" -> Numbers.currencySign(f.currency());
            case "PERSONS", "YEARS", "COUNT" -> messages.getMessage("unit." + f.unit(), null, "", locale);
            default -> "";
        };
    }
}
