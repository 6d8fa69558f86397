package kz.agyn.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import kz.agyn.kernel.Iin;
import org.junit.jupiter.api.Test;

class PseudonymTest {

    private static final Iin IIN = Iin.parse("850101300124");

    private final RegistryKeys keys = RegistryKeys.ephemeral();
    private final Pseudonym pseudonym = new Pseudonym(keys);

    @Test
    void isStableWellFormedAndRevealsNoDigitsOfTheIin() {
        String p = pseudonym.of(IIN);

        assertThat(Pseudonym.isWellFormed(p)).isTrue();
        assertThat(p).startsWith("S-").hasSize(12).isEqualTo(pseudonym.of(new BlindIndex(keys).iin(IIN)))
                .doesNotContain("850101");
    }

    @Test
    void differsPerKeyAndPerScholar() {
        assertThat(new Pseudonym(RegistryKeys.ephemeral()).of(IIN)).isNotEqualTo(pseudonym.of(IIN));
        assertThat(pseudonym.of(Iin.parse("900215400405"))).isNotEqualTo(pseudonym.of(IIN));
    }

    @Test
    void isNotTheBlindIndexHashItself() {
        byte[] hash = new BlindIndex(keys).iin(IIN);

        assertThat(pseudonym.of(hash).substring(2)).isNotEqualTo(Pseudonym.base32(hash, Pseudonym.LENGTH));
    }

    @Test
    void base32FollowsCrockford() {
        assertThat(Pseudonym.base32(new byte[] {0, 0, 0, 0, 0, 0, 0}, 10)).isEqualTo("0000000000");
        assertThat(Pseudonym.base32(new byte[] {(byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff, (byte) 0xff}, 10))
                .isEqualTo("ZZZZZZZZZZ");
        // 0x08 0x42 = 00001 00001 00001 0..: three ones in a row.
        assertThat(Pseudonym.base32(new byte[] {0x08, 0x42, 0, 0, 0, 0, 0}, 3)).isEqualTo("111");
    }

    @Test
    void manyScholarsGetDistinctPseudonyms() {
        Set<String> seen = new HashSet<>();
        int made = 0;
        for (int serial = 0; serial < 3000; serial++) {
            var iin = Iin.of(java.time.LocalDate.of(1990, 1, 1).plusDays(serial), kz.agyn.kernel.Sex.FEMALE, serial);
            if (iin.isPresent()) {
                made++;
                seen.add(pseudonym.of(iin.get()));
            }
        }
        assertThat(seen).hasSize(made);
    }

    @Test
    void rejectsMalformedText() {
        assertThat(Pseudonym.isWellFormed("S-0123456789")).isTrue();
        assertThat(Pseudonym.isWellFormed("S-012345678I")).isFalse();
        assertThat(Pseudonym.isWellFormed("S-01234")).isFalse();
        assertThat(Pseudonym.isWellFormed(null)).isFalse();
    }
}
