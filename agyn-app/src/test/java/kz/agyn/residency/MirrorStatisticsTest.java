package kz.agyn.residency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * Mirror statistics on the shipped data: the destinations' records of arrivals from Kazakhstan (Eurostat 2024) each beside the official emigration to the same country in the same year where the
 * warehouse has one (the demonstration's, labelled synthetic), never merged; the gap's split adds up.
 */
class MirrorStatisticsTest extends AgynTest {

    @Autowired
    MirrorStatistics mirror;

    @Test
    void arrivalsStandBesideTheOfficialCountEachWithItsSource() {
        List<MirrorStatistics.Row> rows = mirror.rows();
        MirrorStatistics.Row germany2024 = row(rows, "DE", "2024");
        assertThat(germany2024.inflow().persons()).isEqualTo(3_254);
        assertThat(germany2024.inflow().status()).isEqualTo("E");
        assertThat(germany2024.inflow().dataset()).isEqualTo("eurostat-immigration-kazakhstan");
        assertThat(germany2024.inflow().notChecked()).isTrue();
        assertThat(germany2024.official()).isNotNull();
        assertThat(germany2024.official().synthetic()).isTrue();
        assertThat(germany2024.gap()).contains(3_254 - germany2024.official().persons());

        MirrorStatistics.Row lithuania = row(rows, "LT", "2024");
        assertThat(lithuania.inflow().persons()).isEqualTo(1_079);
        assertThat(lithuania.official()).as("the demonstration has no official figure for Lithuania").isNull();
        assertThat(lithuania.gap()).isEmpty();
        // Newest year first, the largest destination first within it.
        assertThat(rows.get(0).period()).isEqualTo("2024");
        assertThat(rows.get(0).country()).isEqualTo("DE");
        assertThat(mirror.sources(rows)).extracting(d -> d.code())
                .contains("eurostat-immigration-kazakhstan", "synthetic-emigration")
                .doesNotContain("undesa-flows-2015");
    }

    @Test
    void theGapSplitsIntoWhatDeregistrationMissesAndTheRest() {
        List<MirrorStatistics.Row> rows = mirror.rows();
        MirrorStatistics.Split split = mirror.split(rows, 1_300, 400).orElseThrow();
        assertThat(split.period()).isEqualTo("2024");
        long inflow = rows.stream().filter(r -> r.period().equals("2024") && r.official() != null)
                .mapToLong(r -> r.inflow().persons()).sum();
        long official = rows.stream().filter(r -> r.period().equals("2024") && r.official() != null)
                .mapToLong(r -> r.official().persons()).sum();
        assertThat(split.inflow()).isEqualTo(inflow);
        assertThat(split.official()).isEqualTo(official);
        assertThat(split.gap()).isEqualTo(inflow - official);
        assertThat(split.hiddenPerOfficial()).isEqualTo(900.0 / 400);
        assertThat(split.missed()).isEqualTo(Math.round(official * 2.25));
        assertThat(split.missed() + split.unexplained()).isEqualTo(split.gap());
        assertThat(mirror.split(rows, 10, 0)).isEmpty();
    }

    private static MirrorStatistics.Row row(List<MirrorStatistics.Row> rows, String country, String period) {
        return rows.stream().filter(r -> r.country().equals(country) && r.period().equals(period)).findFirst()
                .orElseThrow(() -> new AssertionError("no row for " + country + " " + period));
    }
}
