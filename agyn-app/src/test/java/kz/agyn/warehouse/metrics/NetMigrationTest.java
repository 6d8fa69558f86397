package kz.agyn.warehouse.metrics;

import static kz.agyn.warehouse.metrics.Expect.close;
import static kz.agyn.warehouse.metrics.Expect.d;
import static kz.agyn.warehouse.metrics.Expect.exactly;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class NetMigrationTest {

    @Test
    void netIsImmigrantsMinusEmigrants() {
        // 12,000 − 31,287 = −19,287
        exactly(NetMigration.net(d(12_000), d(31_287)), "-19287");
        exactly(NetMigration.net(d(5), d(5)), "0");
    }

    @Test
    void ratePerThousandOverMidYearPopulation() {
        // 1,000 × (−19,287) / 19,700,000 = −19,287,000 / 19,700,000 = −0.979035532994923…
        close(NetMigration.ratePerThousand(d(12_000), d(31_287), d(19_700_000)), "-0.9790355329949239");
        // 1,000 × 500 / 1,000,000 = 0.5
        exactly(NetMigration.ratePerThousand(d(1_500), d(1_000), d(1_000_000)), "0.5");
    }

    @Test
    void ratePerThousandOverAverageOfStartAndEndPopulation() {
        // (19,600,000 + 19,800,000) / 2 = 19,700,000: the same −0.979035532994923…
        close(NetMigration.ratePerThousandAveragePopulation(d(12_000), d(31_287), d(19_600_000), d(19_800_000)),
                "-0.9790355329949239");
        // (999 + 1,000) / 2 = 999.5 → 1,000 × 1 / 999.5 = 1.000500250125063
        close(NetMigration.ratePerThousandAveragePopulation(d(2), d(1), d(999), d(1_000)), "1.000500250125063");
    }

    @Test
    void edgeCases() {
        assertThat(NetMigration.net(null, d(1))).isEmpty();
        assertThat(NetMigration.ratePerThousand(d(1), d(2), d(0))).isEmpty();
        assertThat(NetMigration.ratePerThousand(d(1), d(2), null)).isEmpty();
        assertThat(NetMigration.ratePerThousandAveragePopulation(d(1), d(2), d(0), d(0))).isEmpty();
        assertThat(NetMigration.ratePerThousandAveragePopulation(d(1), d(2), null, d(10))).isEmpty();
        assertThat(NetMigration.ratePerThousandAveragePopulation(null, d(2), d(10), d(10))).isEmpty();
        assertThatThrownBy(() -> NetMigration.net(d(-1), d(2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetMigration.net(d(1), d(-2))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetMigration.ratePerThousand(d(1), d(2), d(-100)))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> NetMigration.ratePerThousandAveragePopulation(d(1), d(2), d(-100), d(300)))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
