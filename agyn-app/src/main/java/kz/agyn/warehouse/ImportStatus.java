package kz.agyn.warehouse;

import java.util.EnumSet;
import java.util.Set;

/**
 * Where an import into the warehouse stands. Stored in {@code wh_import.status} and given by the API as its name,
 * so the names are the column's CHECK list (V12, V160) and the API's words: renaming one is a migration and a change of
 * the API.
 */
public enum ImportStatus {
    /** Being read and checked; nothing is written. */
    VALIDATING,
    /** Checked without a problem: it can be accepted. */
    VALID,
    /** Checked, with problems: fix the file or the mapping and check again. */
    INVALID,
    /** Being written as a new version of its dataset, in one transaction. */
    ACCEPTING,
    /** Written (or recognised as a version the dataset already holds). */
    ACCEPTED,
    /** The check was stopped on request. */
    CANCELLED,
    /** The check could not run (a fault of the system's, not of the file). */
    FAILED,
    /** The application stopped while it was checked or written; nothing of it was written. */
    INTERRUPTED,
    /**
     * Accepted, then withdrawn by an administrator (who, when and why are kept): its version is never current again
     * and its rows stay for the history (decision 0033).
     */
    WITHDRAWN;

    /** The statuses some process is working on: a record in one of them whose process died is INTERRUPTED. */
    public static final Set<ImportStatus> WORKED_ON = Set.copyOf(EnumSet.of(VALIDATING, ACCEPTING));

    /** Some process is checking or writing it. */
    public boolean workedOn() {
        return WORKED_ON.contains(this);
    }
}
