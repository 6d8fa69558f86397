package kz.agyn.tabular;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Writes the seed inputs of {@link TabularFuzzTest} from the test fixtures. Run from the project directory
 * after changing a fixture: {@code java -cp <test classpath> kz.agyn.tabular.FuzzSeeds}.
 */
final class FuzzSeeds {

    private FuzzSeeds() {
    }

    public static void main(String[] args) throws IOException {
        Path root = Path.of("src/test/resources/kz/agyn/tabular/TabularFuzzTestInputs");
        write(root.resolve("xlsx/bureau.xlsx"), Fixtures.bureauWorkbook());
        write(root.resolve("xlsx/types.xlsx"), Fixtures.typesWorkbook());
        write(root.resolve("sdmxCsv/v21.csv"), Fixtures.utf8(Fixtures.SDMX_CSV_21));
        write(root.resolve("sdmxCsv/v30.csv"), Fixtures.utf8(Fixtures.SDMX_CSV_30));
        write(root.resolve("sdmxCsv/labels.csv"), Fixtures.utf8(Fixtures.SDMX_CSV_LABELS));
        write(root.resolve("sdmxMl/series.xml"), Fixtures.utf8(Fixtures.SDMX_ML_SERIES));
        write(root.resolve("sdmxMl/flat.xml"), Fixtures.utf8(Fixtures.SDMX_ML_FLAT));
    }

    private static void write(Path file, byte[] bytes) throws IOException {
        Files.createDirectories(file.getParent());
        Files.write(file, bytes);
    }
}
