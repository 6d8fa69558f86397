package kz.agyn.bench.residency;

import java.nio.file.Path;
import java.util.Locale;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.parquet.ExtractsParquet;

/**
 * {@code Embedded DIR OUT}: the embedded engine end to end, as the application runs it: read the three Parquet
 * files ({@link ExtractsParquet}), estimate ({@link Estimator#run}: activity, calibration, verdicts and aggregates),
 * and write the aggregates to OUT for the other engines to be checked against.
 */
public final class Embedded {

    private Embedded() {
    }

    public static void main(String[] args) throws Exception {
        Path dir = Path.of(args[0]);
        long t0 = System.nanoTime();
        Extracts x = ExtractsParquet.read(Cells.period(), dir);
        long t1 = System.nanoTime();
        Estimate e = Estimator.run(x, EstimatorSettings.defaults());
        long t2 = System.nanoTime();
        Cells.write(Cells.of(e.cells()), Path.of(args[1]));
        System.out.printf(Locale.ROOT, "embedded: %d persons, %d emigrated; read %.1f s, estimate %.1f s, "
                + "total %.1f s%n", x.persons(), e.total().emigrated(), (t1 - t0) / 1e9, (t2 - t1) / 1e9,
                (t2 - t0) / 1e9);
        System.out.printf(Locale.ROOT, "seconds %.2f%n", (t2 - t0) / 1e9);
    }
}
