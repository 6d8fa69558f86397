package kz.agyn.registry.keys.internal;

import java.nio.file.Files;
import java.nio.file.Path;

import kz.agyn.platform.startup.Deployment;
import kz.agyn.platform.startup.StartupProblem;
import kz.agyn.registry.keys.BlindIndex;
import kz.agyn.registry.keys.PersonalDataCipher;
import kz.agyn.registry.keys.PersonalDataException;
import kz.agyn.registry.keys.Pseudonym;
import kz.agyn.registry.keys.RegistryKeys;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;

/**
 * Where the registry's key comes from. In order: {@code agyn.registry.key} (env {@code AGYN_REGISTRY_KEY}, Base64
 * of 32 bytes), a PKCS12 keystore ({@code agyn.registry.keystore}, {@code agyn.registry.keystore-password}), a
 * throw-away key when the embedded database itself is throw-away ({@code agyn.db.ephemeral}, as in tests), and,
 * for the demonstration setup only (embedded database, no production profile), a key file generated once under
 * {@code agyn.registry.key-directory}. Anywhere else a missing key stops the start: a key generated next to the
 * data would go into the same backups, and whoever holds one backup would hold both. Retired keys
 * ({@code agyn.registry.retired-keys}, comma-separated) still decrypt after a rotation.
 *
 * <p>A key that cannot be used (not Base64, not 256 bits, a keystore that does not open) is a
 * {@link StartupProblem}: two lines, what is wrong and what to do, never the key itself.
 */
@Configuration
class RegistryKeyConfiguration {

    private static final Logger log = LoggerFactory.getLogger(RegistryKeyConfiguration.class);
    static final String MAKE_A_KEY = "Make a key with `openssl rand -base64 32`, keep it apart from the database and "
            + "its backups (a secrets store, or a file only Agyn's user can read), and give it in AGYN_REGISTRY_KEY, "
            + "or as the entry 'agyn-registry' of a PKCS12 keystore (AGYN_REGISTRY_KEYSTORE, "
            + "AGYN_REGISTRY_KEYSTORE_PASSWORD).";

    @Bean
    RegistryKeys registryKeys(@Value("${agyn.registry.key:}") String key,
                              @Value("${agyn.registry.retired-keys:}") String retired,
                              @Value("${agyn.registry.keystore:}") String keystore,
                              @Value("${agyn.registry.keystore-password:}") String keystorePassword,
                              @Value("${agyn.registry.keystore-alias:" + RegistryKeys.DEFAULT_ALIAS + "}") String alias,
                              @Value("${agyn.registry.key-directory}") Path directory,
                              @Value("${agyn.db.ephemeral:false}") boolean ephemeralDatabase,
                              Environment env) {
        RegistryKeys.Loader loader = RegistryKeys.loader();
        try {
            if (!retired.isBlank()) {
                loader.retiredBase64(retired);
            }
            if (!key.isBlank()) {
                return loader.base64(key).load();
            }
            if (!keystore.isBlank()) {
                return loader.keyStore(Path.of(keystore), keystorePassword.toCharArray(), alias).load();
            }
            if (ephemeralDatabase && !Deployment.externalDatabase(env)) {
                return RegistryKeys.ephemeral();
            }
            if (!Deployment.demonstration(env)) {
                throw missingKey(env, directory.resolve(RegistryKeys.DEVELOPER_KEY_FILE));
            }
            RegistryKeys keys = loader.developerKeyDirectory(directory).load();
            log.warn("The registry's personal data are encrypted with the key file {} — a demonstration setup: back "
                    + "it up apart from the database, without it the data cannot be read. With an external database or "
                    + "AGYN_PROFILE=production, Agyn requires AGYN_REGISTRY_KEY or a keystore.",
                    directory.resolve(RegistryKeys.DEVELOPER_KEY_FILE));
            return keys;
        } catch (PersonalDataException e) {
            throw unusable(e, keystore);
        }
    }

