package kz.agyn.registry.scholars;

/**
 * A line of a search result or worklist. For an analyst {@code name} is null and the scholar is known by the
 * pseudonym.
 */
public record ScholarSummary(long id, String pseudonym, String name, int birthYear, String sex, String degree,
                             Integer callYear, String country, String state, Long daysLeft, boolean synthetic) {
}
