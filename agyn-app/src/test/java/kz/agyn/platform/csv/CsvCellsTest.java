package kz.agyn.platform.csv;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class CsvCellsTest {

    @ParameterizedTest
    @CsvSource(delimiter = '|', quoteCharacter = '`', value = {
        "plain|plain",
        "`=HYPERLINK(\"http://x\")`|`\"'=HYPERLINK(\"\"http://x\"\")\"`",
        "+cmd|'+cmd",
        "@SUM(A1)|'@SUM(A1)",
        "-2+3|'-2+3",
        "-12|-12",
        "-12.5|-12.5",
        "-1E+3|-1E+3",
        "a,b|`\"a,b\"`",
        "a;b|`\"a;b\"`",
        "`say \"hi\"`|`\"say \"\"hi\"\"\"`",
    })
    void cellsAreQuotedAndFormulasDefused(String in, String out) {
        assertThat(CsvCells.cell(in)).isEqualTo(out);
    }

    @org.junit.jupiter.api.Test
    void aLeadingTabOrCarriageReturnIsDefusedToo() {
        assertThat(CsvCells.cell("\t=1+1")).isEqualTo("'\t=1+1");
        assertThat(CsvCells.cell("\r=1+1")).isEqualTo("\"'\r=1+1\"");
        assertThat(CsvCells.cell(null)).isEmpty();
    }
}
