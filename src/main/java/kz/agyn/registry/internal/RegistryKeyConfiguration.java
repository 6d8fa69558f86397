package kz.agyn.registry.internal;

import java.nio.file.Path;

import kz.agyn.registry.pii.BlindIndex;
import kz.agyn.registry.pii.PersonalDataCipher;
import kz.agyn.registry.pii.Pseudonym;
import kz.agyn.registry.pii.RegistryKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * Where the registry's key comes from. In order: {@code agyn.registry.key} (env {@code AGYN_REGISTRY_KEY}, Base64
 * of 32 bytes), a PKCS12 keystore ({@code agyn.registry.keystore}, {@code agyn.registry.keystore-password}), a
 * throw-away key when the database itself is throw-away ({@code agyn.db.ephemeral}, as in tests), and otherwise
 * a key file generated once under {@code agyn.registry.key-directory} for a developer's machine. Retired keys
 * ({@code agyn.registry.retired-keys}, comma-separated) still decrypt after a rotation.
 */
@Configuration
class RegistryKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryKeyConfiguration.class);

    @Bean
    RegistryKeys registryKeys(@Value("${agyn.registry.key:}") String key,
                              @Value("${agyn.registry.retired-keys:}") String retired,
                              @Value("${agyn.registry.keystore:}") String keystore,
                              @Value("${agyn.registry.keystore-password:}") String keystorePassword,
                              @Value("${agyn.registry.keystore-alias:" + RegistryKeys.DEFAULT_ALIAS + "}") String alias,
                              @Value("${agyn.registry.key-directory}") Path directory,
                              @Value("${agyn.db.ephemeral:false}") boolean ephemeralDatabase) {
        RegistryKeys.Loader loader = RegistryKeys.loader();
        if (!retired.isBlank()) {
            loader.retiredBase64(retired);
        }
        if (!key.isBlank()) {
            return loader.base64(key).load();
        }
        if (!keystore.isBlank()) {
            return loader.keyStore(Path.of(keystore), keystorePassword.toCharArray(), alias).load();
        }
        if (ephemeralDatabase) {
            return RegistryKeys.ephemeral();
        }
        RegistryKeys keys = loader.developerKeyDirectory(directory).load();
        log.warn("The registry's personal data are encrypted with the key file in {} — back it up: without it "
                + "the data cannot be read. In production give the key in AGYN_REGISTRY_KEY or a keystore.", directory);
        return keys;
    }

    @Bean
    PersonalDataCipher personalDataCipher(RegistryKeys keys) {
        return new PersonalDataCipher(keys);
    }

    @Bean
    BlindIndex blindIndex(RegistryKeys keys) {
        return new BlindIndex(keys);
    }

    @Bean
    Pseudonym pseudonym(RegistryKeys keys) {
        return new Pseudonym(keys);
    }
}
