package kz.agyn.warehouse;

import java.util.UUID;

/** How far a running validation or write has come, for progress bars in the UI and the CLI. */
public record ImportProgress(UUID id, String phase, long bytesRead, long totalBytes, long rows, boolean done,
                             boolean cancelled) {

    /** Percent of the file read, 0–100, or -1 when unknown. */
    public int percent() {
        if (totalBytes <= 0 || bytesRead < 0) {
            return -1;
        }
        return (int) Math.min(100, bytesRead * 100 / totalBytes);
    }
}
