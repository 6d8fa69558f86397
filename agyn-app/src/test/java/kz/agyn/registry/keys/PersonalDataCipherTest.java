package kz.agyn.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class PersonalDataCipherTest {

    private static final String LAST_NAME = "scholar.last_name";
    private static final String FIRST_NAME = "scholar.first_name";

    private final RegistryKeys keys = RegistryKeys.ephemeral();
    private final PersonalDataCipher cipher = new PersonalDataCipher(keys);

    @ParameterizedTest
    @ValueSource(strings = {"", "Ахметов", "Әсем Ғалымқызы Қоңырбаева", "ә ғ қ ң ө ұ ү һ і Ә Ғ Қ Ң Ө Ұ Ү Һ І",
        "Ёлкина", "Nūrsūltan Äbişūly", "a.b+synthetic@example.kz", "+7 701 000 1234", "😀 outside the BMP"})
    void roundTrips(String value) {
        byte[] stored = cipher.encrypt(LAST_NAME, value);

        assertThat(stored).hasSize(PersonalDataCipher.OVERHEAD + value.getBytes(StandardCharsets.UTF_8).length);
        assertThat(stored[0]).isEqualTo(PersonalDataCipher.VERSION);
        assertThat(cipher.decrypt(LAST_NAME, stored)).isEqualTo(value);
    }

    @Test
    void nullStaysNull() {
        assertThat(cipher.encrypt(LAST_NAME, null)).isNull();
        assertThat(cipher.decrypt(LAST_NAME, null)).isNull();
    }

    @Test
    void plaintextDoesNotAppearInTheCiphertext() {
        byte[] stored = cipher.encrypt(LAST_NAME, "Қоңырбаева");

        assertThat(new String(stored, StandardCharsets.ISO_8859_1))
                .doesNotContain(new String("Қоңырбаева".getBytes(StandardCharsets.UTF_8), StandardCharsets.ISO_8859_1));
    }

    @Test
    void twoEncryptionsOfOneValueDiffer() {
        byte[] first = cipher.encrypt(LAST_NAME, "Ахметов");
        byte[] second = cipher.encrypt(LAST_NAME, "Ахметов");

        assertThat(first).isNotEqualTo(second);
        // The nonces differ, not only the tags.
        assertThat(java.util.Arrays.copyOfRange(first, 5, 17)).isNotEqualTo(java.util.Arrays.copyOfRange(second, 5, 17));
    }

    @Test
    void everyFlippedBitIsDetected() {
        byte[] stored = cipher.encrypt(LAST_NAME, "Ахметов");

        // Key id bytes are excluded: a flipped key id names an unknown key, checked separately.
        for (int i = 0; i < stored.length * 8; i++) {
            if (i / 8 >= 1 && i / 8 < 5) {
                continue;
            }
            byte[] tampered = stored.clone();
            tampered[i / 8] ^= (byte) (1 << (i % 8));
            PersonalDataException.Code expected = i / 8 == 0
                    ? PersonalDataException.Code.CIPHERTEXT_VERSION_UNSUPPORTED
                    : PersonalDataException.Code.NOT_AUTHENTIC;
            assertThatThrownBy(() -> cipher.decrypt(LAST_NAME, tampered))
                    .isInstanceOf(PersonalDataException.class)
                    .extracting(e -> ((PersonalDataException) e).code()).isEqualTo(expected);
        }
    }

    @Test
    void flippedKeyIdNamesAnUnknownKey() {
        byte[] tampered = cipher.encrypt(LAST_NAME, "Ахметов");
        tampered[2] ^= 1;

        assertThatThrownBy(() -> cipher.decrypt(LAST_NAME, tampered))
                .isInstanceOfSatisfying(PersonalDataException.class,
                        e -> assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEY_UNKNOWN));
    }

    @Test
    void aCiphertextMovedToAnotherFieldFails() {
        byte[] lastName = cipher.encrypt(LAST_NAME, "Ахметов");

        assertThatThrownBy(() -> cipher.decrypt(FIRST_NAME, lastName))
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.NOT_AUTHENTIC);
                    assertThat(e.getMessage()).contains(FIRST_NAME).doesNotContain("Ахметов");
                });
    }

    @Test
    void truncatedOrForeignBytesAreMalformed() {
        assertThatThrownBy(() -> cipher.decrypt(LAST_NAME, "Ахметов".getBytes(StandardCharsets.UTF_8)))
                .isInstanceOfSatisfying(PersonalDataException.class,
                        e -> assertThat(e.code()).isEqualTo(PersonalDataException.Code.CIPHERTEXT_MALFORMED));
        byte[] stored = cipher.encrypt(LAST_NAME, "");
        byte[] truncated = java.util.Arrays.copyOf(stored, stored.length - 1);
        assertThatThrownBy(() -> cipher.decrypt(LAST_NAME, truncated))
                .isInstanceOfSatisfying(PersonalDataException.class,
                        e -> assertThat(e.code()).isEqualTo(PersonalDataException.Code.CIPHERTEXT_MALFORMED));
    }

    @Test
    void aSwappedFieldArgumentIsRejectedBeforeEncrypting() {
        assertThatThrownBy(() -> cipher.encrypt("Ахметов", LAST_NAME)).isInstanceOf(IllegalArgumentException.class)
                .message().doesNotContain("Ахметов");
    }

    @Test
    void anotherKeyCannotDecrypt() {
        byte[] stored = cipher.encrypt(LAST_NAME, "Ахметов");
        PersonalDataCipher stranger = new PersonalDataCipher(RegistryKeys.ephemeral());

        assertThatThrownBy(() -> stranger.decrypt(LAST_NAME, stored))
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEY_UNKNOWN);
                    assertThat(e.getMessage()).contains(keys.currentKeyId());
                });
    }

    @Test
    void oldCiphertextsDecryptAfterRotationAndNewOnesUseTheNewKey() {
        RegistryKeys old = RegistryKeys.fromBase64(RegistryKeys.generateBase64());
        byte[] before = new PersonalDataCipher(old).encrypt(LAST_NAME, "Ахметов");
        RegistryKeys rotated = RegistryKeys.fromBase64(RegistryKeys.generateBase64()).withRetired(old);
        PersonalDataCipher after = new PersonalDataCipher(rotated);

        assertThat(after.decrypt(LAST_NAME, before)).isEqualTo("Ахметов");
        assertThat(after.needsReencryption(before)).isTrue();
        byte[] fresh = after.encrypt(LAST_NAME, "Ахметов");
        assertThat(PersonalDataCipher.keyIdOf(fresh)).isEqualTo(rotated.currentKeyId()).isNotEqualTo(old.currentKeyId());
        assertThat(after.needsReencryption(fresh)).isFalse();
        assertThat(rotated.keyIds()).containsExactly(rotated.currentKeyId(), old.currentKeyId());
    }

    @Test
    void sameKeyTextGivesSameKeyId() {
        String text = RegistryKeys.generateBase64();

        assertThat(RegistryKeys.fromBase64(text).currentKeyId()).isEqualTo(RegistryKeys.fromBase64(text).currentKeyId())
                .hasSize(8);
    }

    @Test
    void isSafeToShareBetweenThreads() throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Future<Boolean>> results = new ArrayList<>();
            for (int t = 0; t < 8; t++) {
                String value = "Ахметов-" + t;
                results.add(pool.submit(() -> {
                    for (int i = 0; i < 500; i++) {
                        if (!cipher.decrypt(LAST_NAME, cipher.encrypt(LAST_NAME, value + i)).equals(value + i)) {
                            return false;
                        }
                    }
                    return true;
                }));
            }
            for (Future<Boolean> r : results) {
                assertThat(r.get()).isTrue();
            }
        } finally {
            pool.shutdownNow();
        }
    }

    @Test
    void toStringShowsNoKey() {
        assertThat(cipher.toString()).contains(keys.currentKeyId()).doesNotContain("=" + "=");
    }
}
