package kz.agyn.warehouse;

import java.math.BigDecimal;
import java.util.Set;

/**
 * Small-cell suppression for published aggregates: a count of 1 to 4 persons could point at individuals, so
 * roles that see only published figures get "<5" instead of the number.
 */
public final class Disclosure {

    public static final BigDecimal THRESHOLD = BigDecimal.valueOf(5);
    private static final Set<String> FULL_ACCESS = Set.of("ADMIN", "ANALYST", "REGISTRY_OFFICER");

    private Disclosure() {
    }

    /** Whether these roles see counts below the threshold. */
    public static boolean seesSmallCells(Set<String> roles) {
        return roles.stream().anyMatch(FULL_ACCESS::contains);
    }

    /** Whether a value of an indicator with this unit must be hidden from a role that does not see small cells. */
    public static boolean suppressed(String unit, BigDecimal value) {
        return "PERSONS".equals(unit) && value != null && value.signum() > 0 && value.compareTo(THRESHOLD) < 0;
    }
}
