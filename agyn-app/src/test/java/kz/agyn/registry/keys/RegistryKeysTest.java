package kz.agyn.registry.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assumptions.assumeThat;

import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.KeyStore;
import java.util.Base64;
import java.util.HexFormat;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class RegistryKeysTest {

    private static final String LAST_NAME = "scholar.last_name";

    @TempDir
    Path dir;

    @Test
    void explicitKeyWinsOverKeystoreAndDeveloperFile() {
        String text = RegistryKeys.generateBase64();

        RegistryKeys keys = RegistryKeys.loader().base64(text).keyStore(dir.resolve("absent.p12"), "x".toCharArray(), null)
                .developerKeyDirectory(dir).load();

        assertThat(keys.source()).isEqualTo(RegistryKeys.Source.EXPLICIT);
        assertThat(keys.currentKeyId()).isEqualTo(RegistryKeys.fromBase64(text).currentKeyId());
        assertThat(dir.resolve(RegistryKeys.DEVELOPER_KEY_FILE)).doesNotExist();
    }

    @Test
    void urlSafeAndUnpaddedBase64AreAccepted() {
        byte[] raw = new byte[32];
        raw[0] = (byte) 0xfb;
        raw[1] = (byte) 0xff;
        String standard = Base64.getEncoder().encodeToString(raw);
        String urlSafe = Base64.getUrlEncoder().withoutPadding().encodeToString(raw);

        assertThat(RegistryKeys.fromBase64(urlSafe).currentKeyId()).isEqualTo(RegistryKeys.fromBase64(standard).currentKeyId());
    }

    @Test
    void missingKeyIsReported() {
        assertThatThrownBy(() -> RegistryKeys.loader().base64("  ").load())
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEY_MISSING);
                    assertThat(e.getMessage()).contains("agyn.registry.key", "AGYN_REGISTRY_KEY");
                });
    }

    @Test
    void textThatIsNotBase64IsReportedWithoutQuotingIt() {
        String secret = "s3cr3t-k3y!with*symbols";

        assertThatThrownBy(() -> RegistryKeys.fromBase64(secret))
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEY_NOT_BASE64);
                    assertThat(e.getMessage()).doesNotContain(secret).doesNotContain("s3cr3t").doesNotContain("*");
                    assertThat(e.getCause()).isNull();
                });
    }

    @Test
    void keyOfWrongLengthIsReportedWithoutQuotingIt() {
        String shortKey = Base64.getEncoder().encodeToString("sixteen byte key".getBytes(StandardCharsets.US_ASCII));

        assertThatThrownBy(() -> RegistryKeys.fromBase64(shortKey))
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEY_WRONG_LENGTH);
                    assertThat(e.getMessage()).contains("128 bits").doesNotContain(shortKey).doesNotContain("sixteen");
                });
    }

    @Test
    void keyMaterialAppearsInNoToString() {
        String text = RegistryKeys.generateBase64();
        String hex = HexFormat.of().formatHex(Base64.getDecoder().decode(text));
        RegistryKeys keys = RegistryKeys.fromBase64(text);
        RegistryKeys.Loader loader = RegistryKeys.loader().base64(text);

        for (Object o : new Object[] {keys, loader, new PersonalDataCipher(keys), new BlindIndex(keys), new Pseudonym(keys)}) {
            assertThat(o.toString()).doesNotContain(text).doesNotContain(text.substring(0, 8))
                    .doesNotContainIgnoringCase(hex.substring(0, 8));
        }
        assertThat(keys.toString()).isEqualTo("RegistryKeys[source=EXPLICIT, current=" + keys.currentKeyId() + ", retired=0]");
    }

    @Test
    void loadsCurrentAndRetiredKeysFromPkcs12() throws Exception {
        String current = RegistryKeys.generateBase64();
        String retired = RegistryKeys.generateBase64();
        Path file = dir.resolve("registry.p12");
        char[] password = "changeit-too".toCharArray();
        writeKeyStore(file, password, RegistryKeys.DEFAULT_ALIAS, current, "agyn-registry-2023", retired);

        RegistryKeys keys = RegistryKeys.loader().keyStore(file, password, null).developerKeyDirectory(dir).load();

        assertThat(keys.source()).isEqualTo(RegistryKeys.Source.KEYSTORE);
        assertThat(keys.currentKeyId()).isEqualTo(RegistryKeys.fromBase64(current).currentKeyId());
        assertThat(keys.keyIds()).containsExactly(keys.currentKeyId(), RegistryKeys.fromBase64(retired).currentKeyId());
        byte[] old = new PersonalDataCipher(RegistryKeys.fromBase64(retired)).encrypt(LAST_NAME, "Ахметов");
        assertThat(new PersonalDataCipher(keys).decrypt(LAST_NAME, old)).isEqualTo("Ахметов");
        assertThat(password).containsOnly('c', 'h', 'a', 'n', 'g', 'e', 'i', 't', '-', 'o');
    }

    @Test
    void keystoreWithWrongPasswordOrWithoutTheAliasIsReported() throws Exception {
        Path file = dir.resolve("registry.p12");
        writeKeyStore(file, "right".toCharArray(), "other-alias", RegistryKeys.generateBase64(), null, null);

        assertThatThrownBy(() -> RegistryKeys.loader().keyStore(file, "wrong".toCharArray(), null).load())
                .isInstanceOfSatisfying(PersonalDataException.class,
                        e -> assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEYSTORE_UNREADABLE));
        assertThatThrownBy(() -> RegistryKeys.loader().keyStore(file, "right".toCharArray(), null).load())
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEYSTORE_ENTRY_MISSING);
                    assertThat(e.getMessage()).contains(RegistryKeys.DEFAULT_ALIAS).doesNotContain("right");
                });
        assertThatThrownBy(() -> RegistryKeys.loader().keyStore(dir.resolve("absent.p12"), "x".toCharArray(), null).load())
                .isInstanceOfSatisfying(PersonalDataException.class,
                        e -> assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEYSTORE_UNREADABLE));
    }

    @Test
    void developerKeyFileIsCreatedOwnerOnlyAndReusedNeverOverwritten() throws Exception {
        assumePosix();
        Path home = dir.resolve("home/.agyn");

        RegistryKeys first = RegistryKeys.loader().developerKeyDirectory(home).load();
        Path file = home.resolve(RegistryKeys.DEVELOPER_KEY_FILE);
        byte[] written = Files.readAllBytes(file);
        RegistryKeys second = RegistryKeys.loader().developerKeyDirectory(home).load();

        assertThat(first.source()).isEqualTo(RegistryKeys.Source.DEVELOPER_FILE);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(home))).isEqualTo("rwx------");
        assertThat(second.currentKeyId()).isEqualTo(first.currentKeyId());
        assertThat(Files.readAllBytes(file)).isEqualTo(written);
        byte[] stored = new PersonalDataCipher(first).encrypt(LAST_NAME, "Ахметов");
        assertThat(new PersonalDataCipher(second).decrypt(LAST_NAME, stored)).isEqualTo("Ахметов");
    }

    @Test
    void developerKeyFileReadableByOthersIsRefused() throws Exception {
        assumePosix();
        RegistryKeys.loader().developerKeyDirectory(dir).load();
        Path file = dir.resolve(RegistryKeys.DEVELOPER_KEY_FILE);
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-r--r--"));

        assertThatThrownBy(() -> RegistryKeys.loader().developerKeyDirectory(dir).load())
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEY_FILE_TOO_OPEN);
                    assertThat(e.getMessage()).contains(file.toString(), "chmod 600");
                });
    }

    @Test
    void corruptDeveloperKeyFileIsReportedWithoutQuotingIt() throws Exception {
        assumePosix();
        Path file = dir.resolve(RegistryKeys.DEVELOPER_KEY_FILE);
        Files.writeString(file, "garbage*key*material");
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));

        assertThatThrownBy(() -> RegistryKeys.loader().developerKeyDirectory(dir).load())
                .isInstanceOfSatisfying(PersonalDataException.class, e -> {
                    assertThat(e.code()).isEqualTo(PersonalDataException.Code.KEY_NOT_BASE64);
                    assertThat(e.getMessage()).contains(file.toString()).doesNotContain("garbage");
                });
        assertThat(Files.readString(file)).isEqualTo("garbage*key*material");
    }

    @Test
    void retiredKeysFromConfigurationDecryptOldValues() {
        RegistryKeys old = RegistryKeys.fromBase64(RegistryKeys.generateBase64());
        String oldText = RegistryKeys.generateBase64();
        byte[] stored = new PersonalDataCipher(RegistryKeys.fromBase64(oldText)).encrypt(LAST_NAME, "Сейтқали");

        RegistryKeys keys = RegistryKeys.loader().base64(RegistryKeys.generateBase64())
                .retiredBase64(" " + oldText + " , ").load();

        assertThat(new PersonalDataCipher(keys).decrypt(LAST_NAME, stored)).isEqualTo("Сейтқали");
        assertThat(keys.keyIds()).hasSize(2).doesNotContain(old.currentKeyId());
    }

    private static void assumePosix() {
        assumeThat(FileSystems.getDefault().supportedFileAttributeViews()).contains("posix");
    }

    private static void writeKeyStore(Path file, char[] password, String alias, String key, String alias2, String key2)
            throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password);
        KeyStore.PasswordProtection protection = new KeyStore.PasswordProtection(password);
        store.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(Base64.getDecoder().decode(key), "AES")), protection);
        if (alias2 != null) {
            store.setEntry(alias2, new KeyStore.SecretKeyEntry(new SecretKeySpec(Base64.getDecoder().decode(key2), "AES")),
                    protection);
        }
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password);
        }
    }
}
