package kz.agyn.platform.copy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;

import org.junit.jupiter.api.Test;

/** COPY's text format, byte for byte: what must be escaped is, and everything else is written as it is. */
class CopyTextTest {

    @Test
    void cellsAreTabSeparatedAndRowsEndWithANewline() {
        CopyText t = new CopyText(4);
        t.number(7).text("EMIGRANTS").nul().end().text("x").end();
        assertThat(text(t)).isEqualTo("7\tEMIGRANTS\t\\N\nx\n");
    }

    @Test
    void textEscapesBackslashTabNewlineAndCarriageReturn() {
        assertThat(cell("a\\b\tc\nd\re")).isEqualTo("a\\\\b\\tc\\nd\\re");
        assertThat(cell("\\N")).isEqualTo("\\\\N");
        assertThat(cell("\\")).isEqualTo("\\\\");
        // Other control characters are data to COPY, not syntax.
        assertThat(cell("a\u000bb\u000cc\u0001")).isEqualTo("a\u000bb\u000cc\u0001");
        assertThat(cell("")).isEqualTo("");
        assertThat(cell(null)).isEqualTo("\\N");
    }

    @Test
    void textIsUtf8WhateverTheScript() {
        String s = "Әлихан Бөкейхан; Ülkə; 中文; 😀 and \\ after";
        CopyText t = new CopyText(1).text(s);
        assertThat(new String(t.array(), 0, t.size(), StandardCharsets.UTF_8))
                .isEqualTo(s.replace("\\", "\\\\"));
        assertThat(t.size()).isEqualTo(s.getBytes(StandardCharsets.UTF_8).length + 1);
        // Half a surrogate pair is no character: replaced as String.getBytes replaces it.
        assertThat(cell("a\ud800b")).isEqualTo("a?b");
        assertThat(cell("a\udc00")).isEqualTo("a?");
    }

    @Test
    void numbersDatesBooleansAndDecimals() {
        CopyText t = new CopyText(8);
        t.number(0).number(-1).number(Long.MAX_VALUE).number(Long.MIN_VALUE).number(1234567890L).end();
        t.date(LocalDate.of(2024, 2, 29)).date(LocalDate.of(7, 1, 5)).date(null).date(LocalDate.of(12345, 6, 7))
                .end();
        t.bool(true).bool(false).decimal(new BigDecimal("1E+3")).decimal(new BigDecimal("-0.0050")).decimal(null)
                .end();
        assertThat(text(t)).isEqualTo("0\t-1\t9223372036854775807\t-9223372036854775808\t1234567890\n"
                + "2024-02-29\t0007-01-05\t\\N\t+12345-06-07\n"
                + "t\tf\t1000\t-0.0050\t\\N\n");
    }

    @Test
    void byteaIsHexWithItsBackslashEscaped() {
        CopyText t = new CopyText(2).bytea(new byte[] {0, 1, (byte) 0xAB, (byte) 0xFF, 0x10}).bytea(new byte[0])
                .bytea(null).end();
        assertThat(text(t)).isEqualTo("\\\\x0001abff10\t\\\\x\t\\N\n");
    }

    @Test
    void encodedCellsAndRowsFromElsewhereAreCopiedAsTheyAre() {
        CopyText other = new CopyText(4).text("a b").number(1).end().text("c").end();
        CopyText t = new CopyText(4).text("x").encoded("2024\t2024-01-01\tA".getBytes(StandardCharsets.US_ASCII))
                .text("y").end().rows(other);
        assertThat(text(t)).isEqualTo("x\t2024\t2024-01-01\tA\ty\na b\t1\nc\n");
        assertThatThrownBy(() -> new CopyText(4).text("open").rows(other)).isInstanceOf(IllegalStateException.class);
    }

    @Test
    void clearKeepsNothing() {
        CopyText t = new CopyText(4).text("abc");
        t.clear();
        t.text("d").end();
        assertThat(text(t)).isEqualTo("d\n");
    }

    @Test
    void growsPastItsCapacityAtEveryKindOfCell() {
        CopyText t = new CopyText(1);
        String longText = "ж\\".repeat(10_000);
        t.text(longText).bytea(new byte[5_000]).number(-123).date(LocalDate.of(2000, 1, 1)).end();
        String out = text(t);
        assertThat(out).startsWith("ж\\\\ж").endsWith("\t-123\t2000-01-01\n");
        assertThat(out.length()).isEqualTo(30_000 + 1 + 3 + 10_000 + 1 + 4 + 1 + 10 + 1);
    }

    private static String cell(String s) {
        return text(new CopyText(1).text(s));
    }

    private static String text(CopyText t) {
        return new String(t.array(), 0, t.size(), StandardCharsets.UTF_8);
    }
}
