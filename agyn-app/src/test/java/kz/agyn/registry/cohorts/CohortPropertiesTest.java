package kz.agyn.registry.cohorts;

import static kz.agyn.registry.cohorts.Records.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Random;
import java.util.stream.LongStream;
import kz.agyn.registry.obligation.ObligationState;
import kz.agyn.registry.obligation.Sector;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random cohorts: plain parameterized tests, so a failure names its seed and reruns
 * identically.
 */
class CohortPropertiesTest {

    private static final List<String> DEGREES = List.of("BACHELOR", "MASTER", "PHD", "INTERNSHIP");
    private static final List<String> COUNTRIES = List.of("US", "GB", "DE", "KR", "CN", "FR");
    private static final List<String> FIELDS = List.of("02", "04", "05", "06", "07", "09");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200).map(i -> i * 104_729L + 19_931_105L);
    }

    static List<CohortRecord> randomCohort(long seed) {
        Random r = new Random(seed);
        int n = r.nextInt(300);
        List<CohortRecord> out = new ArrayList<>();
        ObligationState[] states = ObligationState.values();
        Sector[] sectors = Sector.values();
        for (int i = 0; i < n; i++) {
            LocalDate end = LocalDate.of(2000, 1, 1).plusDays(r.nextInt(26 * 365));
            boolean graduated = r.nextInt(10) > 0;
            LocalDate back = r.nextInt(3) == 0 ? null : end.plusDays(r.nextInt(1500) - 60);
            Sector first = back != null && r.nextBoolean() ? sectors[r.nextInt(sectors.length)] : null;
            Sector now = r.nextBoolean() ? sectors[r.nextInt(sectors.length)] : null;
            out.add(new CohortRecord(i, "BOLASHAK", end.getYear() - 1 - r.nextInt(5),
                    DEGREES.get(r.nextInt(DEGREES.size())),
                    r.nextInt(20) == 0 ? null : FIELDS.get(r.nextInt(FIELDS.size())),
                    r.nextInt(20) == 0 ? null : COUNTRIES.get(r.nextInt(COUNTRIES.size())),
                    r.nextInt(30) == 0 ? null : r.nextBoolean() ? "MALE" : "FEMALE",
                    end, graduated, back, states[r.nextInt(states.length)], first, now, r.nextInt(5) == 0,
                    r.nextBoolean()));
        }
        return out;
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void survivalIsANonIncreasingProbability(long seed) {
        List<CohortRecord> cohort = randomCohort(seed);
        List<KmCurve> curves = new ArrayList<>(KaplanMeier.byGroup(cohort, Breakdown.HOST_COUNTRY, AS_OF, 5));
        KmCurve all = KaplanMeier.fit(cohort, AS_OF);
        curves.add(all);
        for (KmCurve c : curves) {
            double previous = 1;
            long previousDay = -1;
            long atRisk = c.subjects();
            for (KmStep s : c.steps()) {
                assertThat(s.survival()).isBetween(0.0, 1.0).isLessThanOrEqualTo(previous);
                assertThat(s.days()).isGreaterThan(previousDay);
                assertThat(s.atRisk()).isEqualTo(atRisk);
                if (s.lower() != null) {
                    assertThat(s.lower()).isBetween(0.0, s.survival());
                    assertThat(s.upper()).isBetween(s.survival(), 1.0);
                }
                previous = s.survival();
                previousDay = s.days();
                atRisk -= s.events() + s.censored();
            }
            assertThat(atRisk).isZero();
            if (c.median() != null && c.medianLower() != null) {
                assertThat(c.medianLower()).isLessThanOrEqualTo(c.median());
            }
            if (c.median() != null && c.medianUpper() != null) {
                assertThat(c.medianUpper()).isGreaterThanOrEqualTo(c.median());
            }
        }
        assertThat(curves.subList(0, curves.size() - 1).stream().mapToLong(KmCurve::subjects).sum())
                .isEqualTo(all.subjects());
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void groupsAddUpToTheTotal(long seed) {
        List<CohortRecord> cohort = randomCohort(seed);
        long graduates = cohort.stream().filter(CohortRecord::graduated).count();
        for (Breakdown b : Breakdown.values()) {
            CohortTable t = CohortTable.build(cohort, b, AS_OF);
            assertThat(t.total().graduates()).as(b.name()).isEqualTo(graduates);
            assertThat(t.rows().stream().mapToLong(CohortRow::graduates).sum()).as(b.name()).isEqualTo(graduates);
            assertThat(t.rows().stream().mapToLong(r -> r.abroad().count()).sum()).as(b.name())
                    .isEqualTo(t.total().abroad().count());
            for (CohortRow row : t.rows()) {
                assertThat(row.states().values().stream().mapToLong(Share::count).sum()).isEqualTo(row.graduates());
                for (Share s : List.of(row.abroad(), row.returnRate(), row.debt(), row.fulfilmentRate())) {
                    if (s.defined()) {
                        assertThat(s.lower()).isBetween(0.0, s.value());
                        assertThat(s.upper()).isBetween(s.value(), 1.0);
                    }
                }
            }
            // After blanking, subtraction never isolates a single hidden row.
            CohortTable shown = t.visibleTo(false);
            long hiddenRows = shown.rows().stream().filter(r -> r.graduates() == null).count();
            if (shown.total().graduates() != null) {
                assertThat(hiddenRows).isNotEqualTo(1);
            }
            if (hiddenRows > 0 && shown.total().graduates() != null && hiddenRows < t.rows().size()) {
                long visible = shown.rows().stream().filter(r -> r.graduates() != null)
                        .mapToLong(CohortRow::graduates).sum();
                assertThat(shown.total().graduates() - visible).isGreaterThanOrEqualTo(t.minCell());
            }
        }
    }
}
