package kz.agyn.bench.residency;

import java.nio.file.Path;
import java.util.Locale;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import kz.agyn.residency.parquet.ExtractsParquet;

/** {@code Generate PERSONS DIR}: a synthetic country (seed 1, 12 registers, the bench's period) as Parquet. */
public final class Generate {

    private Generate() {
    }

    public static void main(String[] args) throws Exception {
        int persons = Integer.parseInt(args[0]);
        Path dir = Path.of(args[1]);
        long t0 = System.nanoTime();
        Country c = CountryGenerator.generate(CountrySettings.defaults(persons, 1).withPeriod(Cells.period()));
        long t1 = System.nanoTime();
        ExtractsParquet.write(c.extracts(), dir);
        long t2 = System.nanoTime();
        System.out.printf(Locale.ROOT, "generated %d persons in %.1f s, written as Parquet in %.1f s%n", persons,
                (t1 - t0) / 1e9, (t2 - t1) / 1e9);
    }
}
