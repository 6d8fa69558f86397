package kz.agyn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.util.Currency;
import java.util.HashSet;
import java.util.Locale;
import java.util.Set;
import org.junit.jupiter.api.Test;

class MoneyTest {

    private static final Currency USD = Currency.getInstance("USD");
    private static final Locale KK = Locale.forLanguageTag("kk");
    private static final Locale RU = Locale.forLanguageTag("ru-RU");
    private static final Locale EN = Locale.ENGLISH;
    private static final String NBSP = "\u00A0";

    @Test
    void scaleDoesNotAffectEquality() {
        Money one = Money.of("1.0", "USD");
        Money alsoOne = Money.of("1.00", "USD");

        assertThat(one).isEqualTo(alsoOne).hasSameHashCodeAs(alsoOne);
        assertThat(Set.copyOf(new HashSet<>(Set.of(one)))).contains(alsoOne);
        assertThat(Money.of("100.00", "KZT").amount()).isEqualTo(new BigDecimal("100"));
        assertThat(Money.kzt(new BigDecimal("1E+3")).amount().toPlainString()).isEqualTo("1000");
        assertThat(Money.kzt(new BigDecimal("0.000"))).isEqualTo(Money.kzt(0));
    }

    @Test
    void sameAmountInDifferentCurrenciesIsDifferent() {
        assertThat(Money.of(100, "USD")).isNotEqualTo(Money.kzt(100));
    }

    @Test
    void factoriesRejectBadInput() {
        assertThatThrownBy(() -> Money.of("12,5", "KZT")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.of("12", "XYZ1")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> new Money(null, USD)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> new Money(BigDecimal.ONE, null)).isInstanceOf(NullPointerException.class);
    }

    @Test
    void addsAndSubtractsWithinACurrency() {
        assertThat(Money.kzt(272_188).plus(Money.kzt(new BigDecimal("0.50")))).isEqualTo(Money.of("272188.5", "KZT"));
        assertThat(Money.kzt(100).minus(Money.kzt(250))).isEqualTo(Money.kzt(-150));
    }

