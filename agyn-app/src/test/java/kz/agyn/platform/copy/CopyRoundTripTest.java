package kz.agyn.platform.copy;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

import javax.sql.DataSource;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/**
 * What {@link CopyText} encodes, PostgreSQL reads back as it was: tricky text (escapes, every script, a literal
 * "\N"), nulls of every kind, numbers at their limits, dates, booleans and bytes, over enough rows to cross several
 * of {@link CopyWriter}'s blocks.
 */
class CopyRoundTripTest extends AgynTest {

    private static final String[] TRICKY = {"", "\\", "\\N", "a\tb", "line\nbreak", "cr\rlf\r\n", "end\\",
        "Әлихан Бөкейхан", "Ülkə 中文 😀", "quote ' \" ,;", "\u0001\u000b\u000c", "x".repeat(70_000)};

    @Autowired
    DataSource dataSource;

    @Test
    void everyCellComesBackAsItWasSent() throws Exception {
        List<Object[]> sent = new ArrayList<>();
        for (int i = 0; i < 3_000; i++) {
            String text = i % 17 == 0 ? null : TRICKY[i % TRICKY.length] + i;
            byte[] bytes = i % 13 == 0 ? null : new byte[] {(byte) i, (byte) (i >> 8), 0, (byte) 0xFF, '\\', '\t'};
            sent.add(new Object[] {(long) i - 1_500, text, i % 2 == 0, LocalDate.of(1990, 1, 1).plusDays(i * 7L),
                i % 11 == 0 ? null : new BigDecimal(i + ".0" + i), bytes});
        }
        sent.add(new Object[] {Long.MIN_VALUE, "\\\\\\", false, LocalDate.of(1, 1, 1), new BigDecimal("1E+30"),
            new byte[0]});
        sent.add(new Object[] {Long.MAX_VALUE, "\t\n\r", true, LocalDate.of(9999, 12, 31), BigDecimal.ZERO, null});

        List<Object[]> back = new ArrayList<>();
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE copy_round_trip (n bigint, t text, b boolean, d date, x numeric, "
                    + "y bytea)");
            try (CopyWriter w = CopyWriter.open(c, "COPY copy_round_trip (n, t, b, d, x, y) FROM STDIN")) {
                for (Object[] r : sent) {
                    w.row().number((Long) r[0]).text((String) r[1]).bool((Boolean) r[2]).date((LocalDate) r[3])
                            .decimal((BigDecimal) r[4]).bytea((byte[]) r[5]).end();
                }
                assertThat(w.finish()).isEqualTo(sent.size());
            }
            try (ResultSet rs = st.executeQuery("SELECT n, t, b, d, x, y FROM copy_round_trip ORDER BY n")) {
                while (rs.next()) {
                    back.add(new Object[] {rs.getLong(1), rs.getString(2), rs.getBoolean(3),
                        rs.getObject(4, LocalDate.class), rs.getBigDecimal(5), rs.getBytes(6)});
                }
            }
            st.execute("DROP TABLE copy_round_trip");
        }
        assertThat(back).hasSize(sent.size());
        sent.sort(java.util.Comparator.comparingLong(r -> (Long) r[0]));
        for (int i = 0; i < sent.size(); i++) {
            Object[] s = sent.get(i);
            Object[] b = back.get(i);
            assertThat(b[0]).isEqualTo(s[0]);
            assertThat(b[1]).isEqualTo(s[1]);
            assertThat(b[2]).isEqualTo(s[2]);
            assertThat(b[3]).isEqualTo(s[3]);
            if (s[4] == null) {
                assertThat(b[4]).isNull();
            } else {
                assertThat((BigDecimal) b[4]).isEqualByComparingTo((BigDecimal) s[4]);
            }
            assertThat(Arrays.equals((byte[]) b[5], (byte[]) s[5])).as("bytes of row %d", i).isTrue();
        }
    }

    @Test
    void rowsAlreadyEncodedAndAnUnfinishedCopyLeavesNothing() throws Exception {
        try (Connection c = dataSource.getConnection(); Statement st = c.createStatement()) {
            st.execute("CREATE TEMPORARY TABLE copy_joined (n bigint, t text)");
            CopyText elsewhere = new CopyText(16).number(2).text("two\\").end().number(3).text(null).end();
            try (CopyWriter w = CopyWriter.open(c, "COPY copy_joined (n, t) FROM STDIN")) {
                w.row().number(1).text("one").end();
                w.row().rows(elsewhere);
                byte[] raw = "4\tfour\n".getBytes(java.nio.charset.StandardCharsets.UTF_8);
                w.write(raw, 0, raw.length);
                assertThat(w.finish()).isEqualTo(4);
            }
            try (ResultSet rs = st.executeQuery("SELECT string_agg(n || '=' || coalesce(t, 'null'), ',' ORDER BY n) "
                    + "FROM copy_joined")) {
                rs.next();
                assertThat(rs.getString(1)).isEqualTo("1=one,2=two\\,3=null,4=four");
            }
            try (CopyWriter w = CopyWriter.open(c, "COPY copy_joined (n, t) FROM STDIN")) {
                w.row().number(5).text("never").end();
            }
            try (ResultSet rs = st.executeQuery("SELECT count(*) FROM copy_joined")) {
                rs.next();
                assertThat(rs.getLong(1)).isEqualTo(4);
            }
            st.execute("DROP TABLE copy_joined");
        }
    }
}
