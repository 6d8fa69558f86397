package kz.agyn.residency.engine;

import java.util.Optional;

/**
 * The twelve administrative registers whose monthly activity is a sign of life in Kazakhstan. The order is fixed:
 * it is the column order of the columnar masks and of the calibrated weights.
 */
public enum Register {
    /** Individual income tax withheld or paid (State Revenue Committee). */
    TAX,
    /** Mandatory pension contributions (ENPF, the unified accumulative pension fund). */
    PENSION,
    /** Social insurance contributions (State Social Insurance Fund). */
    SOCIAL,
    /** Compulsory social health insurance contributions (Social Health Insurance Fund). */
    HEALTH,
    /** A contact with a polyclinic or hospital (medical information systems). */
    MEDICAL,
    /** Enrolment or attendance at a school, college or university (education databases). */
    EDUCATION,
    /** A state benefit or pension paid (State Centre for Pension Payments). */
    BENEFIT,
    /** An employment contract in force (the e-contract system Enbek). */
    EMPLOYMENT,
    /** A vehicle registered, re-registered or inspected, or its tax paid. */
    VEHICLE,
    /** Real estate bought, sold or registered, or its tax paid. */
    PROPERTY,
    /** A utility account paid in the person's name. */
    UTILITY,
    /** A payment card or account used in Kazakhstan (second-tier banks, via the credit bureau). */
    BANK;

    /** Number of registers. */
    public static final int COUNT = values().length;

    private static final Register[] ALL = values();

    /** The register of a code as written in the extracts (upper case, exact), if it is one. */
    public static Optional<Register> ofCode(String code) {
        for (Register r : ALL) {
            if (r.name().equals(code)) {
                return Optional.of(r);
            }
        }
        return Optional.empty();
    }

    /** The register at a column position. */
    public static Register at(int index) {
        return ALL[index];
    }
}
