package kz.agyn.registry.cohorts;

/** Which job puts a returnee in a sector for the sector split. */
public enum SectorBasis {
    /**
     * The first counted job after return: fixed once known, so a cohort's split does not drift as people
     * change jobs; it measures where the programme placed its graduates. The default.
     */
    FIRST_JOB,
    /** The job held on the evaluation date: where returnees work now, as the note's "work in" reads. */
    CURRENT_JOB
}
