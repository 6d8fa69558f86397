package kz.agyn.warehouse.internal;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;
import java.util.Random;

import kz.agyn.kernel.Period;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.postgresql.copy.CopyIn;
import org.postgresql.util.ByteStreamWriter;

/** The spool hands COPY every validated row once, in the order of the table's key, whatever order the file had. */
class SpoolTest {

    @TempDir
    Path dir;

    @Test
    void rowsInManyRunsReachCopyOnceEachInKeyOrder() throws Exception {
        List<Obs> rows = rows(500);
        Path spool = spool(rows, 4_000);
        assertThat(Files.readAllLines(dir.resolve("s.copy.runs"))).hasSizeGreaterThan(3);

        List<String> copied = copy(spool);

        assertThat(copied).hasSize(rows.size()).allMatch(l -> l.startsWith("7\t"));
        assertThat(copied).isSortedAccordingTo(SpoolTest::byBytes);
        assertThat(copied).doesNotHaveDuplicates();
        assertThat(copied.stream().map(l -> l.split("\t")[12]).sorted().toList())
                .isEqualTo(rows.stream().map(o -> o.value().toPlainString()).sorted().toList());
    }

    @Test
    void oneRunNeedsNoListAndIsSortedToo() throws Exception {
        Path spool = spool(rows(50), 1 << 20);
        assertThat(dir.resolve("s.copy.runs")).doesNotExist();
        assertThat(copy(spool)).hasSize(50).isSortedAccordingTo(SpoolTest::byBytes);
    }

    @Test
    void aListThatDoesNotFitTheSpoolIsIgnoredAndEveryRowStillWritten() throws Exception {
        Path spool = spool(rows(200), 2_000);
        Files.writeString(dir.resolve("s.copy.runs"), "10\n5\n");
        assertThat(copy(spool)).hasSize(200).doesNotHaveDuplicates();
        Files.writeString(dir.resolve("s.copy.runs"), "100\n" + (Files.size(spool) + 1) + "\n");
        assertThat(copy(spool)).hasSize(200).doesNotHaveDuplicates();
    }

    @Test
    void deleteRemovesTheListOfRuns() throws Exception {
        Path spool = spool(rows(100), 1_000);
        ObservationCopier.Spool.delete(spool);
        assertThat(spool).doesNotExist();
        assertThat(dir.resolve("s.copy.runs")).doesNotExist();
    }

    @Test
    void theKeyHashIsTheHashOfTheKey() {
        for (Obs o : rows(20)) {
            assertThat(o.keyHash()).isEqualTo(LongLongMap.hash(o.key()));
        }
    }

    /** PostgreSQL's C collation: unsigned bytes. */
    private static int byBytes(String a, String b) {
        return Arrays.compareUnsigned(a.getBytes(StandardCharsets.UTF_8), b.getBytes(StandardCharsets.UTF_8));
    }

    private Path spool(List<Obs> rows, int runBytes) throws IOException {
        Path file = dir.resolve("s.copy");
        try (ObservationCopier.Spool spool = new ObservationCopier.Spool(file, runBytes)) {
            rows.forEach(spool::add);
        }
        return file;
    }

    private static List<String> copy(Path spool) throws Exception {
        FakeCopy sink = new FakeCopy();
        try (ObservationCopier copier = new ObservationCopier(sink, 7)) {
            copier.addSpool(spool, read -> { }, () -> false);
            copier.finish();
            List<String> lines = List.of(sink.out.toString(StandardCharsets.UTF_8).split("\n"));
            assertThat(copier.rows()).isEqualTo(lines.size());
            return lines;
        }
    }

    /** Distinct keys in a shuffled order, periods of every frequency, values of a few shapes. */
    private static List<Obs> rows(int n) {
        String[] periods = {"2022", "2022-Q4", "2022-11", "2023", "2023-Q1", "2023-01", "2024-12"};
        String[] regions = {"100000000", "710000000", "750000000", "000000000"};
        String[] countries = {"RU", "DE", "_T", "US", "CN"};
        String[] sexes = {"M", "F", "_T"};
        List<Obs> rows = new ArrayList<>();
        for (int i = 0; rows.size() < n; i++) {
            String p = periods[i % periods.length];
            String value = i % 3 == 0 ? Integer.toString(i) : i % 3 == 1 ? "-" + i + ".5" : "0.00" + i;
            rows.add(new Obs(i % 2 == 0 ? "EMIGRANTS" : "NET_MIGRATION", Period.parse(p), p,
                    regions[(i / 7) % regions.length], "_T", Integer.toString(i / 28 % 9),
                    countries[(i / 252) % countries.length], sexes[(i / 1260) % sexes.length], "Y" + (i / 3780),
                    "EMI", new BigDecimal(value), 0, "A", i + 2));
        }
        Collections.shuffle(rows, new Random(42));
        return rows;
    }

    private static final class FakeCopy implements CopyIn {
        final ByteArrayOutputStream out = new ByteArrayOutputStream();
        boolean active = true;

        @Override
        public void writeToCopy(byte[] buf, int off, int siz) {
            out.write(buf, off, siz);
        }

        @Override
        public void writeToCopy(ByteStreamWriter from) {
            throw new UnsupportedOperationException();
        }

        @Override
        public void flushCopy() {
        }

        @Override
        public long endCopy() {
            active = false;
            return 0;
        }

        @Override
        public int getFieldCount() {
            return 15;
        }

        @Override
        public int getFormat() {
            return 0;
        }

        @Override
        public int getFieldFormat(int field) {
            return 0;
        }

        @Override
        public boolean isActive() {
            return active;
        }

        @Override
        public void cancelCopy() {
            active = false;
        }

        @Override
        public long getHandledRowCount() {
            return 0;
        }
    }
}
