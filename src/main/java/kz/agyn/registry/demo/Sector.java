package kz.agyn.registry.demo;

/** The sector an employer belongs to, as the registry's issue lists them. */
public enum Sector {
    PUBLIC,
    /** State-owned companies and national holdings (e.g. under Samruk-Kazyna). */
    QUASI_PUBLIC,
    PRIVATE,
    /** Universities and research institutes: the note's "science" sector. */
    RESEARCH,
    NGO
}
