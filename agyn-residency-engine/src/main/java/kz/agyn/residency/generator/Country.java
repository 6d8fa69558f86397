package kz.agyn.residency.generator;

import java.util.Objects;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.Truth;

/** A synthetic country: its register extracts and what really happened. Person numbers are shared. */
public record Country(Extracts extracts, Truth truth) {

    public Country {
        Objects.requireNonNull(extracts, "extracts");
        Objects.requireNonNull(truth, "truth");
    }
}
