package kz.agyn.registry;

import java.math.BigDecimal;
import java.time.LocalDate;

import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;

/**
 * Hand-made scholars for monitoring, worklist and incentive tests, recorded through {@link ScholarService} as an
 * officer would. Dates are given relative to today because the stored evaluations are made as of today.
 */
public final class TestScholars {

    private final ScholarService scholars;

    public TestScholars(ScholarService scholars) {
        this.scholars = scholars;
    }

    /** A valid IIN no other test uses: born on {@code birth}, serial {@code serial}. */
    public static String iin(LocalDate birth, int serial) {
        return Iin.of(birth, Sex.MALE, serial).orElseThrow().value();
    }

    public long scholar(String iin, String lastName, String firstName) {
        return scholars.create(new NewScholar(iin, lastName, firstName, null, null, null, null, null, null, null,
                false), Access.PERSONAL);
    }

    /** A master's award in {@code country}, study from two years before {@code end} to {@code end}. */
    public long award(long scholarId, LocalDate end, boolean ended, String country) {
        LocalDate start = end.minusYears(2);
        return scholars.addAward(scholarId, new NewAward("BOLASHAK", null, Math.max(1994, start.getYear()),
                "MASTER", "06", "Test University", country, new BigDecimal("15000000"), null, start, start, end,
                ended ? end : null), Access.PERSONAL, "test-officer");
    }

    public long job(long scholarId, String sector, String region, String country, LocalDate start, LocalDate end,
                    String band) {
        return scholars.addEmployment(scholarId, new NewEmployment("Test employer", null, sector, region, country,
                null, start, end, band, null), Access.PERSONAL, "test-officer");
    }
}
