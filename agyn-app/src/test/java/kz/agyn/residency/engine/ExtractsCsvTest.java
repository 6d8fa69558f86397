package kz.agyn.residency.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.StringReader;
import java.io.StringWriter;
import java.text.MessageFormat;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.ResourceBundle;
import java.util.stream.Stream;
import kz.agyn.kernel.Iin;
import kz.agyn.kernel.Sex;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** The CSV extracts: what is written reads back the same, and each kind of bad input is refused, located, in three languages. */
class ExtractsCsvTest {

    static final Period PERIOD = new Period(java.time.YearMonth.of(2024, 1), 24);
    static final String A = "a".repeat(64);
    static final String B = "0123456789abcdef".repeat(4);
    static final String HEADER = "person,register,first_month,mask,region,age,sex,isced,isco\n";
    static final String MASK = "1".repeat(24);
    static final String IIN = Iin.of(LocalDate.of(1990, 5, 17), Sex.MALE, 1234)
            .or(() -> Iin.of(LocalDate.of(1990, 5, 17), Sex.MALE, 1235)).orElseThrow().value();

    @Test
    void aGeneratedCountryReadsBackAsItWasWritten() {
        Country c = CountryGenerator.generate(CountrySettings.defaults(5_000, 3));
        Extracts x = c.extracts();
        StringWriter extracts = new StringWriter();
        StringWriter crossings = new StringWriter();
        StringWriter statuses = new StringWriter();
        ExtractsCsv.write(x, extracts, crossings, statuses);
        Extracts back = ExtractsCsv.read(x.period(), new StringReader(extracts.toString()),
                new StringReader(crossings.toString()), new StringReader(statuses.toString()));
        assertThat(back.persons()).isEqualTo(x.persons());
        int[] m1 = new int[Register.COUNT];
        int[] m2 = new int[Register.COUNT];
        for (int p = 0; p < x.persons(); p++) {
            assertThat(back.key(p)).isEqualTo(x.key(p));
            x.masks(p, m1);
            back.masks(p, m2);
            assertThat(m2).as("person %d", p).isEqualTo(m1);
            assertThat(new int[] {back.region(p), back.age(p), back.sex(p), back.isced(p), back.isco(p)})
                    .isEqualTo(new int[] {x.region(p), x.age(p), x.sex(p), x.isced(p), x.isco(p)});
            assertThat(new int[] {back.lastExit(p), back.lastEntry(p), back.deregistered(p), back.died(p),
                    back.confirmed(p)}).isEqualTo(new int[] {x.lastExit(p), x.lastEntry(p), x.deregistered(p),
                    x.died(p), x.confirmed(p)});
        }
    }

    @Test
    void aGoodFileIsReadWithItsAttributesAndCrossings() {
        String extracts = HEADER + A + ",TAX,2024-03,0011," + "750000000,34,F,7,2511\n"
                + A + ",BANK,2024-01," + MASK + ",,,,,\n"
                + "\"" + B + "\",PENSION,2025-12,1,591010000,,M,,\n";
        Extracts x = ExtractsCsv.read(PERIOD, new StringReader(extracts),
                new StringReader("person,date,direction\n" + A + ",2024-06-01,EXIT\n" + A + ",2024-02-01,EXIT\n"),
                new StringReader("person,month,event\n" + B + ",2024-05,PRESENT\n"));
        assertThat(x.persons()).isEqualTo(2);
        assertThat(x.mask(0, Register.TAX.ordinal())).isEqualTo(0b11 << 4);
        assertThat(x.mask(0, Register.BANK.ordinal())).isEqualTo(PERIOD.allMonths());
        assertThat(x.mask(1, Register.PENSION.ordinal())).isEqualTo(1 << 23);
        assertThat(new int[] {x.region(0), x.age(0), x.sex(0), x.isced(0), x.isco(0)})
                .isEqualTo(new int[] {75, 34, 2, 7, 25});
        assertThat(new int[] {x.region(1), x.age(1), x.sex(1), x.isced(1), x.isco(1)})
                .isEqualTo(new int[] {59, -1, 1, -1, -1});
        assertThat(x.lastExit(0)).isEqualTo((int) LocalDate.of(2024, 6, 1).toEpochDay());
        assertThat(x.lastEntry(0)).isEqualTo(Extracts.NO_DAY);
        assertThat(x.confirmed(1)).isEqualTo(4);
    }

