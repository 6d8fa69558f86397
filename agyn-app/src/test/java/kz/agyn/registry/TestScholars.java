package kz.agyn.registry;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.concurrent.atomic.AtomicInteger;

import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import kz.agyn.registry.scholars.NewAward;
import kz.agyn.registry.scholars.NewEmployment;
import kz.agyn.registry.scholars.NewScholar;
import kz.agyn.registry.scholars.ScholarService;

/**
 * Hand-made scholars for monitoring, worklist and incentive tests, recorded through {@link ScholarService} as an
 * officer would. Dates are given relative to today because the stored evaluations are made as of today.
 */
public final class TestScholars {

    private final ScholarService scholars;

    public TestScholars(ScholarService scholars) {
        this.scholars = scholars;
    }

    // Serials handed out by freshIin, spread by the clock so that two runs on one database differ too.
    private static final AtomicInteger NEXT = new AtomicInteger((int) (System.nanoTime() % 8000));

    /**
     * A valid IIN of someone born on {@code birth} that no scholar in the registry has. Not every serial gives a
     * valid IIN (for some the check digit cannot be formed), and the synthetic registry holds many: so serials
     * are tried until one fits.
     */
    public String freshIin(LocalDate birth, Sex sex) {
        while (true) {
            int serial = 1000 + Math.floorMod(NEXT.getAndIncrement(), 8999);
            var iin = Iin.of(birth, sex, serial);
            if (iin.isPresent() && scholars.search(iin.get().value(), null, Access.PERSONAL).isEmpty()) {
                return iin.get().value();
            }
        }
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
                "MASTER", "06", "Сынақ университеті", country, new BigDecimal("15000000"), null, start, start, end,
                ended ? end : null), Access.PERSONAL, "test-officer");
    }

    public long job(long scholarId, String sector, String region, String country, LocalDate start, LocalDate end,
                    String band) {
        return scholars.addEmployment(scholarId, new NewEmployment("Сынақ жұмыс беруші", null, sector, region, country,
                null, start, end, band, null), Access.PERSONAL, "test-officer");
    }
}
