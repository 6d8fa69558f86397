package kz.agyn.scenario;

import java.util.ArrayList;
import java.util.List;

/**
 * What a run is asked for besides its scenarios: years simulated (1–20), draws (1–100,000: each draw a set of
 * coefficients and its own random numbers), the seed (the same seed gives the same numbers whatever the number of
 * threads) and the scale, the persons one agent stands for (1 = every one of the about 2.5 million specialists).
 */
public record RunSettings(int horizon, int draws, long seed, int scale) {

    public static final int MAX_HORIZON = 20;
    public static final int MAX_DRAWS = 100_000;
    public static final int MAX_SCALE = 100_000;
    /** The page's defaults: ten years, 200 draws, one agent for 100 persons. */
    public static final RunSettings DEFAULTS = new RunSettings(10, 200, 1, 100);

    /** Every problem, by the field of the form and of the API's body; empty when the run can start. */
    public static List<LeverProblem> problems(Integer horizon, Integer draws, Integer scale) {
        List<LeverProblem> out = new ArrayList<>();
        if (horizon == null || horizon < 1 || horizon > MAX_HORIZON) {
            out.add(new LeverProblem("horizon", "scenario.invalid.horizon", 1, MAX_HORIZON));
        }
        if (draws == null || draws < 1 || draws > MAX_DRAWS) {
            out.add(new LeverProblem("draws", "scenario.invalid.draws", 1, MAX_DRAWS));
        }
        if (scale == null || scale < 1 || scale > MAX_SCALE) {
            out.add(new LeverProblem("scale", "scenario.invalid.scale", 1, MAX_SCALE));
        }
        return out;
    }

    /** The settings, or every problem at once. */
    public static RunSettings of(Integer horizon, Integer draws, Long seed, Integer scale) {
        List<LeverProblem> p = problems(horizon, draws, scale);
        if (!p.isEmpty()) {
            throw new ScenarioException(p);
        }
        return new RunSettings(horizon, draws, seed == null ? DEFAULTS.seed() : seed, scale);
    }
}
