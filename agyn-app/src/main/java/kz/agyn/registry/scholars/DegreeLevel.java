package kz.agyn.registry.scholars;

/** The level of study an award funds. */
public enum DegreeLevel {
    BACHELOR,
    MASTER,
    PHD,
    /** A research or professional internship of a few months to a year, for people already in work. */
    INTERNSHIP
}
