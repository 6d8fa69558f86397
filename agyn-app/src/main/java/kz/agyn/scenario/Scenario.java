package kz.agyn.scenario;

import java.time.Instant;

/**
 * A stored scenario. {@code shipped} is the code of one of the note's recommendations shipped with Agyn (its name
 * and description are then read in the reader's language from the bundles), null for a user's own.
 */
public record Scenario(long id, String shipped, String name, String description, ScenarioLevers levers,
                       String owner, Instant createdAt) {
}
