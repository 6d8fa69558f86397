package kz.agyn.registry.imports;

/**
 * Where a bulk import of the registry stands. Stored in {@code reg_import_run.status} and given by the API and the
 * page as its name, so the names are the column's CHECK list (V12) and the API's words. Every state but
 * {@link #RUNNING} and {@link #IMPORTED} means that nothing was written.
 */
public enum RegistryImportState {
    /** Not over yet. */
    RUNNING,
    /** Checked without a problem; nothing written (a check only). */
    VALID,
    /** Problems found; nothing written. */
    INVALID,
    /** Checked and written. */
    IMPORTED,
    /** Stopped on request before anything was committed. */
    CANCELLED,
    /** Stopped by an error of the system's own (not of the files). */
    FAILED,
    /** The application stopped (a crash, a kill) while it ran. Known at the next start. */
    INTERRUPTED;

    /** Over without a report of the files: stopped, by a request or an error, before the files were judged. */
    public boolean stopped() {
        return this == CANCELLED || this == FAILED;
    }
}
