package kz.agyn.tabular;

import java.util.Set;

/**
 * What the fuzz targets count as a finding. A reader may refuse any input with its own {@link TabularException},
 * which is the expected answer to bad bytes; but the readers also turn unexpected failures into one (the last line
 * of the "nothing else escapes" promise), and a fuzz target must look through that, or it could never find a bug.
 * So a refusal is a finding when it stands for a failure rather than a judgement of the file:
 * <ul>
 *   <li>{@code tabular.internal}, the guard's code for "something escaped a reader";</li>
 *   <li>a {@link VirtualMachineError} (out of memory, stack overflow) anywhere in its causes;</li>
 *   <li>an unchecked exception raised in Agyn's own code, or by the JDK on its behalf (an index out of bounds,
 *       a null, a number that does not parse), rather than by a library judging a damaged file (POI's
 *       exceptions on a broken workbook are that library's way of saying "corrupt").</li>
 * </ul>
 */
public final class FuzzFindings {

    private static final Set<String> JDK = Set.of("java.", "javax.", "jdk.", "sun.", "com.sun.");

    private FuzzFindings() {
    }

    /** Returns quietly for an expected refusal; rethrows the failure behind any other. */
    public static void expected(TabularException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof VirtualMachineError error) {
                throw error;
            }
            if (t instanceof RuntimeException r && raisedByAgyn(r)) {
                throw r;
            }
        }
        if ("tabular.internal".equals(e.code())) {
            throw new AssertionError("a reader failed and the guard caught it: " + e.location(), e);
        }
    }

    /** A problem code in a report: {@code tabular.internal} there is a finding too. */
    public static void expected(String code, Object where) {
        if ("tabular.internal".equals(code)) {
            throw new AssertionError("a reader failed and the guard caught it: " + where);
        }
    }

    /** Whether the first frame outside the JDK is Agyn's: our code threw it, or called what threw it. */
    static boolean raisedByAgyn(Throwable t) {
        for (StackTraceElement f : t.getStackTrace()) {
            String c = f.getClassName();
            if (JDK.stream().anyMatch(c::startsWith)) {
                continue;
            }
            return c.startsWith("kz.agyn.");
        }
        return false;
    }

    /**
     * Which classes Jazzer rewrites. In a plain test run (regression mode) the agent stays in the JVM and by
     * default rewrites every class loaded later, with its sanitizers' hooks: that drops the parameter names Spring
     * binds by, breaking the application tests that run afterwards, and rewriting POI's thousands of classes took
     * most of a minute. Replaying the seeds needs neither, so only the readers' own package is hooked. bench/fuzz.sh
     * sets JAZZER_INSTRUMENT per target for its fuzzing runs, POI and Jackson included; a value set from outside
     * wins.
     */
    public static void instrumentOnlyTheReaders() {
        if (System.getProperty("jazzer.instrument") == null && System.getenv("JAZZER_INSTRUMENT") == null) {
            System.setProperty("jazzer.instrument", "kz.agyn.tabular.**");
        }
    }
}
