package kz.agyn.demo.warehouse;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class AllocationTest {

    @Test
    void partsAddUpToTheTotalAndFollowTheWeights() {
        // quotas 10 × 1/3 = 3.33…: floors 3, 3, 3 and the one left over goes to the first (tie → earlier)
        assertThat(Allocation.largestRemainder(10, new double[] {1, 1, 1})).containsExactly(4, 3, 3);
        // quotas 31,287 × (0.25, 0.75) = 7,821.75 and 23,465.25 → 7,822 and 23,465
        assertThat(Allocation.largestRemainder(31_287, new double[] {0.25, 0.75})).containsExactly(7_822, 23_465);
        assertThat(Allocation.largestRemainder(0, new double[] {2, 5})).containsExactly(0, 0);
        assertThat(Allocation.largestRemainder(7, new double[] {0, 1})).containsExactly(0, 7);
    }

    @Test
    void awkwardWeightsStillSumExactly() {
        double[] weights = {0.1, 0.2, 0.3, 1e-9, 7.7, 3.0e-3, 0.123456789};
        for (long total = 0; total < 2_000; total += 37) {
            assertThat(Arrays.stream(Allocation.largestRemainder(total, weights)).sum()).isEqualTo(total);
        }
    }

    @Test
    void rejectsWeightsThatCannotApportion() {
        assertThatThrownBy(() -> Allocation.largestRemainder(5, new double[] {0, 0}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(5, new double[] {1, -1}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(5, new double[] {1, Double.NaN}))
                .isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Allocation.largestRemainder(-5, new double[] {1}))
                .isInstanceOf(IllegalArgumentException.class);
    }
}
