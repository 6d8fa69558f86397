package kz.agyn.demo.registry;

/**
 * The sector an employer belongs to, in the words of the import file format (docs/formats/registry.md), which the
 * generator writes. Kept apart from {@link kz.agyn.registry.obligation.Sector}, the stored vocabulary, on purpose:
 * the file says {@code RESEARCH} where the registry stores {@code RESEARCH_HE}, and the import is the one place
 * that translates, so the generator exercises that translation like any officer's file.
 */
public enum Sector {
    PUBLIC,
    /** State-owned companies and national holdings (e.g. under Samruk-Kazyna). */
    QUASI_PUBLIC,
    PRIVATE,
    /** Universities and research institutes: the note's "science" sector. */
    RESEARCH,
    NGO
}
