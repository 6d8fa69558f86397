package kz.agyn.note.check;

import java.util.List;
import java.util.Set;

/**
 * What a figure is about, as far as the text tells: a concept (emigrants, not returned, research funding...),
 * the measure (count, percent, percent of GDP, money in a currency), the country, qualifiers that narrow the
 * population (Bolashak, medical staff...) and the year. Two figures with the same {@link #key()} and compatible
 * periods claim the same thing. {@code words} are the nearby words, shown to the reader.
 */
public record Subject(Concept concept, String measure, String country, Set<String> qualifiers, String period,
                      List<String> words) {

    /** Concepts the check links figures by; NONE when the nearby words name none of them. */
    public enum Concept { NONE, EMIGRANTS, NOT_RETURNED, RETURNED, SCHOLARS, RESEARCH, PAY, COST, PUBLIC_SECTOR,
        PRIVATE_SECTOR }

    /** The subject without the year, or null when there is nothing to link by. */
    public String key() {
        if (concept == Concept.NONE || country == null) {
            return null;
        }
        return concept + "|" + measure + "|" + country + "|" + qualifiers.stream().sorted().toList();
    }

    public boolean periodCompatible(Subject other) {
        return period == null || other.period == null || period.equals(other.period);
    }
}
