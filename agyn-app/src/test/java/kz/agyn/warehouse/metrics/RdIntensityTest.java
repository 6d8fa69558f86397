package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Expect.close;
import static kz.agyn.warehouse.metrics.Expect.d;
import static kz.agyn.warehouse.metrics.Expect.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Kazakhstan at 0.2% of GDP (the note) against Korea 4.3 and Japan 3.3 (the note) and Germany 3.1; the
 * GDP weights 2.5, 6.0 and 5.0 are round illustrative figures in one unit, not published values.
 */
class RdIntensityTest {

    private static final List<Peer> GROUP = List.of(
            Peer.of("KR", "4.3", "2.5"), Peer.of("JP", "3.3", "6.0"), Peer.of("DE", "3.1", "5.0"));
    private static final java.math.BigDecimal KZ = d("0.2");

    @Test
    void intensityIsGerdOverGdpInPercent() {
        // 150,000,000,000 / 75,000,000,000,000 × 100 = 0.2
        exactly(RdIntensity.intensity(d(150_000_000_000L), d(75_000_000_000_000L)), "0.2");
    }

    @Test
    void simpleMeanGapAndRatio() {
        // mean = (4.3 + 3.3 + 3.1) / 3 = 10.7 / 3 = 3.5666…
        close(RdIntensity.groupMean(GROUP, Weighting.SIMPLE), "3.566666666666667");
        // gap = 3.5666… − 0.2 = 3.3666… percentage points
        close(RdIntensity.gap(KZ, GROUP, Weighting.SIMPLE), "3.366666666666667");
        // ratio = 0.2 / 3.5666… = 0.6 / 10.7 = 0.056074766…
        close(RdIntensity.ratio(KZ, GROUP, Weighting.SIMPLE), "0.05607476635514019");
    }

    @Test
    void gdpWeightedMeanGapAndRatio() {
        // mean = (2.5 × 4.3 + 6.0 × 3.3 + 5.0 × 3.1) / (2.5 + 6.0 + 5.0) = (10.75 + 19.8 + 15.5) / 13.5
        //      = 46.05 / 13.5 = 3.4111…
        close(RdIntensity.groupMean(GROUP, Weighting.GDP), "3.411111111111111");
        // gap = 3.4111… − 0.2 = 3.2111…
        close(RdIntensity.gap(KZ, GROUP, Weighting.GDP), "3.211111111111111");
        // ratio = 0.2 / 3.4111… = 2.7 / 46.05 = 0.058631921…
        close(RdIntensity.ratio(KZ, GROUP, Weighting.GDP), "0.05863192182410423");
    }

    @Test
    void edgeCases() {
        assertThat(RdIntensity.intensity(d(1), d(0))).isEmpty();
        assertThat(RdIntensity.intensity(null, d(1))).isEmpty();
        assertThat(RdIntensity.groupMean(List.of(), Weighting.SIMPLE)).isEmpty();
        assertThat(RdIntensity.gap(KZ, List.of(), Weighting.GDP)).isEmpty();
        assertThat(RdIntensity.ratio(KZ, null, Weighting.SIMPLE)).isEmpty();
        assertThat(RdIntensity.gap(null, GROUP, Weighting.SIMPLE)).isEmpty();
        // A peer without GDP can join a simple mean but not a weighted one.
        List<Peer> partial = List.of(Peer.of("KR", "4.3", "2.5"), Peer.of("JP", "3.3"));
        close(RdIntensity.groupMean(partial, Weighting.SIMPLE), "3.8");
        assertThat(RdIntensity.groupMean(partial, Weighting.GDP)).isEmpty();
        assertThat(RdIntensity.groupMean(List.of(Peer.of("XX", "2", "0")), Weighting.GDP)).isEmpty();
        // A group that spends nothing: the gap is defined (we lead by our own value), the ratio is not.
        List<Peer> idle = List.of(Peer.of("XX", "0"));
        exactly(RdIntensity.gap(KZ, idle, Weighting.SIMPLE), "-0.2");
        assertThat(RdIntensity.ratio(KZ, idle, Weighting.SIMPLE)).isEmpty();
        assertThatThrownBy(() -> RdIntensity.intensity(d(-1), d(10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RdIntensity.intensity(d(1), d(-10))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Peer.of("XX", "-0.1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Peer.of("XX", "1", "-5")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> RdIntensity.ratio(d("-0.2"), GROUP, Weighting.SIMPLE))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
