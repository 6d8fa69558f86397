package kz.agyn.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashMap;
import java.util.Map;
import java.util.Random;
import java.util.stream.Stream;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The duplicate finder's map answers as a HashMap would, through its growth, whatever the keys (seeded inputs). */
class LongLongMapTest {

    static Stream<Long> seeds() {
        return new Random(7_919).longs(30).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void answersAsAHashMapWould(long seed) {
        Random random = new Random(seed);
        LongLongMap map = new LongLongMap(1 + random.nextInt(64));
        Map<Long, Long> expected = new HashMap<>();
        // Few distinct keys in some runs (many repeats), many in others; the empty marker and its neighbour too.
        long range = random.nextBoolean() ? 50 : Long.MAX_VALUE;
        for (int i = 0; i < 20_000; i++) {
            long key = switch (random.nextInt(40)) {
                case 0 -> Long.MIN_VALUE;
                case 1 -> Long.MIN_VALUE + 1;
                default -> range == Long.MAX_VALUE ? random.nextLong() : random.nextLong(range);
            };
            // The map folds the empty marker into its neighbour, as a 64-bit hash collision would.
            long folded = key == Long.MIN_VALUE ? Long.MIN_VALUE + 1 : key;
            Long before = expected.putIfAbsent(folded, (long) i);
            assertThat(map.putIfAbsent(key, i)).isEqualTo(before == null ? -1 : before);
        }
    }
}
