package kz.agyn.note.writer;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * What a note reads of the policy scenarios (kz.agyn.scenario provides it): the scenarios, their finished runs and
 * the runs' results for the whole country. Declared here and implemented there because the scenarios already
 * depend on the note's published figures (through the cost model): the note may not depend on them in turn.
 */
public interface ScenarioRuns {

    /** A scenario: its number, its shipped code (null for a user's own) and its name as stored. */
    record Named(long id, String shipped, String name) {
    }

    /**
     * A finished run: its scenarios in the order of the results' positions from 1 (0 is the baseline), the years it
     * simulated from {@code startYear}, its draws, seed and scale, and the warehouse datasets and versions its
     * inputs were read from.
     */
    record Run(UUID id, Instant finishedAt, int startYear, int horizon, int draws, long seed, int scale,
               List<Named> scenarios, List<String> data, boolean synthetic) {
        public Run {
            scenarios = List.copyOf(scenarios);
            data = List.copyOf(data);
        }
    }

    /** The mean over a run's draws of a measure, for the whole country, of a scenario (0: baseline) in a year. */
    record Value(int position, String measure, int yearOffset, double mean) {
    }

    List<Named> scenarios();

    /** A run whose results are written; empty when unknown, running, failed or cancelled. */
    Optional<Run> finished(UUID id);

    /** The newest finished run that compared every one of these scenarios (by number). */
    Optional<Run> latestFinished(Collection<Long> scenarioIds);

    List<Value> totals(UUID run);

    /** The measures a run reports (EMIGRANTS, BUDGET_COST_KZT …). */
    List<String> measures();
}
