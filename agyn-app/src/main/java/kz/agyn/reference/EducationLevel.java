package kz.agyn.reference;

/** An ISCED 2011 level; levels 5 to 8 are tertiary, the "highly skilled" of brain-drain statistics. */
public record EducationLevel(String code, boolean tertiary, Names names) {
}
