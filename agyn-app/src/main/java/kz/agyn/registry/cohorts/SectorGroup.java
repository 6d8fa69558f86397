package kz.agyn.registry.cohorts;

import kz.agyn.registry.obligation.Sector;

/**
 * The three sectors of the note's Table 3. The registry's five sectors fold into them so that the three shares
 * of returnees with a known sector add up to one.
 */
public enum SectorGroup {
    /** {@link Sector#PUBLIC} and {@link Sector#QUASI_PUBLIC}: the note's public sector is the state's reach. */
    PUBLIC,
    /**
     * {@link Sector#PRIVATE} and {@link Sector#NGO}: the note sets research against "private business or other
     * sectors", and a non-profit is neither state nor research.
     */
    PRIVATE,
    /** {@link Sector#RESEARCH_HE}: research institutes and higher education. */
    RESEARCH;

    /** The group of a registry sector. */
    public static SectorGroup of(Sector sector) {
        return switch (sector) {
            case PUBLIC, QUASI_PUBLIC -> PUBLIC;
            case PRIVATE, NGO -> PRIVATE;
            case RESEARCH_HE -> RESEARCH;
        };
    }
}
