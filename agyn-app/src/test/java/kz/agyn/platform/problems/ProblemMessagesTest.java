package kz.agyn.platform.problems;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Locale;
import kz.agyn.tabular.Location;
import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

class ProblemMessagesTest {

    private final StaticMessageSource bundle = new StaticMessageSource();
    private final ProblemMessages messages = new ProblemMessages(bundle);

    {
        bundle.addMessage("t.bad.code", Locale.ENGLISH, "Code {0} is not in {1}; {2,number} rows");
        bundle.addMessage("t.bad.code", Locale.forLanguageTag("ru"), "Код {0} нет в {1}; строк: {2,number}");
        bundle.addMessage("t.column.sex", Locale.ENGLISH, "sex");
        bundle.addMessage("t.column.sex", Locale.forLanguageTag("ru"), "пол");
    }

    @Test
    void storedOnceReadInEachReadersLanguage() {
        Problem p = Problem.at(new Location("f.xlsx", "Table 1", 12, 3), null, "t.bad.code", "001001",
                "t.column.sex", 1234);
        assertThat(messages.shown(p, Locale.ENGLISH)).isEqualTo(new ShownProblem("f.xlsx", "Table 1", 12, "C",
                "t.bad.code", "Code 001001 is not in sex; 1,234 rows"));
        // Russian groups digits with a (non-breaking) space.
        assertThat(messages.message(p, Locale.forLanguageTag("ru"))).matches("Код 001001 нет в пол; строк: 1\\s?\\S?234");
    }

    @Test
    void codesThatLookLikeNumbersStayText() {
        // A report stored before arguments kept their type: every argument is text.
        Problem p = new Problem("a.csv", null, 2, 4, null, "t.bad.code", List.of("007", "x.csv", "12"));
        assertThat(messages.shown(p, Locale.ENGLISH).message()).isEqualTo("Code 007 is not in x.csv; 12 rows");
        assertThat(messages.shown(p, Locale.ENGLISH).column()).isEqualTo("#4");
    }

    @Test
    void anUnknownCodeReadsAsItself() {
        assertThat(messages.message(Problem.inFile("a.csv", "t.nothing"), Locale.ENGLISH)).isEqualTo("t.nothing");
    }

    @Test
    void collectorCountsAllAndKeepsTheCap() {
        ProblemCollector c = new ProblemCollector(2);
        for (int i = 1; i <= 5; i++) {
            c.report(new Location("a.csv", null, i, 0), "x", "t.bad.code", i);
        }
        assertThat(c.count()).isEqualTo(5);
        assertThat(c.listed()).extracting(Problem::row).containsExactly(1L, 2L);
        assertThat(new ProblemCollector().isEmpty()).isTrue();
    }

    @Test
    void aFormFieldIsTheColumnAndAReasonWithArgumentsOfItsOwnIsPutIntoWords() {
        bundle.addMessage("t.refused", Locale.ENGLISH, "Refused: {0}");
        Problem p = Problem.inField("questions[2].code", "t.refused",
                new org.springframework.context.support.DefaultMessageSourceResolvable(new String[] {"t.bad.code"},
                        new Object[] {"001", "t.column.sex", 5}));
        ShownProblem shown = messages.shown(p, Locale.ENGLISH);
        assertThat(shown.column()).isEqualTo("questions[2].code");
        assertThat(shown.message()).isEqualTo("Refused: Code 001 is not in t.column.sex; 5 rows");
        assertThat(messages.shown(Problem.atLine(7, "t.nothing"), Locale.ENGLISH).row()).isEqualTo(7);
    }
}
