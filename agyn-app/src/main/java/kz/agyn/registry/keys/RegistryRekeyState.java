package kz.agyn.registry.keys;

/**
 * Where a re-key job stands (not to be confused with {@link RegistryKeyState}, the keys themselves). Given by the
 * API and the page as its name; read from the job's record (its {@code JobState}), where the re-key keeps its state.
 */
public enum RegistryRekeyState {
    /** Not over yet. */
    RUNNING,
    /** Every row it found under another key was looked at. */
    DONE,
    /** Stopped between two batches: the batches before were committed, the rest are still under their old key. */
    CANCELLED,
    /** Stopped by an error; the batch under way was rolled back, the ones before stay. */
    FAILED
}
