package kz.agyn.note.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.math.BigDecimal;
import java.util.List;

import kz.agyn.AgynTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.beans.factory.annotation.Autowired;

/** The check on the seed note as given, and on consistent notes, against the warehouse's demonstration data. */
class NoteCheckerTest extends AgynTest {

    @Autowired
    NoteChecker checker;

    private static List<BigDecimal> values(Finding f) {
        return f.figures().stream().map(Figure::value).map(BigDecimal::stripTrailingZeros).toList();
    }

    private static boolean has(Finding f, String... values) {
        List<BigDecimal> vs = values(f);
        for (String v : values) {
            if (vs.stream().noneMatch(x -> x.compareTo(new BigDecimal(v)) == 0)) {
                return false;
            }
        }
        return true;
    }

    @Test
    void findsTheFourContradictionsOfTheSeedNote() {
        NoteChecker.Report r = checker.check(FigureExtractorTest.resource("seed-note-kk.txt"));
        List<Finding> contradictions = r.findings().stream()
                .filter(f -> f.kind() == Finding.Kind.CONTRADICTION).toList();
        // 1,200 against 31,287 who left in 2022.
        assertThat(contradictions).anySatisfy(f -> assertThat(has(f, "31287", "1200")).isTrue());
        // 10% against 60% of Bolashak scholars not returning (the text says 40% returned).
        assertThat(contradictions).anySatisfy(f -> {
            assertThat(has(f, "10", "40")).isTrue();
            assertThat(f.subject()).startsWith("NOT_RETURNED|PERCENT");
        });
        // 150 bn against 5 bn KZT for research in 2023.
        assertThat(contradictions).anySatisfy(f -> assertThat(has(f, "150000000000", "5000000000")).isTrue());
        // Table 3's shares summing to 110%.
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.SHARES);
            assertThat(f.figures()).allSatisfy(x -> assertThat(x.place().table()).isEqualTo(3));
            assertThat(f.expected().get(0).value()).isEqualTo("110");
        });
        // Table 1's shares do sum to 100%.
        assertThat(r.findings()).noneSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.SHARES);
            assertThat(f.figures().get(0).place().table()).isEqualTo(1);
        });
        // The warehouse holds 31,287 emigrants for 2022: the conclusion's 1,200 disagrees, the introduction agrees.
        assertThat(r.findings()).anySatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.WAREHOUSE);
            assertThat(f.figures().get(0).value()).isEqualByComparingTo("1200");
            assertThat(f.expected()).extracting(Finding.Competing::value).contains("31287");
        });
        assertThat(r.findings()).noneSatisfy(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.WAREHOUSE);
            assertThat(f.figures().get(0).value()).isEqualByComparingTo("31287");
        });
        // The main text's 150 bn (line 21) cites nothing; the introduction's 31 287 cites [1].
        List<Finding> unsourced = r.findings().stream().filter(f -> f.kind() == Finding.Kind.UNSOURCED).toList();
        assertThat(unsourced).anySatisfy(f -> assertThat(f.figures().get(0).place().line()).isEqualTo(21));
        assertThat(unsourced).noneSatisfy(f -> assertThat(f.figures().get(0).place().line()).isEqualTo(15));
        // Proposals need no source: the recommendations' targets are not reported as unsourced.
        assertThat(unsourced.stream().flatMap(f -> f.figures().stream()))
                .noneMatch(x -> x.role() == Figure.Role.TARGET);
    }

    @ParameterizedTest
    @ValueSource(strings = {"consistent-note-ru.txt", "consistent-note-en.txt"})
    void raisesNothingOnAConsistentNote(String name) {
        NoteChecker.Report r = checker.check(FigureExtractorTest.resource(name));
        assertThat(r.figures()).hasSizeGreaterThan(20);
        assertThat(r.findings()).as("findings on %s", name).isEmpty();
    }

    @Test
    void sharesDeclaredAsSuchMustSumTo100() {
        String text = """
                #### Таблица 1

                Причины отъезда

                Причина\tДоля, %
                Заработная плата\t45%
                Карьера\t30%
                [1] – источник.\t
                """;
        NoteChecker.Report r = checker.check(text);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.SHARES);
            assertThat(f.expected().get(0).value()).isEqualTo("75");
        });
    }

    /**
     * A table of scenarios holds projections, not the year's facts: a scenario's emigrants contradict neither the
     * text's emigrants nor each other, nor are they set against the warehouse; without a source they are still
     * reported.
     */
    @Test
    void aScenarioTableHoldsProjectionsThatContradictNoFact() {
        String text = """
                In 2024 the number of people who left Kazakhstan was 30,946 [1].

                Table 1. Scenarios against the baseline, 2029

                Measure\tBaseline\tResearchers' pay +30%\tDifference from the baseline
                Emigrants a year, persons\t7,000\t8,000\t+1,000
                Compiled by the author from the scenario run [2].

                Table 2. Scenarios against the baseline, 2030

                Measure\tBaseline\tResearchers' pay +30%
                Emigrants a year, persons\t7,100\t8,100

                1. Agyn. Emigration [Data set].

                2. Agyn. Policy scenario run [Data set].
                """;
        NoteChecker.Report r = checker.check(text);
        assertThat(r.figures()).filteredOn(f -> f.place().inTable())
                .allMatch(f -> f.role() == Figure.Role.PROJECTION);
        assertThat(r.findings()).singleElement().satisfies(f -> {
            assertThat(f.kind()).isEqualTo(Finding.Kind.UNSOURCED);
            assertThat(f.figures()).extracting(Figure::text).containsExactly("7,100", "8,100");
        });
    }
}
