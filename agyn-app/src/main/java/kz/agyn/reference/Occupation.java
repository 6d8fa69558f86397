package kz.agyn.reference;

/** An ISCO-08 group: level 1 is a major group (one digit), level 2 a sub-major group (two digits). */
public record Occupation(String code, int level, String parentCode, Names names) {
}
