package kz.agyn.warehouse;

import java.time.OffsetDateTime;

/**
 * A version of a dataset becoming current: by its import, made current again by a person, or made in place of a
 * withdrawn import (decision 0033).
 */
public record CurrentChange(int version, OffsetDateTime at, String by, Reason reason) {

    public enum Reason { IMPORT, RESTORE, WITHDRAW }
}
