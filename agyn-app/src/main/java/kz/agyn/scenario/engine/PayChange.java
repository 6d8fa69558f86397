package kz.agyn.scenario.engine;

import java.util.Optional;
import java.util.OptionalInt;

/**
 * A pay change (0.30 = +30%) for a sector and/or ISCO major group (empty = all), from a calendar year on (a year
 * before the start year means from the start). Several changes that match an agent compound.
 */
public record PayChange(Optional<Sector> sector, OptionalInt iscoMajorGroup, double change, int fromYear) {

    public PayChange {
        if (!(change > -1) || Double.isInfinite(change)) {
            throw new IllegalArgumentException("a pay change must be above -100%, was " + change);
        }
        if (iscoMajorGroup.isPresent() && (iscoMajorGroup.getAsInt() < 0 || iscoMajorGroup.getAsInt() > 9)) {
            throw new IllegalArgumentException("ISCO major group must be 0..9, was " + iscoMajorGroup.getAsInt());
        }
    }

    boolean applies(int sectorIndex, int isco, int calendarYear) {
        return calendarYear >= fromYear && sector.map(s -> s.ordinal() == sectorIndex).orElse(true)
                && (iscoMajorGroup.isEmpty() || iscoMajorGroup.getAsInt() == isco);
    }
}
