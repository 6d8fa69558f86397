package kz.agyn.tabular;

import java.io.BufferedWriter;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Random;

/**
 * Not a test: a rough throughput check of the CSV reader, run by hand. Writes 1,000,000 rows of a 12-column
 * semicolon CSV with Cyrillic text and decimal commas to a temporary file, reads it three times and prints rows
 * per second and the heap in use. {@code java -cp <test classpath> kz.agyn.tabular.CsvThroughput [rows]}
 */
public final class CsvThroughput {

    private CsvThroughput() {
    }

    public static void main(String[] args) throws IOException, TabularException {
        int rows = args.length > 0 ? Integer.parseInt(args[0]) : 1_000_000;
        Path file = Files.createTempFile("agyn-throughput-", ".csv");
        try {
            write(file, rows);
            System.out.printf("%,d rows, %,d bytes%n", rows, Files.size(file));
            for (int run = 1; run <= 3; run++) {
                long start = System.nanoTime();
                long count = 0;
                long cells = 0;
                byte[] head;
                try (InputStream in = Files.newInputStream(file)) {
                    head = in.readNBytes(64 * 1024);
                }
                try (TableReader r = TableReaders.csv(Files.newInputStream(file), "t.csv", CsvOptions.detect(head))) {
                    for (Row row; (row = r.next()) != null; ) {
                        count++;
                        cells += row.cells().size();
                    }
                }
                double seconds = (System.nanoTime() - start) / 1e9;
                Runtime rt = Runtime.getRuntime();
                System.out.printf("run %d: %,d rows (%,d cells) in %.2f s = %,.0f rows/s; heap used %,d MB%n", run,
                        count, cells, seconds, count / seconds, (rt.totalMemory() - rt.freeMemory()) >> 20);
            }
        } finally {
            Files.deleteIfExists(file);
        }
    }

    private static void write(Path file, int rows) throws IOException {
        Random random = new Random(1);
        String[] regions = {"Астана", "Алматы", "Шымкент", "Карагандинская область", "\"Область Абай; центр\""};
        try (BufferedWriter w = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
            w.write("Регион;Год;Пол;Возраст;Страна;Образование;Число;Доля;Средний доход;Код;Источник;Примечание\n");
            for (int i = 0; i < rows; i++) {
                w.write(regions[i % regions.length]);
                w.write(';');
                w.write(Integer.toString(2000 + i % 24));
                w.write(i % 2 == 0 ? ";M;" : ";F;");
                w.write(Integer.toString(18 + random.nextInt(50)));
                w.write(";RU;высшее;");
                w.write(Integer.toString(random.nextInt(100_000)));
                w.write(';');
                w.write(random.nextInt(100) + "," + random.nextInt(10));
                w.write(';');
                w.write(random.nextInt(1000) + " " + (100 + random.nextInt(900)) + "," + random.nextInt(100));
                w.write(";KZ-" + (10 + i % 20));
                w.write(";БНС;\n");
            }
        }
    }
}