    static Stream<Arguments> badInput() {
        String row = A + ",TAX,2024-01," + MASK + ",750000000,34,F,7,2511\n";
        return Stream.of(
                Arguments.of("missing column", "person,register,first_month,region,age,sex,isced,isco\n",
                        "residency.extract.missingColumn", 1L, "mask"),
                Arguments.of("mask longer than the period", HEADER + A + ",TAX,2025-06," + "1".repeat(8) + ",,,,,\n",
                        "residency.extract.maskTooLong", 2L, "8"),
                Arguments.of("unknown register", HEADER + A + ",PASSPORT,2024-01,1,,,,,\n",
                        "residency.extract.unknownRegister", 2L, "TAX, PENSION"),
                Arguments.of("duplicate person × register", HEADER + row + row,
                        "residency.extract.duplicate", 3L, "TAX"),
                Arguments.of("valid IIN in clear", HEADER + IIN + ",TAX,2024-01,1,,,,,\n",
                        "residency.extract.clearIin", 2L, ""),
                Arguments.of("12 digits in clear, wrong check digit", HEADER
                        + IIN.substring(0, 11) + ((IIN.charAt(11) - '0' + 1) % 10) + ",TAX,2024-01,1,,,,,\n",
                        "residency.extract.clearIin", 2L, ""),
                Arguments.of("IIN with spaces", HEADER + IIN.substring(0, 6) + " " + IIN.substring(6)
                        + ",TAX,2024-01,1,,,,,\n", "residency.extract.clearIin", 2L, ""),
                Arguments.of("not a hash", HEADER + "abc,TAX,2024-01,1,,,,,\n", "residency.extract.badPerson", 2L, ""),
                Arguments.of("mask not binary", HEADER + A + ",TAX,2024-01,10x1,,,,,\n",
                        "residency.extract.badMask", 2L, ""),
                Arguments.of("month before the period", HEADER + A + ",TAX,2023-12,1,,,,,\n",
                        "residency.extract.monthOutside", 2L, "2024-01"),
                Arguments.of("bad age", HEADER + A + ",TAX,2024-01,1,,140,,,\n", "residency.extract.badAge", 2L, "120"),
                Arguments.of("bad ISCO", HEADER + A + ",TAX,2024-01,1,,,,,7\n", "residency.extract.badIsco", 2L, "ISCO"),
                Arguments.of("short row", HEADER + A + ",TAX,2024-01\n", "residency.extract.badWidth", 2L, "9"),
                Arguments.of("empty file", "", "residency.extract.empty", 1L, ""));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badInput")
    void badExtractsAreRefusedWithALocatedMessageInEachLanguage(String name, String text, String code, long line,
                                                               String mentioned) {
        ExtractException e = catchThrowableOfType(
                () -> ExtractsCsv.read(PERIOD, new StringReader(text), null, null), ExtractException.class);
        assertThat(e).as(name).isNotNull();
        ExtractProblem first = e.problems().get(0);
        assertThat(first.code()).isEqualTo(code);
        assertThat(first.line()).isEqualTo(line);
        assertThat(first.file()).isEqualTo(ExtractsCsv.EXTRACTS);
        assertThat(e.getMessage()).doesNotContain(IIN);
        List<String> messages = messages(first);
        assertThat(messages).allSatisfy(m -> {
            assertThat(m).contains("extracts.csv").contains(mentioned).doesNotContain(IIN).doesNotContain("{");
            if (line > 1) {
                assertThat(m).contains(Long.toString(line));
            }
        });
        assertThat(messages).doesNotHaveDuplicates();
    }

    @Test
    void crossingsAndStatusesAreCheckedToo() {
        String extracts = HEADER + A + ",TAX,2024-01,1,,,,,\n";
        ExtractException e = catchThrowableOfType(() -> ExtractsCsv.read(PERIOD, new StringReader(extracts),
                new StringReader("person,date,direction\n" + A + ",2024-13-01,EXIT\n" + B + ",2024-01-01,EXIT\n"
                        + A + ",2024-01-01,OUT\n" + IIN + ",2024-01-01,EXIT\n"),
                null), ExtractException.class);
        assertThat(e.problems()).extracting(ExtractProblem::code).containsExactly("residency.crossing.badDate",
                "residency.extract.unknownPerson", "residency.crossing.badDirection", "residency.extract.clearIin");
        assertThat(e.problems()).extracting(ExtractProblem::line).containsExactly(2L, 3L, 4L, 5L);

        ExtractException s = catchThrowableOfType(() -> ExtractsCsv.read(PERIOD, new StringReader(extracts), null,
                new StringReader("person,month,event\n" + A + ",2026-01,DIED\n" + A + ",2024-02,LEFT\n")),
                ExtractException.class);
        assertThat(s.problems()).extracting(ExtractProblem::code)
                .containsExactly("residency.status.monthOutside", "residency.status.badEvent");
        for (ExtractProblem p : s.problems()) {
            assertThat(messages(p)).allSatisfy(m -> assertThat(m).startsWith("statuses.csv"));
        }
    }

    @Test
    void everyProblemIsReportedAtOnceUpToTheLimit() {
        StringBuilder text = new StringBuilder(HEADER);
        for (int i = 0; i < 80; i++) {
            text.append(A).append(",NOPE,2024-01,1,,,,,\n");
        }
        ExtractException e = catchThrowableOfType(
                () -> ExtractsCsv.read(PERIOD, new StringReader(text.toString()), null, null), ExtractException.class);
        assertThat(e.problems()).hasSize(ExtractsCsv.MAX_PROBLEMS);
    }

    /** The problem's message in Kazakh, Russian and English, from the bundle the application uses. */
    static List<String> messages(ExtractProblem p) {
        return Stream.of(Locale.ROOT, Locale.forLanguageTag("ru"), Locale.ENGLISH).map(l -> {
            ResourceBundle b = ResourceBundle.getBundle("i18n/residency", l,
                    ResourceBundle.Control.getNoFallbackControl(ResourceBundle.Control.FORMAT_PROPERTIES));
            return new MessageFormat(b.getString(p.code()), l).format(p.arguments());
        }).toList();
    }
}
