package kz.agyn.platform.format;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.util.Locale;
import java.util.Properties;

import org.junit.jupiter.api.Test;
import org.springframework.context.support.StaticMessageSource;

/**
 * The numbers the pages showed before the four copies of this code were made one, in each language: the cost
 * model's money and bands, the cohort page's fixed-decimal percentages, the note's figures in billions and
 * trillions, the survey's test statistics. Spaces in the expectations are U+00A0 ({@code _} below).
 */
class NumbersTest {

    static final Locale KK = Locale.forLanguageTag("kk");
    static final Locale RU = Locale.forLanguageTag("ru");
    static final Locale EN = Locale.ENGLISH;

    /** The scale words as the shared messages hold them. */
    static final StaticMessageSource WORDS = new StaticMessageSource();

    static {
        for (Locale l : new Locale[] {KK, RU}) {
            WORDS.addMessage("scale.mn", l, "млн");
            WORDS.addMessage("scale.bn", l, "млрд");
            WORDS.addMessage("scale.tn", l, "трлн");
        }
        WORDS.addMessage("scale.mn", EN, "M");
        WORDS.addMessage("scale.bn", EN, "bn");
        WORDS.addMessage("scale.tn", EN, "tn");
    }

    /** The cost model's shortening: billions with one decimal, millions with two, else whole tenge. */
    static final Shortening COST = Shortening.none(Decimals.upTo(0))
            .and(Scale.MILLION, Decimals.upTo(2)).and(Scale.BILLION, Decimals.upTo(1));

    static String nb(String s) {
        return s.replace('_', '\u00A0');
    }

    static Numbers in(Locale l) {
        return new Numbers(l, WORDS);
    }

    @Test
    void groupsAndDecimalMarksInEachLanguage() {
        assertThat(in(KK).number(1234567.891, Decimals.upTo(2))).isEqualTo(nb("1_234_567,89"));
        assertThat(in(RU).number(1234567.891, Decimals.upTo(2))).isEqualTo(nb("1_234_567,89"));
        assertThat(in(EN).number(1234567.891, Decimals.upTo(2))).isEqualTo("1,234,567.89");
        assertThat(in(KK).number(new BigDecimal("31287"), Decimals.upTo(2))).isEqualTo(nb("31_287"));
        assertThat(in(EN).number(-4200.5, Decimals.upTo(0))).isEqualTo("-4,200");
    }

    @Test
    void upToDropsTrailingZerosExactlyKeepsThem() {
        assertThat(in(KK).number(40.0, Decimals.upTo(1))).isEqualTo("40");
        assertThat(in(KK).number(40.0, Decimals.exactly(1))).isEqualTo("40,0");
        assertThat(in(EN).number(0.1, Decimals.exactly(3))).isEqualTo("0.100");
        assertThat(in(RU).number(new BigDecimal("2.50"), Decimals.upTo(2))).isEqualTo("2,5");
    }

    @Test
    void aDoubleRoundsFromItsDecimalFormUnlessAskedForItsBinaryValue() {
        // 1.015 is 1.01499999999999990230037... in binary.
        assertThat(in(EN).number(1.015, Decimals.exactly(2))).isEqualTo("1.02");
        assertThat(in(EN).binary(1.015, Decimals.exactly(2))).isEqualTo("1.01");
        assertThat(in(EN).number(0.125, Decimals.exactly(2))).isEqualTo("0.12");
        assertThat(in(RU).binary(12.3456, Decimals.exactly(2))).isEqualTo("12,35");
        assertThat(in(EN).number(Double.NaN, Decimals.upTo(1))).isEqualTo("NaN");
    }

    @Test
    void percentagesAndRanges() {
        assertThat(in(KK).percent(37.5, Decimals.upTo(1))).isEqualTo(nb("37,5_%"));
        assertThat(in(EN).percent(12.345, Decimals.exactly(1))).isEqualTo(nb("12.3_%"));
        assertThat(in(RU).percentRange(10.2, 11.94, Decimals.exactly(1))).isEqualTo(nb("10,2–11,9_%"));
        assertThat(in(EN).range(1, 2.5, Decimals.upTo(1))).isEqualTo("1–2.5");
    }

    @Test
    void theCostModelsMoney() {
        assertThat(in(EN).money(183.46e9, "KZT", COST)).isEqualTo(nb("183.5_bn_₸"));
        assertThat(in(KK).money(183.46e9, "KZT", COST)).isEqualTo(nb("183,5_млрд_₸"));
        assertThat(in(RU).money(12_345_678, "KZT", COST)).isEqualTo(nb("12,35_млн_₸"));
        assertThat(in(EN).money(12_345_678, "KZT", COST)).isEqualTo(nb("12.35_M_₸"));
        assertThat(in(KK).money(272_188, "KZT", COST)).isEqualTo(nb("272_188_₸"));
        assertThat(in(EN).money(-2.5e9, "KZT", COST)).isEqualTo(nb("-2.5_bn_₸"));
        assertThat(in(RU).money(60_000, "USD", COST)).isEqualTo(nb("60_000_USD"));
    }

    @Test
    void aMoneyRangeHasBothEndsInTheScaleOfTheLarger() {
        assertThat(in(KK).moneyRange(950e6, 1.25e9, "KZT", COST)).isEqualTo(nb("1–1,2_млрд_₸"));
        assertThat(in(EN).moneyRange(2.5e6, 3.456e6, "KZT", COST)).isEqualTo(nb("2.5–3.46_M_₸"));
        assertThat(in(RU).moneyRange(100, 950_000, "KZT", COST)).isEqualTo(nb("100–950_000_₸"));
    }

    @Test
    void theNotesFiguresInBillionsAndTrillions() {
        Decimals two = Decimals.upTo(2);
        Shortening figures = Shortening.none(two).and(Scale.BILLION, two).and(Scale.TRILLION, two);
        assertThat(in(KK).shortened(new BigDecimal("25000000000"), figures)).isEqualTo(nb("25_млрд"));
        assertThat(in(EN).shortened(new BigDecimal("1234500000000"), figures)).isEqualTo(nb("1.23_tn"));
        assertThat(in(RU).shortened(new BigDecimal("999999999.5"), figures)).isEqualTo(nb("999_999_999,5"));
        assertThat(in(EN).shortened(new BigDecimal("-3000000000"), figures)).isEqualTo(nb("-3_bn"));
    }

    /** The words come from the shared messages, so every scale must be there in each language. */
    @Test
    void everyScaleHasItsWordInTheThreeLanguages() throws IOException {
        for (String suffix : new String[] {"", "_ru", "_en"}) {
            Properties p = new Properties();
            try (InputStream in = getClass().getResourceAsStream("/i18n/messages" + suffix + ".properties")) {
                p.load(new InputStreamReader(in, StandardCharsets.UTF_8));
            }
            for (Scale scale : Scale.values()) {
                assertThat(p.getProperty(scale.messageKey())).as(scale + suffix).isNotBlank();
            }
        }
    }

    @Test
    void theCurrencySignIsTheTengesOrTheCode() {
        assertThat(Numbers.currencySign("KZT")).isEqualTo("₸");
        assertThat(Numbers.currencySign("EUR")).isEqualTo("EUR");
    }

    @Test
    void shorteningWithoutTheMessagesSaysWhatIsMissing() {
        assertThatThrownBy(() -> new Numbers(EN).money(2e9, "KZT", COST))
                .isInstanceOf(IllegalStateException.class).hasMessageContaining("messages");
        assertThat(new Numbers(EN).money(2e3, "KZT", COST)).isEqualTo(nb("2,000_₸"));
    }
}
