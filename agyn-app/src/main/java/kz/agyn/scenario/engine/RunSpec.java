package kz.agyn.scenario.engine;

/** What to run: horizon 1..20 years, draws 1..100_000, threads >= 1; the seed fixes every random number. */
public record RunSpec(int horizon, int draws, long seed, int threads) {

    public static final int MAX_HORIZON = 20;
    public static final int MAX_DRAWS = 100_000;

    public RunSpec {
        if (horizon < 1 || horizon > MAX_HORIZON) {
            throw new IllegalArgumentException("horizon must be 1.." + MAX_HORIZON + " years, was " + horizon);
        }
        if (draws < 1 || draws > MAX_DRAWS) {
            throw new IllegalArgumentException("draws must be 1.." + MAX_DRAWS + ", was " + draws);
        }
        if (threads < 1) {
            throw new IllegalArgumentException("threads must be at least 1, was " + threads);
        }
    }
}
