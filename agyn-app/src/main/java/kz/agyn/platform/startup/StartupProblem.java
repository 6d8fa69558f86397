package kz.agyn.platform.startup;

/**
 * A mistake in how Agyn was started (a setting, a key, a port, a directory, a database address) that the person
 * starting it can fix. It is reported as two short paragraphs, what is wrong and what to do, and the program
 * exits non-zero: never a stack trace, since the trace says nothing to an operator that the two lines do not.
 */
public class StartupProblem extends RuntimeException {

    private final String action;

    /**
     * @param problem what is wrong, naming the setting, file or address concerned
     * @param action how to fix it, naming the setting or command to use
     */
    public StartupProblem(String problem, String action) {
        this(problem, action, null);
    }

    public StartupProblem(String problem, String action, Throwable cause) {
        super(problem, cause);
        this.action = action;
    }

    public String action() {
        return action;
    }

    /** The first {@link StartupProblem} in a chain of causes, or null. */
    public static StartupProblem in(Throwable failure) {
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof StartupProblem p) {
                return p;
            }
        }
        return null;
    }
}
