package kz.agyn.kernel;

/** Sex as recorded in an IIN (digit 7); the only two values the identifier can encode. */
public enum Sex {
    MALE,
    FEMALE
}
