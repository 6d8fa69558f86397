package kz.agyn.platform.problems;

import java.util.ArrayList;
import java.util.List;
import kz.agyn.tabular.Location;

/**
 * The problems an import found: every one is counted, the first {@value #MAX_LISTED} are kept. One cap for every
 * reader, so that a user sees the same depth of report whichever file they load; past it the count says how many
 * more there are, and the cause of the first ones is usually the cause of all. Not thread-safe: one reader fills
 * it.
 */
public final class ProblemCollector {

    public static final int MAX_LISTED = 500;

    private final List<Problem> listed = new ArrayList<>();
    private final int cap;
    private long count;

    public ProblemCollector() {
        this(MAX_LISTED);
    }

    /** A smaller cap, for a form or a preview that shows only the first few. */
    public ProblemCollector(int cap) {
        this.cap = cap;
    }

    public void add(Problem problem) {
        count++;
        if (listed.size() < cap) {
            listed.add(problem);
        }
    }

    public void report(Location at, String columnName, String code, Object... args) {
        add(Problem.at(at, columnName, code, args));
    }

    /** Every problem found, listed or not. */
    public long count() {
        return count;
    }

    public boolean isEmpty() {
        return count == 0;
    }

    /** The problems kept, in the order found. */
    public List<Problem> listed() {
        return List.copyOf(listed);
    }
}
