package kz.agyn.note.check;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Random;
import java.util.stream.IntStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;

/** Figure extraction on its own: number formats, places, and precision and recall on the hand-labelled set. */
class FigureExtractorTest {

    static String resource(String name) {
        try (InputStream in = FigureExtractorTest.class.getResourceAsStream("/note-check/" + name)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    private static Figure only(String text) {
        List<Figure> figures = FigureExtractor.read(text).figures();
        assertThat(figures).as(text).hasSize(1);
        return figures.get(0);
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', textBlock = """
            Елден 31 287 адам кетті [1].                  | COUNT   | 31287         |     |
            Елден 31\u00a0287 адам кетті [1].             | COUNT   | 31287         |     |
            Из страны выехали 31\u202f287 человек [1].    | COUNT   | 31287         |     |
            31,287 people emigrated [1].                  | COUNT   | 31287         |     |
            Потери составили 1,2 млн тенге [1].           | MONEY   | 1200000       |     | KZT
            The loss was 1.2 million tenge [1].           | MONEY   | 1200000       |     | KZT
            Ғылымға 150 млрд теңге бөлінді [1].           | MONEY   | 150000000000  |     | KZT
            Ресейде 2,5 трлн теңге [1].                   | MONEY   | 2500000000000 |     | KZT
            Жалақы 200 000 теңге [1].                     | MONEY   | 200000        |     | KZT
            Әлемде 2–3% деңгейінде [1].                   | PERCENT | 2             | 3   |
            Developed countries spend 2-3% of GDP [1].    | PERCENT | 2             | 3   |
            Salaries reach $60,000 a year [1].            | MONEY   | 60000         |     | USD
            В Германии — 3,000 евро [1].                  | MONEY   | 3000          |     | EUR
            Germany pays €3,000 [1].                      | MONEY   | 3000          |     | EUR
            ЖІӨ-нің 0,2%-ы [1].                           | PERCENT | 0.2           |     |
            Доля составила 15 процентов [1].              | PERCENT | 15            |     |
            2022 жылы [1].                                | YEAR    | 2022          |     |
            В 2021–2023 годах [1].                        | YEAR    | 2021          | 2023|
            Түлектер саны 1,000+ [1].                     | COUNT   | 1000          |     |
            """)
    void readsNumberFormats(String text, FigureKind kind, BigDecimal value, BigDecimal high, String currency) {
        Figure f = only(text.trim());
        assertThat(f.kind()).isEqualTo(kind);
        assertThat(f.value()).isEqualByComparingTo(value);
        if (high == null) {
            assertThat(f.high()).isNull();
        } else {
            assertThat(f.high()).isEqualByComparingTo(high);
        }
        assertThat(f.currency()).isEqualTo(currency);
    }

    @Test
    void skipsCitationsListNumbersTableNumbersAndDates() {
        String text = """
                **Күні:** 06.11.2024 ж.

                1-кестеде көрсетілгендей (2-кесте), таблица 3 және [2,3] дереккөз.

                1. Ұсыныс мәтінде сан жоқ.
                """;
        assertThat(FigureExtractor.read(text).figures()).isEmpty();
    }

    @Test
    void placesFiguresInSectionsAndTableCells() {
        FigureExtractor.NoteText t = FigureExtractor.read(resource("seed-note-kk.txt"));
        Figure emigrants = t.figures().stream().filter(f -> f.text().equals("31 287")).findFirst().orElseThrow();
        assertThat(emigrants.place().section()).isEqualTo("Кіріспе");
        assertThat(emigrants.place().line()).isEqualTo(15);
        assertThat(emigrants.sources()).containsExactly("1");
        assertThat(emigrants.subject().concept()).isEqualTo(Subject.Concept.EMIGRANTS);
        assertThat(emigrants.subject().period()).isEqualTo("2022");

        Figure private70 = t.figures().stream().filter(f -> f.place().table() == 3 && f.place().row() == 4)
                .findFirst().orElseThrow();
        assertThat(private70.value()).isEqualByComparingTo("70");
        assertThat(private70.place().column()).isEqualTo("Мәні");
        assertThat(private70.sources()).as("the table's source line").containsExactly("5");
        assertThat(private70.subject().concept()).isEqualTo(Subject.Concept.PRIVATE_SECTOR);
        assertThat(private70.subject().qualifiers()).contains("BOLASHAK");

        // The 5 bn of 2023 stands in brackets inside a proposal: a stated baseline, not a target.
        Figure fiveBn = t.figures().stream().filter(f -> f.text().startsWith("5 миллиард")).findFirst().orElseThrow();
        assertThat(fiveBn.role()).isEqualTo(Figure.Role.FACT);
        assertThat(fiveBn.subject().period()).isEqualTo("2023");
        Figure tenBn = t.figures().stream().filter(f -> f.text().startsWith("10 миллиард")).findFirst().orElseThrow();
        assertThat(tenBn.role()).isEqualTo(Figure.Role.TARGET);
        assertThat(t.references()).hasSize(6);
    }

    /**
     * Found on a note Agyn wrote: its writer puts a no-break space between a number and its scale ("150&nbsp;млрд"),
     * and a range written with words names its currency once, after the second end.
     */
    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "На науку выделяется около 150\u00a0млрд тенге.|MONEY|150000000000|KZT",
        "Бюджет увеличить с 5\u00a0млрд до 10\u00a0млрд тенге.|MONEY|5000000000|KZT",
        "Бюджетті 5 млрд-тан 10 млрд теңгеге дейін арттыру.|MONEY|5000000000|KZT",
        "Raise the budget from 5 to 10 tenge a month.|MONEY|5|KZT",
        "В 2023 году до 150 млрд тенге.|YEAR|2023|",
        "Соглашений — с 10 до 15.|COUNT|10|",
        "Доля выросла с 40% до 70%.|PERCENT|40|"})
    void spacesAndRangesAsWritersWriteThem(String text, FigureKind kind, BigDecimal value, String currency) {
        Figure f = FigureExtractor.figuresOf(text.replace("\\u00a0", "\u00a0"), 0,
                new Place(null, 1, 1, 0, 0, null), "", "").get(0);
        assertThat(f.kind()).as(text).isEqualTo(kind);
        assertThat(f.value()).as(text).isEqualByComparingTo(value);
        assertThat(f.currency()).as(text).isEqualTo(currency == null || currency.isEmpty() ? null : currency);
    }

    /** One labelled figure: what must be read and where. */
    record Label(String doc, int line, FigureKind kind, BigDecimal value, BigDecimal high, String currency) {

        String key() {
            return doc + "|" + line + "|" + kind + "|" + value.stripTrailingZeros().toPlainString() + "|"
                    + (high == null ? "" : high.stripTrailingZeros().toPlainString()) + "|"
                    + (currency == null ? "" : currency);
        }
    }

    static List<Label> labels() {
        List<Label> out = new ArrayList<>();
        for (String row : resource("labelled-figures.tsv").split("\n")) {
            if (row.isBlank() || row.startsWith("#")) {
                continue;
            }
            String[] c = row.split("\t", -1);
            out.add(new Label(c[0], Integer.parseInt(c[1]), FigureKind.valueOf(c[2]), new BigDecimal(c[3]),
                    c[4].isEmpty() ? null : new BigDecimal(c[4]), c[5].isEmpty() ? null : c[5]));
        }
        return out;
    }

    @Test
    void precisionAndRecallOnTheHandLabelledSetAreAtLeast95Percent() {
        List<Label> labels = labels();
        assertThat(labels).hasSizeGreaterThanOrEqualTo(100);
        Map<String, Integer> expected = new HashMap<>();
        labels.forEach(l -> expected.merge(l.key(), 1, Integer::sum));
        int extracted = 0;
        int matched = 0;
        List<String> wrong = new ArrayList<>();
        for (String doc : labels.stream().map(Label::doc).distinct().toList()) {
            for (Figure f : FigureExtractor.read(resource(doc)).figures()) {
                extracted++;
                String key = new Label(doc, f.place().line(), f.kind(), f.value(), f.high(), f.currency()).key();
                Integer left = expected.get(key);
                if (left != null && left > 0) {
                    expected.put(key, left - 1);
                    matched++;
                } else {
                    wrong.add(key + " «" + f.text() + "»");
                }
            }
        }
        List<String> missed = expected.entrySet().stream().filter(e -> e.getValue() > 0).map(Map.Entry::getKey)
                .toList();
        double precision = (double) matched / extracted;
        double recall = (double) matched / labels.size();
        System.out.printf(Locale.ROOT, "note-check extraction: %d labelled, %d extracted, %d matched, "
                + "precision %.4f, recall %.4f%n  not labelled: %s%n  missed: %s%n", labels.size(), extracted,
                matched, precision, recall, wrong, missed);
        assertThat(precision).as("precision; extracted but not labelled: %s", wrong).isGreaterThanOrEqualTo(0.95);
        assertThat(recall).as("recall; labelled but missed: %s", missed).isGreaterThanOrEqualTo(0.95);
    }

    /** Seeded random values written as a kk/ru/en text would write them read back as the same value. */
    static Stream<Arguments> randomFigures() {
        Random random = new Random(20261207L);
        return IntStream.range(0, 60).mapToObj(i -> {
            long n = 1000 + random.nextInt(999_000);
            int style = i % 4;
            String written = switch (style) {
                case 0 -> String.format(Locale.ROOT, "%,d", n).replace(',', ' ');
                case 1 -> String.format(Locale.ROOT, "%,d", n).replace(',', '\u00A0');
                case 2 -> String.format(Locale.ROOT, "%,d", n);
                default -> String.format(Locale.ROOT, "%,d", n).replace(',', '\u202F');
            };
            String unit = List.of(" адам", " человек", " people", " теңге", " тенге", " tenge").get(i % 6);
            return Arguments.of(written + unit, BigDecimal.valueOf(n), i % 6 >= 3);
        });
    }

    @ParameterizedTest
    @MethodSource("randomFigures")
    void readsRandomGroupedNumbersBack(String written, BigDecimal value, boolean money) {
        Figure f = only("Жазбада " + written + " [1].");
        assertThat(f.value()).isEqualByComparingTo(value);
        assertThat(f.kind()).isEqualTo(money ? FigureKind.MONEY : FigureKind.COUNT);
    }
}
