package kz.agyn.forecast.engine;

import java.util.Locale;
import java.util.Optional;

/** Whether TRAMO models the series in logs: tested (AUTO), forced (LOG) or not (LEVEL). */
public enum Transform {
    AUTO, LOG, LEVEL;

    public static Optional<Transform> parse(String s) {
        if (s == null || s.isBlank()) {
            return Optional.of(AUTO);
        }
        try {
            return Optional.of(valueOf(s.trim().toUpperCase(Locale.ROOT)));
        } catch (IllegalArgumentException e) {
            return Optional.empty();
        }
    }
}
