package kz.agyn.note;

import java.util.List;

import kz.agyn.reference.Names;

/** Figures that cannot all be true together, kept side by side with an explanation of the clash. */
public record Contradiction(String code, Names description, List<String> figureCodes) {
}