    @Test
    void refusesToMixCurrenciesNamingBoth() {
        assertThatThrownBy(() -> Money.kzt(1).plus(Money.of(1, "USD")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("USD").hasMessageContaining("KZT");
        assertThatThrownBy(() -> Money.kzt(1).minus(Money.of(1, "EUR")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("EUR").hasMessageContaining("KZT");
        assertThatThrownBy(() -> Money.kzt(1).compareTo(Money.of(1, "RUB")))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("RUB").hasMessageContaining("KZT");
    }

    @Test
    void comparesWithinACurrency() {
        assertThat(Money.kzt(5)).isLessThan(Money.kzt(6));
        assertThat(Money.of("5.0", "KZT").compareTo(Money.kzt(5))).isZero();
    }

    @Test
    void multipliesExactly() {
        assertThat(Money.kzt(1000).times(new BigDecimal("0.125"))).isEqualTo(Money.of("125", "KZT"));
        assertThat(Money.of("0.10", "USD").times(new BigDecimal("0.333"))).isEqualTo(Money.of("0.0333", "USD"));
    }

    @Test
    void dividesToMinorUnitsWithTheGivenRounding() {
        assertThat(Money.kzt(100).dividedBy(new BigDecimal(3), RoundingMode.HALF_EVEN)).isEqualTo(Money.of("33.33", "KZT"));
        assertThat(Money.kzt(100).dividedBy(new BigDecimal(3), RoundingMode.UP)).isEqualTo(Money.of("33.34", "KZT"));
        assertThat(Money.of(100, "JPY").dividedBy(new BigDecimal(3), RoundingMode.UP)).isEqualTo(Money.of(34, "JPY"));
        assertThatThrownBy(() -> Money.kzt(1).dividedBy(BigDecimal.ZERO, RoundingMode.HALF_EVEN))
                .isInstanceOf(ArithmeticException.class);
    }

    @Test
    void convertsRoundingHalfEvenToTheTargetMinorUnits() {
        assertThat(Money.kzt(272_188).convert(new BigDecimal("0.0021"), USD)).isEqualTo(Money.of("571.59", "USD"));
        assertThat(Money.kzt(1).convert(new BigDecimal("0.125"), USD)).isEqualTo(Money.of("0.12", "USD"));
        assertThat(Money.kzt(1).convert(new BigDecimal("0.135"), USD)).isEqualTo(Money.of("0.14", "USD"));
        assertThat(Money.of(100, "USD").convert(new BigDecimal("0.5"), Currency.getInstance("JPY")))
                .isEqualTo(Money.of(50, "JPY"));
        assertThatThrownBy(() -> Money.kzt(1).convert(BigDecimal.ZERO, USD)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> Money.kzt(1).convert(new BigDecimal("-1"), USD)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void roundsHalfEvenToMinorUnits() {
        assertThat(Money.of("0.125", "USD").rounded()).isEqualTo(Money.of("0.12", "USD"));
        assertThat(Money.of("0.135", "USD").rounded()).isEqualTo(Money.of("0.14", "USD"));
        assertThat(Money.of("2.5", "JPY").rounded()).isEqualTo(Money.of(2, "JPY"));
        assertThat(Money.kzt(7).rounded()).isEqualTo(Money.kzt(7));
        assertThat(Money.of("1.23456", "XAU").rounded()).isEqualTo(Money.of("1.23456", "XAU"));
    }

    @Test
    void knowsZeroAndNegative() {
        assertThat(Money.kzt(0).isZero()).isTrue();
        assertThat(Money.of("0.00", "KZT").isZero()).isTrue();
        assertThat(Money.kzt(-1).isNegative()).isTrue();
        assertThat(Money.kzt(1).isNegative()).isFalse();
        assertThat(Money.kzt(0).isNegative()).isFalse();
    }

    @Test
    void formatsTengeForKazakhAndRussianWithNoBreakSpaces() {
        assertThat(Money.kzt(272_188).format(KK)).isEqualTo("272" + NBSP + "188" + NBSP + "₸");
        assertThat(Money.kzt(272_188).format(RU)).isEqualTo("272" + NBSP + "188" + NBSP + "₸");
        assertThat(Money.kzt(1_234_567_890).format(KK)).isEqualTo("1 234 567 890 ₸".replace(" ", NBSP));
        assertThat(Money.kzt(999).format(KK)).isEqualTo("999" + NBSP + "₸");
        assertThat(Money.kzt(0).format(KK)).isEqualTo("0" + NBSP + "₸");
    }

    @Test
    void formatsTengeForEnglishWithTheCode() {
        assertThat(Money.kzt(272_188).format(EN)).isEqualTo("KZT" + NBSP + "272,188");
        assertThat(Money.kzt(1_000).format(Locale.US)).isEqualTo("KZT" + NBSP + "1,000");
    }

    @Test
    void formatsOtherCurrenciesWithTheirIsoCode() {
        assertThat(Money.of(60_000, "USD").format(RU)).isEqualTo("60 000 USD".replace(" ", NBSP));
        assertThat(Money.of(60_000, "USD").format(KK)).isEqualTo("60 000 USD".replace(" ", NBSP));
        assertThat(Money.of(60_000, "USD").format(EN)).isEqualTo("USD 60,000".replace(" ", NBSP));
    }

    @Test
    void showsTwoDecimalsOnlyWhenThereIsAFraction() {
        assertThat(Money.of("272188.5", "KZT").format(KK)).isEqualTo("272 188,50 ₸".replace(" ", NBSP));
        assertThat(Money.of("272188.5", "KZT").format(EN)).isEqualTo("KZT 272,188.50".replace(" ", NBSP));
        assertThat(Money.of("272188.00", "KZT").format(EN)).isEqualTo("KZT 272,188".replace(" ", NBSP));
        assertThat(Money.of("0.125", "USD").format(EN)).isEqualTo("USD 0.12".replace(" ", NBSP));
    }

    @Test
    void formatsNegativeAmountsWithALeadingMinus() {
        assertThat(Money.kzt(-1_500).format(RU)).isEqualTo("-1 500 ₸".replace(" ", NBSP));
        assertThat(Money.kzt(-1_500).format(EN)).isEqualTo("-KZT 1,500".replace(" ", NBSP));
        assertThat(Money.of("-0.001", "KZT").format(EN)).isEqualTo("KZT 0.00".replace(" ", NBSP));
    }

    @Test
    void otherLanguagesFallBackToTheEnglishShape() {
        assertThat(Money.kzt(272_188).format(Locale.GERMAN)).isEqualTo(Money.kzt(272_188).format(EN));
    }
}
