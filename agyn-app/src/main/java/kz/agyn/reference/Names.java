package kz.agyn.reference;

import java.util.Locale;

/** A name in the three languages of the interface. */
public record Names(String kk, String ru, String en) {

    /** The name in the given language, Kazakh when the language is not one of the three. */
    public String in(Locale locale) {
        return switch (locale.getLanguage()) {
            case "ru" -> ru;
            case "en" -> en;
            default -> kk;
        };
    }
}
