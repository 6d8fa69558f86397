package kz.agyn.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;

import kz.agyn.kernel.Iin;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class BlindIndexTest {

    private static final Iin IIN = Iin.parse("850101300124");
    private static final Iin OTHER = Iin.parse("900215400405");

    private final RegistryKeys keys = RegistryKeys.fromBase64(RegistryKeys.generateBase64());
    private final BlindIndex index = new BlindIndex(keys);

    @Test
    void iinHashIsStableAndDistinguishesIins() {
        assertThat(index.iin(IIN)).hasSize(BlindIndex.LENGTH).isEqualTo(new BlindIndex(keys).iin(Iin.parse(" 850101300124 ")));
        assertThat(index.iin(IIN)).isNotEqualTo(index.iin(OTHER));
    }

    @Test
    void iinHashDiffersPerKey() {
        assertThat(new BlindIndex(RegistryKeys.ephemeral()).iin(IIN)).isNotEqualTo(index.iin(IIN));
    }

    @Test
    void iinAndNameIndexesUseDifferentKeys() {
        assertThat(index.name(IIN.value())).isNotEqualTo(index.iin(IIN));
    }

    @Test
    void duringRotationCandidatesCoverOldAndNewHashes() {
        RegistryKeys old = RegistryKeys.ephemeral();
        RegistryKeys rotated = keys.withRetired(old);

        assertThat(new BlindIndex(rotated).iinCandidates(IIN))
                .containsExactly(index.iin(IIN), new BlindIndex(old).iin(IIN));
    }

    @ParameterizedTest
    @CsvSource(delimiter = '|', value = {
        "Ахметов|ахметов",
        "  АХМЕТОВ  |ахметов",
        "Семёнова|семенова",
        "СЕМЁНОВА|семенова",
        "Әсем   Гүл|әсем гүл",
        "ҚОҢЫРБАЕВА|қоңырбаева",
        "ＡＨＭＥＴＯＶ|ahmetov",
        "Nūrsūltan|nūrsūltan",
        "İlyas|ilyas"
    })
    void normalisesNames(String raw, String expected) {
        assertThat(BlindIndex.normaliseName(raw)).isEqualTo(expected);
    }

    @Test
    void decomposedLettersHashLikeComposedOnes() {
        String composed = "Семёнова";
        String decomposed = "Семе\u0308нова";

        assertThat(index.name(decomposed)).isEqualTo(index.name(composed)).isEqualTo(index.name("семенова"));
    }

    @Test
    void nameIndexIsExactOnly() {
        assertThat(index.name("Ахмет")).isNotEqualTo(index.name("Ахметов"));
        assertThat(index.name("Нурлан")).isNotEqualTo(index.name("Нұрлан"));
        assertThat(index.name("Ахметов Ерлан")).isNotEqualTo(index.name("Ахметов"));
    }

    @Test
    void blankNamesHaveNoIndex() {
        assertThat(index.name(null)).isNull();
        assertThat(index.name(" \t ")).isNull();
        assertThat(BlindIndex.normaliseName("")).isNull();
    }
}
