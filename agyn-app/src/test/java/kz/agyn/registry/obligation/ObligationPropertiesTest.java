package kz.agyn.registry.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.BitSet;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.LongStream;
import kz.agyn.kernel.Money;
import kz.agyn.kernel.RegionCode;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Invariants over seeded random histories: plain parameterized tests, so a failure names its seed and reruns
 * identically. Days worked are checked against a day-by-day count that shares no code with the engine.
 */
class ObligationPropertiesTest {

    private static final int CASES = 400;
    private static final List<String> REGIONS = List.of("710000000", "751110000", "790000000", "330000000");
    private static final List<String> PREFIXES = List.of("71", "75", "79", "33");
    private static final List<String> ABROAD = List.of("DE", "US", "GB", "KR");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, CASES).map(i -> i * 7_919L + 20_250_101L);
    }

    /** One random award with its rules, history and evaluation dates. */
    private record Case(AwardFacts award, ObligationRules rules, List<EmploymentEpisode> episodes,
                        List<Deferral> deferrals, List<Decision> decisions, List<LocalDate> dates) {
    }

    private static Case randomCase(long seed) {
        Random r = new Random(seed);
        LocalDate studyEnd = LocalDate.of(2015, 1, 1).plusDays(r.nextInt(8 * 365));
        AwardFacts award = new AwardFacts("P" + seed, "BOLASHAK", 1, studyEnd.minusYears(3), studyEnd.minusYears(2),
                studyEnd, studyEnd, Money.kzt(1_000_000L + r.nextInt(30_000_000)));

        var map = ObligationRules.defaults("BOLASHAK", 1, LocalDate.of(2010, 1, 1)).toMap();
        map.put("requiredYears", Integer.toString(1 + r.nextInt(5)));
        if (r.nextBoolean()) {
            map.put("gapRule", "GRACE");
            map.put("graceDays", Integer.toString(1 + r.nextInt(60)));
        }
        map.put("abroadCounts", Boolean.toString(r.nextInt(4) == 0));
        if (r.nextBoolean()) {
            map.put("countedRegions", String.join(",", PREFIXES.subList(0, 1 + r.nextInt(PREFIXES.size()))));
        }
        if (r.nextInt(4) == 0) {
            map.put("countedSectors", "PRIVATE,RESEARCH_HE");
        }
        if (r.nextBoolean()) {
            map.put("maxBreakDays", Integer.toString(30 + r.nextInt(400)));
        }
        ObligationRules rules = ObligationRules.fromMap(map);

        List<EmploymentEpisode> episodes = new ArrayList<>();
        int count = r.nextInt(8);
        for (int i = 0; i < count; i++) {
            LocalDate start = studyEnd.minusDays(300).plusDays(r.nextInt(3000));
            LocalDate end = r.nextInt(10) == 0 ? null : start.plusDays(r.nextInt(900));
            boolean home = r.nextInt(100) < 85;
            RegionCode region = home && r.nextInt(10) > 0 ? RegionCode.parse(REGIONS.get(r.nextInt(REGIONS.size())))
                    : null;
            String country = home ? "KZ" : ABROAD.get(r.nextInt(ABROAD.size()));
            episodes.add(new EmploymentEpisode(start, end, region, country,
                    Sector.values()[r.nextInt(Sector.values().length)]));
        }
        List<Deferral> deferrals = new ArrayList<>();
        for (int i = r.nextInt(3); i > 0; i--) {
            LocalDate from = studyEnd.minusDays(100).plusDays(r.nextInt(2000));
            deferrals.add(new Deferral(from, from.plusDays(r.nextInt(700)), "FURTHER_STUDY"));
        }
        List<Decision> decisions = r.nextInt(5) == 0
                ? List.of(new Decision(studyEnd.plusDays(r.nextInt(900)), DecisionType.RETURN_CONFIRMED, "o", ""))
                : List.of();

        Set<LocalDate> dates = new TreeSet<>();
        for (int i = 0; i < 30; i++) {
            dates.add(studyEnd.minusDays(100).plusDays(r.nextInt(4500)));
        }
        for (EmploymentEpisode e : episodes) {
            dates.add(e.start());
            if (e.end() != null) {
                dates.add(e.end());
                dates.add(e.end().plusDays(1));
            }
        }
        return new Case(award, rules, List.copyOf(episodes), deferrals, decisions, new ArrayList<>(dates));
    }

    private static ObligationStatus evaluate(Case c, List<EmploymentEpisode> episodes, LocalDate asOf) {
        return ObligationEngine.evaluate(c.award(), c.rules(), episodes, c.deferrals(), c.decisions(), asOf);
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void daysWorkedAgreeWithADayByDayCountAndNeverFall(long seed) {
        Case c = randomCase(seed);
        long firstEligible = c.award().studyEnd().toEpochDay() + 1;
        BitSet counted = countedDays(c, firstEligible);

        ObligationStatus previous = null;
        for (LocalDate asOf : c.dates()) {
            ObligationStatus s = evaluate(c, c.episodes(), asOf);
            long limit = asOf.toEpochDay() - firstEligible + 1;
            long union = limit <= 0 ? 0 : counted.get(0, (int) limit).cardinality();
            long span = union == 0 ? 0 : counted.previousSetBit((int) limit - 1) - counted.nextSetBit(0) + 1;

            assertThat(s.daysWorked()).as("seed %d on %s", seed, asOf).isBetween(union, Math.max(union, span));
            if (c.rules().gapMode() == GapMode.PAUSE) {
                assertThat(s.daysWorked()).as("seed %d on %s", seed, asOf).isEqualTo(union);
            }
            assertThat(s.daysLeft()).isEqualTo(Math.max(0, s.daysRequired() - s.daysWorked()));
            assertThat(s.state() == ObligationState.FULFILLED)
                    .isEqualTo(s.state() != ObligationState.STUDYING && s.daysWorked() >= s.daysRequired());
            assertThat(s.reasons()).isNotEmpty();
            if (s.fulfilledOn() != null) {
                assertThat(s.fulfilledOn()).isBeforeOrEqualTo(asOf);
            }
            if (s.projectedFulfilment() != null) {
                assertThat(s.projectedFulfilment()).isAfter(asOf);
            }
            if (previous != null) {
                assertThat(s.daysWorked()).as("seed %d on %s", seed, asOf).isGreaterThanOrEqualTo(previous.daysWorked());
                if (previous.state() != s.state()) {
                    assertThat(previous.state().canMoveTo(s.state()))
                            .as("seed %d on %s: %s -> %s", seed, asOf, previous.state(), s.state()).isTrue();
                    assertThat(Transition.afterEvaluation(previous.state(), s)).isPresent();
                }
            }
            previous = s;
        }
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void anOverlappingDuplicateOrAnotherOrderChangesNothing(long seed) {
        Case c = randomCase(seed);
        if (c.episodes().isEmpty()) {
            return;
        }
        Random r = new Random(seed ^ 0x5DEECE66DL);
        EmploymentEpisode original = c.episodes().get(r.nextInt(c.episodes().size()));
        LocalDate last = original.end() != null ? original.end() : original.start().plusDays(2000);
        long length = last.toEpochDay() - original.start().toEpochDay();
        LocalDate start = original.start().plusDays(length == 0 ? 0 : r.nextInt((int) length + 1));
        LocalDate end = r.nextBoolean() ? original.end()
                : start.plusDays(r.nextInt((int) (last.toEpochDay() - start.toEpochDay()) + 1));
        EmploymentEpisode inside = new EmploymentEpisode(start, end, original.region(), original.country(),
                original.sector());

        List<EmploymentEpisode> withCopy = new ArrayList<>(c.episodes());
        withCopy.add(original);
        withCopy.add(inside);
        Collections.shuffle(withCopy, r);

        for (LocalDate asOf : c.dates()) {
            assertThat(evaluate(c, withCopy, asOf)).as("seed %d on %s", seed, asOf)
                    .isEqualTo(evaluate(c, c.episodes(), asOf));
        }
    }

    /** Bit i set if day firstEligible + i is worked in a job that counts; written independently of the engine. */
    private static BitSet countedDays(Case c, long firstEligible) {
        BitSet days = new BitSet();
        ObligationRules rules = c.rules();
        for (EmploymentEpisode e : c.episodes()) {
            boolean home = e.country().equals("KZ");
            boolean place = home
                    ? rules.countedRegionPrefixes().isEmpty()
                            || (e.region() != null && rules.countedRegionPrefixes().stream()
                                    .anyMatch(p -> e.region().kato().startsWith(p)))
                    : rules.abroadCounts();
            boolean sector = rules.countedSectors().isEmpty() || rules.countedSectors().contains(e.sector());
            if (!place || !sector) {
                continue;
            }
            long end = e.end() == null ? firstEligible + 20_000 : e.end().toEpochDay();
            for (long day = Math.max(firstEligible, e.start().toEpochDay()); day <= end; day++) {
                days.set((int) (day - firstEligible));
            }
        }
        return days;
    }
}
