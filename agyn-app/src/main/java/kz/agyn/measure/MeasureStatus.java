package kz.agyn.measure;

/** Where a measure stands as a decision: in force, achieved and closed, paused, or withdrawn. */
public enum MeasureStatus {
    ADOPTED, COMPLETED, SUSPENDED, CANCELLED
}
