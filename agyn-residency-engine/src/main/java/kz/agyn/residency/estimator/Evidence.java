package kz.agyn.residency.estimator;

/** What decided an EMIGRATED status, strongest first; NONE for the other statuses. */
public enum Evidence {
    /** Official deregistration as an emigrant: the official count. */
    DEREGISTRATION,
    /** The UN rule: a recorded exit with no entry after it, more than 12 months before the period's end. */
    BORDER,
    /** The residency index fell below the lower threshold and stayed there. */
    SIGNS,
    NONE
}
