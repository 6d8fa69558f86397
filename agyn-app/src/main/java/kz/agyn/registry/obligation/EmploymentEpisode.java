package kz.agyn.registry.obligation;

import java.time.LocalDate;
import java.util.Locale;
import java.util.Objects;
import kz.agyn.kernel.RegionCode;

/**
 * One job held by a scholar, both ends inclusive.
 *
 * @param start   the first working day
 * @param end     the last working day, or null while the job goes on
 * @param region  where in Kazakhstan the work is done, or null if unknown or abroad
 * @param country ISO 3166-1 alpha-2 of the place of work, "KZ" for Kazakhstan; upper-cased on construction
 * @param sector  the employer's sector
 * @param isco    the ISCO-08 code of the occupation (any level, e.g. "25"), or null if not reported
 */
public record EmploymentEpisode(LocalDate start, LocalDate end, RegionCode region, String country, Sector sector,
                                String isco) {

    /** Kazakhstan's alpha-2 code. */
    public static final String KAZAKHSTAN = "KZ";

    /**
     * @throws ObligationException {@link ObligationProblem#DATES_OUT_OF_ORDER} if the end precedes the start,
     *                             {@link ObligationProblem#BAD_COUNTRY} unless the country is two letters
     */
    public EmploymentEpisode {
        Objects.requireNonNull(start, "start");
        Objects.requireNonNull(sector, "sector");
        if (end != null && end.isBefore(start)) {
            throw new ObligationException(ObligationProblem.DATES_OUT_OF_ORDER, "end", end);
        }
        if (country == null || country.length() != 2
                || !Character.isLetter(country.charAt(0)) || !Character.isLetter(country.charAt(1))) {
            throw new ObligationException(ObligationProblem.BAD_COUNTRY, "country", country);
        }
        country = country.toUpperCase(Locale.ROOT);
        isco = isco == null || isco.isBlank() ? null : isco.strip();
    }

    /** A job whose occupation is not known. */
    public EmploymentEpisode(LocalDate start, LocalDate end, RegionCode region, String country, Sector sector) {
        this(start, end, region, country, sector, null);
    }

    /** A job in Kazakhstan. */
    public static EmploymentEpisode inKazakhstan(LocalDate start, LocalDate end, RegionCode region, Sector sector) {
        return new EmploymentEpisode(start, end, region, KAZAKHSTAN, sector);
    }

    /** Whether the work is done in Kazakhstan. */
    public boolean inKazakhstan() {
        return KAZAKHSTAN.equals(country);
    }
}
