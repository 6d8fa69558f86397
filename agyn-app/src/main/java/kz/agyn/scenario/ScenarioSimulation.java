package kz.agyn.scenario;

import java.util.List;

/**
 * The engine as the product calls it: build the population, calibrate, run the baseline and the scenarios with
 * common random numbers, and hand back every band. One implementation ({@link EngineSimulation}) adapts
 * {@code kz.agyn.scenario.engine}; the rest of the feature knows only this.
 */
public interface ScenarioSimulation {

    /** How the simulation reports and is stopped; the job's handle behind it. */
    interface Progress {
        /** A new phase ({@code jobs.phase.*} code) with its total of units, or null while unknown. */
        void phase(String phase, Long total);

        void advance(long units);

        boolean cancelled();
    }

    /**
     * What a run made.
     *
     * @param startYear the first simulated year
     * @param agents    agents in the population
     * @param bands     every band, the baseline at position 0
     * @param fit       the calibration's fit report
     * @param codes     for each dimension (by the engine's name), the labels of its values
     */
    record Output(int startYear, int agents, double personsPerAgent, List<ResultBand> bands, List<FitLine> fit,
                  java.util.Map<String, List<String>> codes) {
    }

    /**
     * Whether the results of a run this size fit in memory (the engine holds every draw's value until the bands are
     * taken); asked before a run starts, so that too large a run is refused with a message rather than failing.
     */
    boolean fits(int scenarios, int regions, RunSettings settings);

    /** Runs {@code scenarios} (index 0 the baseline, {@link ScenarioLevers#none()}); throws when cancelled. */
    Output run(ScenarioInputs.Prepared inputs, List<ScenarioLevers> scenarios, RunSettings settings,
               Progress progress);
}
