package kz.agyn.warehouse;

import java.time.OffsetDateTime;

/** A version of a dataset becoming current: by its import, or made current again by a person. */
public record CurrentChange(int version, OffsetDateTime at, String by, Reason reason) {

    public enum Reason { IMPORT, RESTORE }
}
