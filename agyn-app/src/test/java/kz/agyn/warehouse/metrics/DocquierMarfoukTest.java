package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Expect.close;
import static kz.agyn.warehouse.metrics.Expect.d;
import static kz.agyn.warehouse.metrics.Expect.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;

class DocquierMarfoukTest {

    @Test
    void rateIsEmigrantsOverSkilledPopulationIncludingEmigrants() {
        // m = 8,000 / (2,400,000 + 8,000) = 8,000 / 2,408,000 = 1 / 301 = 0.0033222591362126…
        close(DocquierMarfouk.rate(8_000, 2_400_000), "0.003322259136212625");
        exactly(DocquierMarfouk.rate(d(8_000), d(2_400_000)), "0.003322259136212625");
        // Everyone skilled abroad: m = 1; nobody abroad: m = 0.
        exactly(DocquierMarfouk.rate(10, 0), "1");
        exactly(DocquierMarfouk.rate(0, 10), "0");
    }

    @Test
    void cumulatedFlowsStandInForTheStock() {
        // 3,000 + 2,500 + 2,500 = 8,000 → the same 1 / 301
        close(DocquierMarfouk.rateFromFlows(List.of(d(3_000), d(2_500), d(2_500)), d(2_400_000)),
                "0.003322259136212625");
    }

    @Test
    void edgeCases() {
        assertThat(DocquierMarfouk.rate(0, 0)).isEmpty();
        assertThat(DocquierMarfouk.rate(null, d(5))).isEmpty();
        assertThat(DocquierMarfouk.rate(d(5), null)).isEmpty();
        assertThat(DocquierMarfouk.rateFromFlows(List.of(), d(5))).isEmpty();
        assertThat(DocquierMarfouk.rateFromFlows(null, d(5))).isEmpty();
        assertThat(DocquierMarfouk.rateFromFlows(Arrays.asList(d(1), null), d(5))).isEmpty();
        assertThatThrownBy(() -> DocquierMarfouk.rate(-1, 10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocquierMarfouk.rate(1, -10)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> DocquierMarfouk.rateFromFlows(List.of(d(-1)), d(10)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
