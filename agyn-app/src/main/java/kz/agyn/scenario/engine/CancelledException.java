package kz.agyn.scenario.engine;

/** A run stopped because its {@link Progress} said it was cancelled; it returns no results, not even partial. */
public final class CancelledException extends RuntimeException {

    private static final long serialVersionUID = 1L;

    public CancelledException() {
        super("simulation cancelled");
    }
}
