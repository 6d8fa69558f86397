package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Expect.close;
import static kz.agyn.warehouse.metrics.Expect.d;
import static kz.agyn.warehouse.metrics.Expect.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;

class SharesTest {

    @Test
    void shareIsPartOverTotal() {
        exactly(Shares.share(d(25), d(100)), "0.25");
        // 1 / 3 = 0.3333333333333333 (16 digits)
        exactly(Shares.share(d(1), d(3)), "0.3333333333333333");
        exactly(Shares.share(d(0), d(7)), "0");
        exactly(Shares.share(d(7), d(7)), "1");
    }

    @Test
    void shareEdgeCases() {
        assertThat(Shares.share(d(0), d(0))).isEmpty();
        assertThat(Shares.share(null, d(3))).isEmpty();
        assertThat(Shares.share(d(1), null)).isEmpty();
        assertThatThrownBy(() -> Shares.share(d(4), d(3)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("exceeds");
        assertThatThrownBy(() -> Shares.share(d(-1), d(3))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Shares.share(d(1), d(-3))).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void highlySkilledExcludesUnknownEducationAndReportsItSeparately() {
        Map<String, Long> byIsced = Map.ofEntries(
                Map.entry("0", 100L), Map.entry("1", 200L), Map.entry("2", 300L), Map.entry("3", 1_000L),
                Map.entry("4", 400L), Map.entry("5", 300L), Map.entry("6", 900L), Map.entry("7", 250L),
                Map.entry("8", 50L), Map.entry("_U", 500L), Map.entry("_T", 4_000L));

        KnownShare result = Shares.highlySkilled(byIsced);

        // tertiary = 300 + 900 + 250 + 50 = 1,500; known = 100 + 200 + 300 + 1,000 + 400 + 1,500 = 3,500
        assertThat(result).isEqualTo(new KnownShare(1_500, 3_500, 500));
        assertThat(result.total()).isEqualTo(4_000);
        // 1,500 / 3,500 = 3 / 7 = 0.428571…  (not 1,500 / 4,000 = 0.375: unknowns are not "low-skilled")
        close(result.share(), "0.4285714285714286");
        // 500 / 4,000 = 0.125
        exactly(result.unknownShare(), "0.125");
    }

    @Test
    void intellectualProfessionsAreIscoMajorGroupsOneToThree() {
        Map<String, Long> byIsco = Map.ofEntries(
                Map.entry("1", 700L), Map.entry("2", 1_800L), Map.entry("3", 800L), Map.entry("4", 600L),
                Map.entry("5", 1_900L), Map.entry("6", 300L), Map.entry("7", 2_100L), Map.entry("8", 1_700L),
                Map.entry("9", 2_500L), Map.entry("0", 100L), Map.entry("_U", 5_000L));

        KnownShare result = Shares.intellectualProfessions(byIsco);

        // part = 700 + 1,800 + 800 = 3,300; known = 3,300 + 600 + 1,900 + 300 + 2,100 + 1,700 + 2,500 + 100
        // = 12,500 (armed forces, group 0, are a known occupation); 3,300 / 12,500 = 0.264
        assertThat(result).isEqualTo(new KnownShare(3_300, 12_500, 5_000));
        exactly(result.share(), "0.264");
        // 5,000 / 17,500 = 2 / 7 = 0.285714…
        close(result.unknownShare(), "0.2857142857142857");
    }

    @Test
    void breakdownEdgeCases() {
        KnownShare nothing = Shares.highlySkilled(Map.of());
        assertThat(nothing.share()).isEmpty();
        assertThat(nothing.unknownShare()).isEmpty();

        KnownShare allUnknown = Shares.intellectualProfessions(Map.of("_U", 40L));
        assertThat(allUnknown.share()).isEmpty();
        exactly(allUnknown.unknownShare(), "1");

        assertThatThrownBy(() -> Shares.highlySkilled(Map.of("9", 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("'9'");
        assertThatThrownBy(() -> Shares.intellectualProfessions(Map.of("11", 1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ISCO-08");
        assertThatThrownBy(() -> Shares.highlySkilled(Map.of("5", -1L)))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("negative");
        Map<String, Long> hole = new HashMap<>();
        hole.put("5", null);
        assertThatThrownBy(() -> Shares.highlySkilled(hole))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no count");
    }

    @Test
    void knownShareRejectsImpossibleCounts() {
        assertThatThrownBy(() -> new KnownShare(5, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KnownShare(-1, 4, 0)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new KnownShare(1, 4, -1)).isInstanceOf(IllegalArgumentException.class);
    }
}
