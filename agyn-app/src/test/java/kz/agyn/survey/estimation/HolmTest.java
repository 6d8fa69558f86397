package kz.agyn.survey.estimation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

class HolmTest {

    /**
     * Expected values from R 4 (Debian r-base-core), printed to 17 digits:
     * {@code format(p.adjust(c(0.01, 0.04, 0.03, 0.005, 0.2, 0.2, 1e-8), "holm"), digits = 17)} and
     * {@code p.adjust(c(0.5, 0.5, 0.01), "holm")}.
     */
    @Test
    void matchesRsPAdjust() {
        double[] adjusted = Holm.adjust(new double[] {0.01, 0.04, 0.03, 0.005, 0.2, 0.2, 1e-8});
        double[] r = {0.05, 0.12, 0.12, 0.03, 0.4, 0.4, 7e-8};
        for (int i = 0; i < r.length; i++) {
            assertThat(adjusted[i]).as("p[%d]", i).isCloseTo(r[i], within(1e-12));
        }
        assertThat(Holm.adjust(new double[] {0.5, 0.5, 0.01})).containsExactly(new double[] {1, 1, 0.03},
                within(1e-12));
        assertThat(Holm.adjust(new double[0])).isEmpty();
    }

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200);
    }

    /** Never below the raw p-value, never above 1 or Bonferroni's, and in the same order as the raw values. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void liesBetweenTheRawValueAndBonferroniAndKeepsTheOrder(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        int m = 1 + r.nextInt(12);
        double[] p = new double[m];
        for (int i = 0; i < m; i++) {
            p[i] = r.nextDouble() < 0.2 ? Math.pow(10, -r.nextInt(8)) * r.nextDouble() : r.nextDouble();
        }
        double[] a = Holm.adjust(p);
        for (int i = 0; i < m; i++) {
            assertThat(a[i]).isBetween(p[i], Math.min(1, m * p[i]) + 1e-15);
            for (int j = 0; j < m; j++) {
                if (p[i] < p[j]) {
                    assertThat(a[i]).isLessThanOrEqualTo(a[j]);
                }
            }
        }
    }

    @Test
    void refusesWhatIsNotAProbability() {
        assertThatThrownBy(() -> Holm.adjust(new double[] {0.5, 1.5})).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Holm.adjust(new double[] {Double.NaN})).isInstanceOf(IllegalArgumentException.class);
    }
}
