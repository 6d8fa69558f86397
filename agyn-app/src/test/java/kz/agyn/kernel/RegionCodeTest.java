package kz.agyn.kernel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.NullAndEmptySource;
import org.junit.jupiter.params.provider.ValueSource;

class RegionCodeTest {

    private static final RegionCode ALMATY_CITY = new RegionCode("750000000");
    private static final RegionCode ALMATY_DISTRICT = new RegionCode("751110000");

    @Test
    void firstLevelUnitHasZerosAfterTheOblastPrefix() {
        assertThat(ALMATY_CITY.isFirstLevel()).isTrue();
        assertThat(ALMATY_CITY.firstLevel()).isSameAs(ALMATY_CITY);
        assertThat(ALMATY_CITY.oblastPrefix()).isEqualTo("75");
        assertThat(ALMATY_CITY.isCountry()).isFalse();
    }

    @Test
    void lowerLevelUnitRollsUpToItsOblast() {
        assertThat(ALMATY_DISTRICT.isFirstLevel()).isFalse();
        assertThat(ALMATY_DISTRICT.firstLevel()).isEqualTo(ALMATY_CITY);
        assertThat(ALMATY_DISTRICT.oblastPrefix()).isEqualTo("75");
        assertThat(new RegionCode("750000001").firstLevel()).isEqualTo(ALMATY_CITY);
    }

    @Test
    void countryIsNotAFirstLevelUnitAndRollsUpToItself() {
        assertThat(RegionCode.KAZAKHSTAN.kato()).isEqualTo("000000000");
        assertThat(RegionCode.KAZAKHSTAN.isCountry()).isTrue();
        assertThat(RegionCode.KAZAKHSTAN.isFirstLevel()).isFalse();
        assertThat(RegionCode.KAZAKHSTAN.firstLevel()).isEqualTo(RegionCode.KAZAKHSTAN);
        assertThat(RegionCode.parse("000000000")).isEqualTo(RegionCode.KAZAKHSTAN);
    }

    @Test
    void parseTrimsSurroundingWhitespace() {
        assertThat(RegionCode.parse(" 751110000\n")).isEqualTo(ALMATY_DISTRICT);
    }

    @Test
    void toStringIsTheBareCode() {
        assertThat(ALMATY_DISTRICT).hasToString("751110000");
    }

    @ParameterizedTest
    @NullAndEmptySource
    @ValueSource(strings = {
        "75000000", "7500000000", "75000000A", " 75000000", "75-000000",
        "\uFF17\uFF15\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10\uFF10", "\u0667\u0665\u0660\u0660\u0660\u0660\u0660\u0660\u0660"})
    void rejectsAnythingButNineAsciiDigits(String kato) {
        assertThatThrownBy(() -> new RegionCode(kato))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("9 ASCII digits")
                .hasMessageContaining(kato == null ? "null" : "'" + kato + "'");
    }

    @Test
    void parseRejectsNull() {
        assertThatThrownBy(() -> RegionCode.parse(null)).isInstanceOf(IllegalArgumentException.class);
    }
}
