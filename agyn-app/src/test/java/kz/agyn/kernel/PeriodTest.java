package kz.agyn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import kz.agyn.kernel.Period.Frequency;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class PeriodTest {

    @ParameterizedTest
    @CsvSource({
        "2022,      2022",
        "2022-Q3,   2022-Q3",
        "2022Q3,    2022-Q3",
        "2022-07,   2022-07",
        "2022-M07,  2022-07",
        "2022-12,   2022-12",
        "1800,      1800",
        "2200-M12,  2200-12"})
    void parsesEveryAcceptedFormIntoTheCanonicalOne(String text, String canonical) {
        assertThat(Period.parse(text)).hasToString(canonical);
    }

    @Test
    void parseBuildsTheExpectedComponents() {
        assertThat(Period.parse("2022")).isEqualTo(new Period(Frequency.YEAR, 2022, 0));
        assertThat(Period.parse("2022Q3")).isEqualTo(new Period(Frequency.QUARTER, 2022, 3));
        assertThat(Period.parse("2022-M07")).isEqualTo(new Period(Frequency.MONTH, 2022, 7));
        assertThat(Period.parse(" 2022-07 ")).isEqualTo(Period.ofMonth(2022, 7));
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "22", "20222", "2022-", "2022-Q", "2022-Q5", "2022-Q0", "2022-q3", "2022Q03",
        "2022-13", "2022-00", "2022-7", "2022M07", "2022-m07", "2022-M7", "2022-M13",
        "2022/07", "07-2022", "2022-07-01", "2022-H1", "2022-W05", "1799", "2201", "2022 Q3",
        "\uFF12\uFF10\uFF12\uFF12"})
    void rejectsEverythingElseQuotingTheInputAndListingTheForms(String text) {
        assertThatThrownBy(() -> Period.parse(text))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining(text == null ? "null" : "'" + text + "'")
                .hasMessageContaining("2022, 2022-Q3, 2022Q3, 2022-07, 2022-M07");
    }

    @Test
    void parseExplainsOutOfRangeNumbers() {
        assertThatThrownBy(() -> Period.parse("2022-13"))
                .hasMessage("Cannot parse period '2022-13': month number must be 1-12, got 13; accepted forms are "
                        + "YYYY, YYYY-Qn, YYYYQn, YYYY-MM and YYYY-Mmm, e.g. 2022, 2022-Q3, 2022Q3, 2022-07, 2022-M07");
        assertThatThrownBy(() -> Period.parse("1799")).hasMessageContaining("year must be 1800-2200, got 1799");
    }

    @Test
    void constructorValidatesNumberForFrequencyAndYear() {
        assertThatThrownBy(() -> new Period(Frequency.YEAR, 2022, 1)).hasMessageContaining("year number must be 0");
        assertThatThrownBy(() -> Period.ofQuarter(2022, 0)).hasMessageContaining("quarter number must be 1-4");
        assertThatThrownBy(() -> Period.ofQuarter(2022, 5)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.ofMonth(2022, 13)).hasMessageContaining("month number must be 1-12");
        assertThatThrownBy(() -> Period.ofYear(1799)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.ofYear(2201)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Period(null, 2022, 0)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void startAndEndAreTheFirstAndLastDay() {
        assertThat(Period.ofYear(2022).start()).isEqualTo(LocalDate.of(2022, 1, 1));
        assertThat(Period.ofYear(2022).end()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(Period.ofQuarter(2022, 3).start()).isEqualTo(LocalDate.of(2022, 7, 1));
        assertThat(Period.ofQuarter(2022, 3).end()).isEqualTo(LocalDate.of(2022, 9, 30));
        assertThat(Period.ofQuarter(2022, 4).end()).isEqualTo(LocalDate.of(2022, 12, 31));
        assertThat(Period.ofMonth(2024, 2).end()).isEqualTo(LocalDate.of(2024, 2, 29));
        assertThat(Period.ofMonth(2023, 2).end()).isEqualTo(LocalDate.of(2023, 2, 28));
        assertThat(Period.ofMonth(2200, 12).end()).isEqualTo(LocalDate.of(2200, 12, 31));
    }

    @Test
    void containsIsInclusiveAtBothEnds() {
        Period q1 = Period.ofQuarter(2023, 1);

        assertThat(q1.contains(LocalDate.of(2023, 1, 1))).isTrue();
        assertThat(q1.contains(LocalDate.of(2023, 3, 31))).isTrue();
        assertThat(q1.contains(LocalDate.of(2022, 12, 31))).isFalse();
        assertThat(q1.contains(LocalDate.of(2023, 4, 1))).isFalse();
    }

    @Test
    void nextAndPreviousCrossYearBoundaries() {
        assertThat(Period.ofMonth(2022, 12).next()).isEqualTo(Period.ofMonth(2023, 1));
        assertThat(Period.ofMonth(2023, 1).previous()).isEqualTo(Period.ofMonth(2022, 12));
        assertThat(Period.ofQuarter(2022, 4).next()).isEqualTo(Period.ofQuarter(2023, 1));
        assertThat(Period.ofQuarter(2023, 1).previous()).isEqualTo(Period.ofQuarter(2022, 4));
        assertThat(Period.ofYear(2022).next()).isEqualTo(Period.ofYear(2023));
        assertThat(Period.ofYear(2022).previous()).isEqualTo(Period.ofYear(2021));
    }

    @Test
    void steppingPastTheSupportedRangeFails() {
        assertThatThrownBy(() -> Period.ofYear(2200).next()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.ofMonth(2200, 12).next()).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Period.ofQuarter(1800, 1).previous()).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void ordersByStartThenLongerFirst() {
        List<Period> periods = new ArrayList<>(List.of(
                Period.ofMonth(2022, 7), Period.ofQuarter(2022, 3), Period.ofYear(2023),
                Period.ofMonth(2022, 1), Period.ofYear(2022), Period.ofQuarter(2022, 1), Period.ofMonth(2021, 12)));
        Collections.shuffle(periods, new java.util.Random(3));
        Collections.sort(periods);

        assertThat(periods).extracting(Period::toString).containsExactly(
                "2021-12", "2022", "2022-Q1", "2022-01", "2022-Q3", "2022-07", "2023");
        assertThat(Period.ofYear(2022).compareTo(Period.ofYear(2022))).isZero();
    }

    @Test
    void enclosesOnlyPeriodsEntirelyInside() {
        Period year = Period.ofYear(2022);
        Period q3 = Period.ofQuarter(2022, 3);

        assertThat(year.encloses(q3)).isTrue();
        assertThat(year.encloses(year)).isTrue();
        assertThat(q3.encloses(Period.ofMonth(2022, 9))).isTrue();
        assertThat(q3.encloses(Period.ofMonth(2022, 10))).isFalse();
        assertThat(q3.encloses(year)).isFalse();
        assertThat(year.encloses(Period.ofMonth(2023, 1))).isFalse();
    }
}
