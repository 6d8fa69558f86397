package kz.agyn.registry.obligation;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import kz.agyn.kernel.Money;
import kz.agyn.kernel.RegionCode;
import org.junit.jupiter.api.Test;

/**
 * The registry's whole recomputation at the note's size, 14,033 scholars with 60,000 jobs: every case is
 * evaluated, and a second pass over the same facts gives the same answers (the engine keeps no state between
 * cases). Its speed (issue 4: under 2 s) is measured by bench/registry-import.sh, not by a test that a busy
 * machine would fail.
 */
class ObligationBulkTest {

    private static final int SCHOLARS = 14_033;
    private static final int EPISODES = 60_000;

    @Test
    void evaluatesTheWholeRegistryAtTheNotesSizeTheSameTwice() {
        Random r = new Random(14_033L);
        RuleBook book = new RuleBook(List.of(
                ObligationRules.defaults("BOLASHAK", 1, LocalDate.of(1993, 11, 5)),
                ObligationRules.fromMap(new HashMap<>(Map.of(
                        "programme", "BOLASHAK", "version", "2", "validFrom", "2015-01-01",
                        "gapRule", "GRACE", "graceDays", "30", "maxBreakDays", "180", "penaltyRate", "0.1")))));
        RegionCode[] regions = {RegionCode.parse("710000000"), RegionCode.parse("750000000"),
                RegionCode.parse("330000000")};
        List<ObligationCase> cases = new ArrayList<>(SCHOLARS);
        int extra = EPISODES - 4 * SCHOLARS; // the first `extra` scholars have a fifth job
        for (int i = 0; i < SCHOLARS; i++) {
            LocalDate awarded = LocalDate.of(1994, 1, 1).plusDays(r.nextInt(30 * 365));
            LocalDate end = awarded.plusMonths(8 + 24 + r.nextInt(24));
            AwardFacts facts = new AwardFacts("S" + i, "BOLASHAK", null, awarded, awarded.plusMonths(8), end, end,
                    Money.kzt(10_000_000L + r.nextInt(15_000_000)));
            List<EmploymentEpisode> jobs = new ArrayList<>(5);
            LocalDate start = end.plusDays(r.nextInt(200));
            for (int j = 0; j < (i < extra ? 5 : 4); j++) {
                LocalDate stop = start.plusDays(30 + r.nextInt(800));
                jobs.add(new EmploymentEpisode(start, j == 3 ? null : stop, regions[r.nextInt(3)],
                        r.nextInt(10) == 0 ? "DE" : "KZ", Sector.values()[r.nextInt(5)]));
                start = stop.plusDays(r.nextInt(90) - 20);
            }
            cases.add(new ObligationCase(facts, jobs, List.of(), List.of()));
        }
        assertThat(cases.stream().mapToInt(c -> c.episodes().size()).sum()).isEqualTo(EPISODES);
        LocalDate today = LocalDate.of(2025, 6, 1);

        List<ObligationStatus> first = ObligationEngine.evaluateAll(book, cases, today);
        List<ObligationStatus> statuses = ObligationEngine.evaluateAll(book, cases, today);

        assertThat(statuses).hasSize(SCHOLARS).isEqualTo(first);
        assertThat(statuses).extracting(ObligationStatus::awardId).doesNotHaveDuplicates();
        assertThat(statuses).allSatisfy(st -> assertThat(st.daysLeft())
                .isEqualTo(Math.max(0, st.daysRequired() - st.daysWorked())));
    }
}
