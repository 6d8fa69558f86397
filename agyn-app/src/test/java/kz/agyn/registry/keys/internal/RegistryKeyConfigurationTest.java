package kz.agyn.registry.keys.internal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.io.OutputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.KeyStore;
import java.util.Base64;

import javax.crypto.spec.SecretKeySpec;

import kz.agyn.platform.startup.StartupProblem;
import kz.agyn.registry.keys.RegistryKeys;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

/**
 * The registry's key: generated next to the data only for the demonstration setup; anywhere else, and for every
 * unusable key, a start-up problem that says what is wrong and how to make or give a key, never quoting a key.
 */
class RegistryKeyConfigurationTest {

    private static final String EXTERNAL = "jdbc:postgresql://db.example:5432/agyn";

    @TempDir
    Path home;

    @Test
    void theDemonstrationSetupGeneratesAKeyFile() {
        RegistryKeys keys = keys("", "", "", new MockEnvironment());
        assertThat(keys.source()).isEqualTo(RegistryKeys.Source.DEVELOPER_FILE);
        assertThat(home.resolve(RegistryKeys.DEVELOPER_KEY_FILE)).exists();
    }

    @ParameterizedTest
    @ValueSource(strings = {"external", "AGYN_PROFILE", "spring-profile", "both"})
    void outsideTheDemonstrationNoKeyIsGeneratedAndTheStartIsRefused(String setup) {
        MockEnvironment env = new MockEnvironment();
        if (setup.equals("external") || setup.equals("both")) {
            env.setProperty("spring.datasource.url", EXTERNAL);
        }
        if (setup.equals("AGYN_PROFILE") || setup.equals("both")) {
            env.setProperty("agyn.profile", "production");
        }
        if (setup.equals("spring-profile")) {
            env.setActiveProfiles("production");
        }
        StartupProblem problem = refused("", "", "", env);
        assertThat(problem.getMessage()).contains("AGYN_REGISTRY_KEY").contains("demonstration")
                .contains(setup.equals("external") ? "external database" : "production");
        assertThat(problem.action()).contains("openssl rand -base64 32").contains("AGYN_REGISTRY_KEY")
                .contains("apart from the database");
        assertThat(home.resolve(RegistryKeys.DEVELOPER_KEY_FILE)).doesNotExist();
    }

    @Test
    void aKeyFileAnEarlierStartGeneratedIsPointedTo() {
        keys("", "", "", new MockEnvironment());
        Path file = home.resolve(RegistryKeys.DEVELOPER_KEY_FILE);
        StartupProblem problem = refused("", "", "", new MockEnvironment().withProperty("agyn.profile", "production"));
        assertThat(problem.action()).contains(file.toString()).contains("AGYN_REGISTRY_KEY=");
    }

    @Test
    void anExternalDatabaseWithAKeyStarts() {
        String key = RegistryKeys.generateBase64();
        RegistryKeys keys = keys(key, "", "", new MockEnvironment().withProperty("spring.datasource.url", EXTERNAL));
        assertThat(keys.source()).isEqualTo(RegistryKeys.Source.EXPLICIT);
    }

    @Test
    void aKeyThatIsNotBase64() {
        StartupProblem problem = refused("not a key at all!", "", "", new MockEnvironment());
        assertThat(problem.getMessage()).contains("AGYN_REGISTRY_KEY").contains("not Base64");
        assertThat(problem.action()).contains("openssl rand -base64 32");
        assertThat(problem.getMessage() + problem.action()).doesNotContain("not a key at all");
    }

    @Test
    void aKeyOfTheWrongLength() {
        String shortKey = Base64.getEncoder().encodeToString(new byte[16]);
        StartupProblem problem = refused(shortKey, "", "", new MockEnvironment());
        assertThat(problem.getMessage()).contains("128 bits").contains("256");
        assertThat(problem.getMessage() + problem.action()).doesNotContain(shortKey);
    }

    @Test
    void aRetiredKeyThatIsNotBase64() {
        StartupProblem problem = refused(RegistryKeys.generateBase64(), "%%%", "", new MockEnvironment());
        assertThat(problem.getMessage()).contains("AGYN_REGISTRY_RETIRED_KEYS");
    }

    @Test
    void aKeystoreThatIsMissing() {
        Path store = home.resolve("absent.p12");
        StartupProblem problem = refused("", "", store.toString(), new MockEnvironment());
        assertThat(problem.getMessage()).contains(store.toString()).contains("no such file");
        assertThat(problem.action()).contains("AGYN_REGISTRY_KEYSTORE");
    }

    @Test
    void aKeystoreThatIsNotOne() throws Exception {
        Path store = Files.writeString(home.resolve("store.p12"), "not a keystore");
        StartupProblem problem = refused("", "", store.toString(), new MockEnvironment());
        assertThat(problem.getMessage()).contains(store.toString()).contains("cannot be opened");
    }

    @Test
    void aKeystoreWithTheWrongPassword() throws Exception {
        Path store = keystore("right-password", RegistryKeys.DEFAULT_ALIAS);
        StartupProblem problem = refused("", "", store.toString(), new MockEnvironment(), "wrong-password");
        assertThat(problem.getMessage()).contains("password").contains("wrong");
        assertThat(problem.getMessage() + problem.action()).doesNotContain("right-password")
                .doesNotContain("wrong-password");
    }

    @Test
    void aKeystoreWithoutTheEntry() throws Exception {
        Path store = keystore("pw", "some-other-alias");
        StartupProblem problem = refused("", "", store.toString(), new MockEnvironment(), "pw");
        assertThat(problem.getMessage()).contains(RegistryKeys.DEFAULT_ALIAS);
        assertThat(problem.action()).contains("alias");
    }

    @Test
    void aGoodKeystoreIsRead() throws Exception {
        Path store = keystore("pw", RegistryKeys.DEFAULT_ALIAS);
        RegistryKeys keys = new RegistryKeyConfiguration().registryKeys("", "", store.toString(), "pw",
                RegistryKeys.DEFAULT_ALIAS, home, false, new MockEnvironment().withProperty("agyn.profile", "production"));
        assertThat(keys.source()).isEqualTo(RegistryKeys.Source.KEYSTORE);
    }

    private RegistryKeys keys(String key, String retired, String keystore, MockEnvironment env) {
        return new RegistryKeyConfiguration().registryKeys(key, retired, keystore, "", RegistryKeys.DEFAULT_ALIAS,
                home, false, env);
    }

    private StartupProblem refused(String key, String retired, String keystore, MockEnvironment env) {
        return refused(key, retired, keystore, env, "");
    }

    private StartupProblem refused(String key, String retired, String keystore, MockEnvironment env, String password) {
        return catchThrowableOfType(StartupProblem.class, () -> new RegistryKeyConfiguration().registryKeys(key,
                retired, keystore, password, RegistryKeys.DEFAULT_ALIAS, home, false, env));
    }

    private Path keystore(String password, String alias) throws Exception {
        KeyStore store = KeyStore.getInstance("PKCS12");
        store.load(null, password.toCharArray());
        store.setEntry(alias, new KeyStore.SecretKeyEntry(new SecretKeySpec(
                Base64.getDecoder().decode(RegistryKeys.generateBase64()), "AES")),
                new KeyStore.PasswordProtection(password.toCharArray()));
        Path file = home.resolve("registry.p12");
        try (OutputStream out = Files.newOutputStream(file)) {
            store.store(out, password.toCharArray());
        }
        return file;
    }
}
