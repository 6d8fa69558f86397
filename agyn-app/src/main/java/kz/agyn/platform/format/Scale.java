package kz.agyn.platform.format;

import java.math.BigDecimal;

/** A large unit an amount can be written in ("183,5 млрд"), with the message key of its word in each language. */
public enum Scale {

    MILLION, BILLION, TRILLION;

    /** How many units one of this scale is. */
    public BigDecimal factor() {
        return BigDecimal.TEN.pow(switch (this) {
            case MILLION -> 6;
            case BILLION -> 9;
            case TRILLION -> 12;
        });
    }

    /** The key of the scale's word ("млрд", "bn") in the shared messages. */
    public String messageKey() {
        return "scale." + fallback();
    }

    /** The word when the messages lack one: the English abbreviation, never a blank. */
    public String fallback() {
        return switch (this) {
            case MILLION -> "mn";
            case BILLION -> "bn";
            case TRILLION -> "tn";
        };
    }
}
