package kz.agyn.scenario.engine;

/** How a run reports progress (agent-years simulated, summed over scenarios) and learns it is cancelled. */
public interface Progress {

    /** Called from the worker threads, so it must be thread-safe. */
    void advance(long agentYears);

    boolean cancelled();

    static Progress none() {
        return new Progress() {
            @Override
            public void advance(long agentYears) {
            }

            @Override
            public boolean cancelled() {
                return false;
            }
        };
    }
}
