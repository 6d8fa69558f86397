package kz.agyn.tabular;

import static kz.agyn.tabular.Fixtures.utf8;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatAndNumbersTest {

    @Test
    void sniff() {
        assertThat(Format.sniff(new byte[] {'P', 'K', 3, 4, 0}, "x")).isEqualTo(Format.XLSX);
        assertThat(Format.sniff(utf8("\uFEFF  \n<?xml version='1.0'?>"), "x")).isEqualTo(Format.SDMX_ML);
        assertThat(Format.sniff(utf8("DATAFLOW,REF_AREA\n"), "x")).isEqualTo(Format.SDMX_CSV);
        assertThat(Format.sniff(utf8("\"dataflow\";REF_AREA\n"), "x")).isEqualTo(Format.SDMX_CSV);
        assertThat(Format.sniff(utf8("Structure,STRUCTURE_ID\n"), "x")).isEqualTo(Format.SDMX_CSV);
        assertThat(Format.sniff(utf8("Регион,Год\n"), "x")).isEqualTo(Format.CSV);
        assertThat(Format.sniff(utf8("DATAFLOWS,x\n"), "x")).isEqualTo(Format.CSV);
        assertThat(Format.sniff(new byte[0], "report.XLSX")).isEqualTo(Format.XLSX);
        assertThat(Format.sniff(null, null)).isEqualTo(Format.CSV);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', nullValues = "NULL", value = {
        "1 234,5|true|1234.5",
        "1\u00A0234\u00A0567,25|true|1234567.25",
        "1\u202F234|false|1234",
        "-12|false|-12",
        "\u22123,5|true|-3.5",
        "12.5|false|12.5",
        "12.5|true|12.5",
        "+7|true|7",
        ",5|true|0.5",
        "1,234.5|false|1234.5",
        "1,234,567|false|1234567",
        "  42  |true|42",
        "12,5|false|NULL",
        "12,5,3|true|NULL",
        "12,5,3|false|NULL",
        "abc|true|NULL",
        "''|true|NULL",
        "1e3|false|NULL",
        "12 5|true|NULL",
        "1234 567|true|NULL",
        "1 234,5|false|NULL",
        "5.|false|NULL",
        "-|false|NULL",
        "1.2.3|false|NULL",
        "12%|true|NULL",
    })
    void normalizeNumber(String cell, boolean decimalComma, String expected) {
        assertThat(Numbers.normalizeNumber(cell, decimalComma)).isEqualTo(expected);
    }

    /** Scientific notation, as statistical software exports it, written out in full (issue 15). */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "1e12|false|1000000000000",
        "1E+3|false|1000",
        "8.14013304708237E-09|false|0.00000000814013304708237",
        "-2,5e2|true|-250",
        "1 234|true|1234",
        "1e41|false|NULL",
        "1e|false|NULL",
        "e5|false|NULL",
        "1e2.5|false|NULL",
        "abc|false|NULL",
    })
    void normalizeNumberOrExponent(String cell, boolean decimalComma, String expected) {
        assertThat(Numbers.normalizeNumberOrExponent(cell, decimalComma))
                .isEqualTo("NULL".equals(expected) ? null : expected);
    }

    @Test
    void nullIsNotANumber() {
        assertThat(Numbers.normalizeNumber(null, true)).isNull();
    }

    @Test
    void locationsRead() {
        assertThat(new Location("data.csv", null, 12, 3)).hasToString("data.csv, row 12, column 3");
        assertThat(new Location("report.xlsx", "Table 1", 5, 2))
                .hasToString("report.xlsx, sheet 'Table 1', row 5, column B");
        assertThat(new Location("r.xlsx", "S", 1, 28)).hasToString("r.xlsx, sheet 'S', row 1, column AB");
        assertThat(new Location("f.csv", null, 0, 0)).hasToString("f.csv");
    }

    @Test
    void rowHelpers() {
        Row r = new Row(3, java.util.List.of("a", " \u00A0"), new Location("f", null, 3, 0));
        assertThat(r.cell(1)).isEqualTo(" \u00A0");
        assertThat(r.cell(5)).isEmpty();
        assertThat(r.cell(-1)).isEmpty();
        assertThat(r.blank()).isFalse();
        assertThat(new Row(1, java.util.List.of("", "\u00A0 "), null).blank()).isTrue();
    }
}
