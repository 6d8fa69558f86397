package kz.agyn.registry.casework;

/** Where one monthly instalment stands on a day, payments applied to the earliest instalments first. */
public enum InstalmentStatus {
    PAID, PARTLY_PAID, DUE, OVERDUE, UPCOMING
}