    private static StartupProblem missingKey(Environment env, Path keyFile) {
        String problem = "No key for the registry's personal data: AGYN_REGISTRY_KEY and AGYN_REGISTRY_KEYSTORE are "
                + "empty. Agyn generates a key only for the demonstration setup, and this one has "
                + Deployment.whyNotDemonstration(env) + ".";
        String action = MAKE_A_KEY;
        if (Files.exists(keyFile)) {
            action = "An earlier start generated " + keyFile + " and the data stored so far are encrypted under it: "
                    + "move it into your secrets store and give it in AGYN_REGISTRY_KEY (for instance "
                    + "AGYN_REGISTRY_KEY=\"$(cat " + keyFile + ")\"), then delete the file. " + action;
        }
        return new StartupProblem(problem, action);
    }

    /** The loader's reason, which names the setting or file but never quotes key material, with what to do. */
    static StartupProblem unusable(PersonalDataException e, String keystore) {
        String reason = e.getMessage().substring(e.getMessage().indexOf(": ") + 2)
                .replace("the configured value", "AGYN_REGISTRY_KEY");
        String setting = reason.contains("retired keys") ? "AGYN_REGISTRY_RETIRED_KEYS" : "AGYN_REGISTRY_KEY";
        return switch (e.code()) {
            case KEY_NOT_BASE64 -> new StartupProblem("The registry key in " + setting + " is not Base64 text.",
                    "Give Base64 of 32 random bytes, such as the output of `openssl rand -base64 32`.");
            case KEY_WRONG_LENGTH -> new StartupProblem("The registry key cannot be used: " + reason + ".",
                    "A key is 32 random bytes in Base64 (44 characters): `openssl rand -base64 32` makes one.");
            case KEYSTORE_UNREADABLE -> new StartupProblem("The registry's keystore " + keystore
                    + " cannot be opened: " + keystoreReason(e) + ".", "Check AGYN_REGISTRY_KEYSTORE (a PKCS12 file "
                    + "readable by Agyn's user) and AGYN_REGISTRY_KEYSTORE_PASSWORD.");
            case KEYSTORE_ENTRY_MISSING -> new StartupProblem("The registry key cannot be used: " + reason + ".",
                    "Store the key as a secret key entry under that alias (agyn.registry.keystore-alias), for "
                            + "instance with keytool -importpass or -genseckey -keyalg AES -keysize 256.");
            case KEY_FILE_TOO_OPEN, KEY_FILE_UNREADABLE -> new StartupProblem("The registry key cannot be used: "
                    + reason + ".", "Make the file readable by Agyn's user only (chmod 600), or give the key in "
                    + "AGYN_REGISTRY_KEY instead.");
            case KEY_ID_COLLISION -> new StartupProblem("The registry keys cannot be used: " + reason + ".",
                    "Remove the duplicate from AGYN_REGISTRY_RETIRED_KEYS or the keystore.");
            default -> new StartupProblem("The registry key cannot be used: " + reason + ".", MAKE_A_KEY);
        };
    }

    /** Wrong password, missing file, unreadable file or not a keystore: the cause says which, without secrets. */
    private static String keystoreReason(PersonalDataException e) {
        for (Throwable t = e.getCause(); t != null; t = t.getCause()) {
            if (t instanceof java.security.UnrecoverableKeyException || (t.getMessage() != null
                    && t.getMessage().toLowerCase(java.util.Locale.ROOT).contains("password"))) {
                return "the password (AGYN_REGISTRY_KEYSTORE_PASSWORD) is wrong";
            }
            if (t instanceof java.nio.file.NoSuchFileException) {
                return "there is no such file";
            }
            if (t instanceof java.nio.file.AccessDeniedException) {
                return "Agyn's user may not read it";
            }
        }
        return "it is not a PKCS12 keystore, or its password is wrong";
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
