package kz.agyn.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The window hands on every row once, and in key order whenever no row is further than half a window from its
 * place (decision 0055); otherwise it still hands on every row, and counts those that came after a larger one.
 * Property tests over seeded random inputs.
 */
class KeyOrderWindowTest {

    /** Forty seeds, the same at every run. */
    static Stream<Long> seeds() {
        return new Random(20261208).longs(40).boxed();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rowsDisplacedByLessThanHalfAWindowComeOutInKeyOrder(long seed) {
        Random random = new Random(seed);
        int capacity = 2 + random.nextInt(200);
        List<String> sorted = keys(random, random.nextInt(3_000));
        // Each block of fewer than half a window is shuffled: a file ordered by its dimensions, one of them
        // listed in the publisher's order rather than by code.
        int block = Math.max(1, random.nextInt(Math.max(1, capacity / 2)));
        List<String> file = new ArrayList<>();
        for (int from = 0; from < sorted.size(); from += block) {
            List<String> part = new ArrayList<>(sorted.subList(from, Math.min(sorted.size(), from + block)));
            Collections.shuffle(part, random);
            file.addAll(part);
        }

        Result out = pass(file, capacity);

        assertThat(out.lines).containsExactlyElementsOf(sorted);
        assertThat(out.outOfOrder).isZero();
    }

    @ParameterizedTest
    @MethodSource("seeds")
    void rowsInAnyOrderComeOutOnceEachAndThoseOutOfOrderAreCounted(long seed) {
        Random random = new Random(seed);
        int capacity = 2 + random.nextInt(100);
        List<String> file = keys(random, random.nextInt(2_000));
        Collections.shuffle(file, random);

        Result out = pass(file, capacity);

        assertThat(out.lines).containsExactlyInAnyOrderElementsOf(file);
        long descents = IntStream.range(1, out.lines.size())
                .filter(i -> byBytes(out.lines.get(i - 1), out.lines.get(i)) > 0).count();
        assertThat(out.outOfOrder).isEqualTo(descents);
        if (file.size() > 4 * capacity) {
            assertThat(out.outOfOrder).isPositive();
        }
    }

    @Test
    void theOrderIsThatOfTheBytesSoAShorterCodeComesFirst() {
        // "A\t…" before "AB\t…": the tab is below every character of a code, as in the key under the C collation.
        Result out = pass(List.of("EMIGRANTS2\t2022\tx", "EMIGRANTS\t2023\tx", "EMIGRANTS\t2022\tx",
                "Ж\t2022\tx", "Z\t2022\tx"), 8);

        assertThat(out.lines).containsExactly("EMIGRANTS\t2022\tx", "EMIGRANTS\t2023\tx", "EMIGRANTS2\t2022\tx",
                "Z\t2022\tx", "Ж\t2022\tx");
    }

    @Test
    void aWindowOfFewerThanTwoRowsIsRefused() {
        assertThatThrownBy(() -> new KeyOrderWindow(1, (b, f, l) -> { }))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private record Result(List<String> lines, long outOfOrder) {
    }

    private static Result pass(List<String> file, int capacity) {
        List<String> lines = new ArrayList<>();
        KeyOrderWindow window = new KeyOrderWindow(capacity,
                (b, from, length) -> lines.add(new String(b, from, length, StandardCharsets.UTF_8)));
        int added = 0;
        for (String line : file) {
            window.line().encoded(line.getBytes(StandardCharsets.UTF_8)).end();
            window.added();
            added++;
            // It holds at most a window of rows: memory stays flat however long the file.
            assertThat(added - lines.size()).isBetween(0, capacity - 1);
        }
        window.flush();
        return new Result(lines, window.outOfOrder());
    }

    /** Distinct keys like an observation's first cells, in byte order. */
    private static List<String> keys(Random random, int n) {
        String[] regions = {"100000000", "110000000", "750000000", "790000000"};
        String[] countries = {"_T", "CN", "DE", "KG", "RU", "US"};
        List<String> out = new ArrayList<>();
        for (int i = 0; out.size() < n; i++) {
            String indicator = random.nextInt(20) == 0 ? "EMIGRANTS_RATE" : "EMIGRANTS";
            out.add(indicator + "\t" + (2000 + i / 24) + "\t" + regions[i % 4] + "\t" + countries[(i / 4) % 6]
                    + "\t" + random.nextInt(1000));
        }
        return new ArrayList<>(out.stream().distinct().sorted(KeyOrderWindowTest::byBytes).toList());
    }

    private static int byBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }
}
