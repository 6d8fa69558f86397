package kz.agyn.registry.obligation;

/** The sector of an employer, as the registry records it and the note's Table 3 splits returnees. */
public enum Sector {
    /** State bodies. */
    PUBLIC,
    /** State-owned companies and national holdings. */
    QUASI_PUBLIC,
    /** Private companies. */
    PRIVATE,
    /** Research institutes, universities and colleges. */
    RESEARCH_HE,
    /** Non-governmental, non-profit organisations. */
    NGO
}
