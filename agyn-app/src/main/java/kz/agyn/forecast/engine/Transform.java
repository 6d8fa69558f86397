package kz.agyn.forecast.engine;

import java.util.Optional;

/** Whether TRAMO models the series in logs: tested (AUTO), forced (LOG) or not (LEVEL). */
public enum Transform {
    AUTO, LOG, LEVEL;

    /** A transformation as typed, in any case; blank is AUTO, an unknown name empty. */
    public static Optional<Transform> parse(String s) {
        return Method.parse(Transform.class, s, AUTO);
    }
}
