package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

/**
 * What re-binding the awards of one rule version to the version in force on their award date would do, as of a day.
 *
 * @param programme    the programme
 * @param fromVersion  the version the awards are bound to now
 * @param asOf         the day the obligations are compared on
 * @param bound        awards bound to {@code fromVersion}
 * @param moving       of them, awards whose version in force on the award date is another one
 * @param byTarget     moving awards by the version they would be bound to
 * @param stateChanges moving awards whose state would change
 * @param transitions  those changes counted by "OLD→NEW"
 * @param owedChanges  moving awards whose owed amount would change
 * @param lines        every moving award, by id
 */
public record RebindingPreview(String programme, int fromVersion, LocalDate asOf, int bound, int moving,
                               Map<Integer, Integer> byTarget, int stateChanges, Map<String, Integer> transitions,
                               int owedChanges, List<RebindingLine> lines) {
}
