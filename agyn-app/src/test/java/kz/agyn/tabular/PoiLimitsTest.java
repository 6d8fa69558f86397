package kz.agyn.tabular;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.ByteArrayInputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;

import org.apache.poi.openxml4j.util.ZipSecureFile;
import org.apache.poi.util.IOUtils;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * POI's zip-bomb limits are the ones {@link PoiLimits} states, in force as soon as a workbook is read, and a tiny
 * workbook that unpacks a thousandfold is refused as a zip bomb — naming the file, saying what is wrong — through
 * every way a workbook is opened, not read to its end and not an OutOfMemoryError.
 */
class PoiLimitsTest {

    static final List<String> COLUMNS = List.of("region", "year", "value");

    @Test
    void theLimitsAreSetExplicitly() throws Exception {
        // Reading any workbook applies them, as the application does at start-up.
        Inputs.readXlsx(Fixtures.bureauWorkbook());
        assertThat(ZipSecureFile.getMinInflateRatio()).isEqualTo(PoiLimits.MIN_INFLATE_RATIO);
        assertThat(ZipSecureFile.getMaxEntrySize()).isEqualTo(PoiLimits.MAX_ENTRY_SIZE);
        assertThat(ZipSecureFile.getMaxFileCount()).isEqualTo(PoiLimits.MAX_FILE_COUNT);
        assertThat(ZipSecureFile.getMaxTextSize()).isEqualTo(PoiLimits.MAX_TEXT_SIZE);
        assertThat(IOUtils.getByteArrayMaxOverride()).isEqualTo(PoiLimits.MAX_BYTE_ARRAY);
        assertThat(PoiLimits.describe()).contains("0.01").contains("2048 MB");
    }

    @Test
    void aSheetThatUnpacksAThousandfoldIsRefusedAsAZipBomb(@TempDir Path dir) throws Exception {
        refused(ZipBombs.sheet(COLUMNS), dir);
    }

    @Test
    void sharedStringsThatUnpackAThousandfoldAreRefusedAsAZipBomb(@TempDir Path dir) throws Exception {
        refused(ZipBombs.sharedStrings(COLUMNS), dir);
    }

    private static void refused(byte[] bomb, Path dir) throws Exception {
        assertThat(bomb.length).as("a tiny file").isLessThan(ZipBombs.PADDING_MB << 11);
        Path file = Files.write(dir.resolve("bomb.xlsx"), bomb);
        List<ThrowingOpen> ways = List.of(
                () -> Inputs.drain(TableReaders.xlsx(new ByteArrayInputStream(bomb), "bomb.xlsx", null)),
                () -> Inputs.drain(TableReaders.xlsx(file, "bomb.xlsx", null)),
                () -> Inputs.drain(TableReaders.open(file, "bomb.xlsx", null)),
                () -> TableReaders.preview(new ByteArrayInputStream(bomb), "bomb.xlsx", null, 10));
        for (ThrowingOpen way : ways) {
            assertThatThrownBy(way::open).isInstanceOfSatisfying(TabularException.class, e -> {
                assertThat(e.code()).isEqualTo("tabular.xlsx.zipBomb");
                assertThat(e.location().file()).isEqualTo("bomb.xlsx");
            });
        }
        String en = ResourceBundle.getBundle("i18n/tabular", Locale.ENGLISH).getString("tabular.xlsx.zipBomb");
        assertThat(en).contains("zip bomb");
    }

    @FunctionalInterface
    interface ThrowingOpen {
        void open() throws Exception;
    }
}
