package kz.agyn.registry.keys;

import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.channels.SeekableByteChannel;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileAttribute;
import java.nio.file.attribute.PosixFileAttributeView;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.GeneralSecurityException;
import java.security.KeyStore;
import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Base64;
import java.util.Collections;
import java.util.EnumSet;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import javax.crypto.Mac;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;

/**
 * The registry's keys: one current 256-bit master key, from which the encryption key, the blind index keys, the
 * pseudonym key and the key id are derived with HKDF-SHA-256 under distinct labels, plus any retired master keys
 * whose ciphertexts must still be read after a rotation.
 *
 * <h2>Where the master key comes from</h2>
 * {@link #loader()} tries, in order: an explicit Base64 value (meant to be fed from property
 * {@code agyn.registry.key} or environment variable {@code AGYN_REGISTRY_KEY}); a PKCS12 keystore with its
 * password; and, for a developer's first start only, a key file {@value #DEVELOPER_KEY_FILE} in a given directory
 * (e.g. {@code ~/.agyn}), created once with owner-only permissions and never overwritten. {@link #ephemeral()}
 * gives a random key for tests.
 *
 * <h2>Rotation</h2>
 * Every ciphertext names the key id it was made with; {@link PersonalDataCipher} encrypts with the current key
 * and decrypts with the current or any retired key. Blind indexes use the current key only, so a rotation must
 * be followed by the re-key job ({@code kz.agyn.registry.keys.RegistryRekeyJobs}, {@code agyn registry-rekey}) that
 * decrypts each row, re-encrypts it and recomputes its hashes; during that job {@link BlindIndex#iinCandidates}
 * finds rows under either key. Pseudonyms are stored once made and survive a rotation (docs/decisions/0010).
 *
 * <p>Nothing here ever prints, logs or puts into an exception message the key material: {@link #toString()}
 * shows the source and the key ids only. The master key bytes are wiped once the derived keys exist.
 */
public final class RegistryKeys {

    /** The file name of the developer key inside the directory given to the loader. */
    public static final String DEVELOPER_KEY_FILE = "registry.key";
    /** The alias of the current key in a PKCS12 keystore unless another is given. */
    public static final String DEFAULT_ALIAS = "agyn-registry";

    static final int KEY_BYTES = 32;
    static final int KEY_ID_BYTES = 4;

    private static final byte[] SALT = "kz.agyn.registry/v1".getBytes(StandardCharsets.US_ASCII);
    private static final Set<PosixFilePermission> OWNER_ONLY_FILE = PosixFilePermissions.fromString("rw-------");
    private static final Set<PosixFilePermission> OWNER_ONLY_DIR = PosixFilePermissions.fromString("rwx------");
    private static final SecureRandom RANDOM = new SecureRandom();

    /** Where the current key was found; lets the application warn when a developer key is used. */
    public enum Source { EXPLICIT, KEYSTORE, DEVELOPER_FILE, EPHEMERAL }

    /** The keys derived from one master key. */
    static final class Derived {
        final byte[] keyId;
        final byte[] encryption;
        final byte[] iinIndex;
        final byte[] nameIndex;
        final byte[] pseudonym;
        final SecretKeySpec aes;
        // Mac.getInstance and init cost more than hashing a short value; a bulk import hashes tens of thousands, so
        // each thread keeps one initialised Mac per key (doFinal leaves it ready for the next value).
        private final ThreadLocal<Mac> iinMac;
        private final ThreadLocal<Mac> nameMac;
        private final ThreadLocal<Mac> pseudonymMac;

        Derived(byte[] master) {
            this.keyId = Hkdf.derive(master, SALT, label("key-id"), KEY_ID_BYTES);
            this.encryption = Hkdf.derive(master, SALT, label("encryption/aes-256-gcm"), KEY_BYTES);
            this.iinIndex = Hkdf.derive(master, SALT, label("blind-index/iin"), KEY_BYTES);
            this.nameIndex = Hkdf.derive(master, SALT, label("blind-index/name"), KEY_BYTES);
            this.pseudonym = Hkdf.derive(master, SALT, label("pseudonym"), KEY_BYTES);
            this.aes = new SecretKeySpec(encryption, "AES");
            byte[] iinKey = iinIndex;
            byte[] nameKey = nameIndex;
            byte[] pseudonymKey = pseudonym;
            this.iinMac = ThreadLocal.withInitial(() -> Hkdf.mac(iinKey));
            this.nameMac = ThreadLocal.withInitial(() -> Hkdf.mac(nameKey));
            this.pseudonymMac = ThreadLocal.withInitial(() -> Hkdf.mac(pseudonymKey));
        }

        /** HMAC-SHA-256 under the IIN blind-index key; this thread's instance, ready for one doFinal. */
        Mac iinMac() {
            return iinMac.get();
        }

        Mac nameMac() {
            return nameMac.get();
        }

        Mac pseudonymMac() {
            return pseudonymMac.get();
        }

        String keyIdHex() {
            return HexFormat.of().formatHex(keyId);
        }

        private static byte[] label(String name) {
            return ("agyn registry " + name).getBytes(StandardCharsets.US_ASCII);
        }
    }

    private final Source source;
    private final Derived current;
    // Key id (hex) → derived keys, current first; insertion order keeps toString stable.
    private final Map<String, Derived> all;

    private RegistryKeys(Source source, Derived current, List<Derived> retired) {
        this.source = source;
        this.current = current;
        Map<String, Derived> map = new LinkedHashMap<>();
        map.put(current.keyIdHex(), current);
        for (Derived d : retired) {
            Derived previous = map.putIfAbsent(d.keyIdHex(), d);
            if (previous != null && !Arrays.equals(previous.encryption, d.encryption)) {
                throw new PersonalDataException(PersonalDataException.Code.KEY_ID_COLLISION,
                        "two different keys share key id " + d.keyIdHex() + "; generate a new key");
            }
        }
        this.all = Collections.unmodifiableMap(map);
    }

    /** A fresh random key held in memory only; for tests. */
    public static RegistryKeys ephemeral() {
        return new RegistryKeys(Source.EPHEMERAL, fromMaster(randomMaster()), List.of());
    }

    /** A key given as Base64 text of 32 bytes (standard or URL-safe alphabet, padding optional). */
    public static RegistryKeys fromBase64(String base64) {
        return new RegistryKeys(Source.EXPLICIT, fromMaster(decode(base64, "the configured value")), List.of());
    }

    /** New random key material as Base64, for an operator to put into a secret store; print it nowhere else. */
    public static String generateBase64() {
        byte[] master = randomMaster();
        try {
            return Base64.getEncoder().encodeToString(master);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    /** Starts choosing a key source; see the class comment for the order. */
    public static Loader loader() {
        return new Loader();
    }

    /**
     * These keys with {@code older} keys added for decryption only; the current key stays this one's. Use after a
     * rotation: the new key current, the old one retired.
     */
    public RegistryKeys withRetired(RegistryKeys... older) {
        List<Derived> retired = new ArrayList<>(all.values());
        retired.remove(0);
        for (RegistryKeys o : older) {
            retired.addAll(o.all.values());
        }
        return new RegistryKeys(source, current, retired);
    }

    public Source source() {
        return source;
    }

    /** The current key's id as 8 hex digits; not secret, safe to log, stored in every ciphertext. */
    public String currentKeyId() {
        return current.keyIdHex();
    }

    /** The ids of every loaded key, current first. */
    public List<String> keyIds() {
        return List.copyOf(all.keySet());
    }

    Derived current() {
        return current;
    }

    /** The derived keys for an id, or null when no loaded key has it. */
    Derived byId(byte[] keyId) {
        return all.get(HexFormat.of().formatHex(keyId));
    }

    List<Derived> allDerived() {
        return List.copyOf(all.values());
    }

    @Override
    public String toString() {
        return "RegistryKeys[source=" + source + ", current=" + currentKeyId() + ", retired=" + (all.size() - 1) + "]";
    }

    private static Derived fromMaster(byte[] master) {
        try {
            return new Derived(master);
        } finally {
            Arrays.fill(master, (byte) 0);
        }
    }

    private static byte[] randomMaster() {
        byte[] master = new byte[KEY_BYTES];
        RANDOM.nextBytes(master);
        return master;
    }

    private static byte[] decode(String text, String where) {
        if (text == null || text.isBlank()) {
            throw new PersonalDataException(PersonalDataException.Code.KEY_MISSING, "no key in " + where);
        }
        String compact = text.strip();
        byte[] bytes;
        try {
            bytes = compact.indexOf('-') >= 0 || compact.indexOf('_') >= 0
                    ? Base64.getUrlDecoder().decode(compact)
                    : Base64.getDecoder().decode(compact);
        } catch (IllegalArgumentException e) {
            // The decoder's message quotes the offending character of the key: not attached.
            throw new PersonalDataException(PersonalDataException.Code.KEY_NOT_BASE64,
                    "the key in " + where + " is not Base64 text");
        }
        if (bytes.length != KEY_BYTES) {
            int length = bytes.length;
            Arrays.fill(bytes, (byte) 0);
            throw new PersonalDataException(PersonalDataException.Code.KEY_WRONG_LENGTH,
                    "the key in " + where + " has " + length * 8 + " bits; 256 are required");
        }
        return bytes;
    }

    /**
     * Chooses the key source: the first one configured wins. Not thread-safe; build, load, discard. Holds a
     * password and possibly a key until {@link #load()} wipes them.
     */
    public static final class Loader {
        private String base64;
        private String retiredBase64;
        private Path keyStore;
        private char[] keyStorePassword;
        private String alias = DEFAULT_ALIAS;
        private Path developerDirectory;

        private Loader() {
        }

        /** An explicit key, e.g. property {@code agyn.registry.key}; null or blank means not configured. */
        public Loader base64(String value) {
            this.base64 = value;
            return this;
        }

        /**
         * Retired keys for decryption only, as comma-separated Base64 (e.g. property
         * {@code agyn.registry.retired-keys}); null or blank for none. Applies to whichever source wins.
         */
        public Loader retiredBase64(String commaSeparated) {
            this.retiredBase64 = commaSeparated;
            return this;
        }

        /**
         * A PKCS12 keystore holding the current key as a secret key entry under {@code alias} (null: the
         * {@linkplain #DEFAULT_ALIAS default}); every other secret key entry is loaded as a retired key. The
         * entries are protected by the store password, as {@code keytool -genseckey -storetype PKCS12} makes them.
         */
        public Loader keyStore(Path file, char[] password, String alias) {
            this.keyStore = file;
            this.keyStorePassword = password == null ? null : password.clone();
            this.alias = alias == null || alias.isBlank() ? DEFAULT_ALIAS : alias;
            return this;
        }

        /**
         * The developer fallback: {@code directory/registry.key}, generated on first use with permissions 0600
         * (the directory 0700 if it has to be created) and read on every later start. Never for production: the
         * key then lives next to the developer's home, unprotected by any secret store.
         */
        public Loader developerKeyDirectory(Path directory) {
            this.developerDirectory = directory;
            return this;
        }

        /** @throws PersonalDataException with a {@link PersonalDataException#code() code} naming the problem */
        public RegistryKeys load() {
            try {
                List<Derived> retired = new ArrayList<>();
                if (retiredBase64 != null && !retiredBase64.isBlank()) {
                    for (String part : retiredBase64.split(",")) {
                        if (!part.isBlank()) {
                            retired.add(fromMaster(decode(part, "the retired keys")));
                        }
                    }
                }
                if (base64 != null && !base64.isBlank()) {
                    return new RegistryKeys(Source.EXPLICIT, fromMaster(decode(base64, "the configured value")),
                            retired);
                }
                if (keyStore != null) {
                    return fromKeyStore(retired);
                }
                if (developerDirectory != null) {
                    return new RegistryKeys(Source.DEVELOPER_FILE, fromMaster(developerKey(developerDirectory)),
                            retired);
                }
                throw new PersonalDataException(PersonalDataException.Code.KEY_MISSING,
                        "no registry key configured: set agyn.registry.key (AGYN_REGISTRY_KEY) or a keystore");
            } finally {
                base64 = null;
                retiredBase64 = null;
                if (keyStorePassword != null) {
                    Arrays.fill(keyStorePassword, '\0');
                }
            }
        }

        private RegistryKeys fromKeyStore(List<Derived> retired) {
            KeyStore store;
            try (InputStream in = Files.newInputStream(keyStore)) {
                store = KeyStore.getInstance("PKCS12");
                store.load(in, keyStorePassword);
            } catch (IOException | GeneralSecurityException e) {
                // The cause says "wrong password", "no such file" or a format problem; none of it is secret.
                throw new PersonalDataException(PersonalDataException.Code.KEYSTORE_UNREADABLE,
                        "cannot open PKCS12 keystore " + keyStore, e);
            }
            try {
                KeyStore.ProtectionParameter protection = new KeyStore.PasswordProtection(keyStorePassword);
                Derived current = null;
                for (String name : Collections.list(store.aliases())) {
                    if (!store.entryInstanceOf(name, KeyStore.SecretKeyEntry.class)) {
                        continue;
                    }
                    SecretKey key = ((KeyStore.SecretKeyEntry) store.getEntry(name, protection)).getSecretKey();
                    Derived derived = fromMaster(checkedLength(key.getEncoded(), name));
                    if (name.equalsIgnoreCase(alias)) {
                        current = derived;
                    } else {
                        retired.add(derived);
                    }
                }
                if (current == null) {
                    throw new PersonalDataException(PersonalDataException.Code.KEYSTORE_ENTRY_MISSING,
                            "keystore " + keyStore + " has no secret key under alias '" + alias + "'");
                }
                retired.sort((a, b) -> a.keyIdHex().compareTo(b.keyIdHex()));
                return new RegistryKeys(Source.KEYSTORE, current, retired);
            } catch (GeneralSecurityException e) {
                throw new PersonalDataException(PersonalDataException.Code.KEYSTORE_UNREADABLE,
                        "cannot read the entries of keystore " + keyStore, e);
            }
        }

        private static byte[] checkedLength(byte[] encoded, String alias) {
            if (encoded == null || encoded.length != KEY_BYTES) {
                int bits = encoded == null ? 0 : encoded.length * 8;
                if (encoded != null) {
                    Arrays.fill(encoded, (byte) 0);
                }
                throw new PersonalDataException(PersonalDataException.Code.KEY_WRONG_LENGTH,
                        "keystore entry '" + alias + "' has " + bits + " bits; 256 are required");
            }
            return encoded;
        }

        private static byte[] developerKey(Path directory) {
            Path file = directory.resolve(DEVELOPER_KEY_FILE);
            try {
                if (!Files.exists(file)) {
                    create(directory, file);
                }
                checkOwnerOnly(file);
                String text = Files.readString(file, StandardCharsets.US_ASCII);
                return decode(text, "key file " + file);
            } catch (IOException e) {
                throw new PersonalDataException(PersonalDataException.Code.KEY_FILE_UNREADABLE,
                        "cannot create or read key file " + file, e);
            }
        }

        private static void create(Path directory, Path file) throws IOException {
            boolean posix = posix(directory);
            if (!Files.isDirectory(directory)) {
                if (posix) {
                    Files.createDirectories(directory, PosixFilePermissions.asFileAttribute(OWNER_ONLY_DIR));
                } else {
                    Files.createDirectories(directory);
                }
            }
            byte[] master = randomMaster();
            byte[] text = (Base64.getEncoder().encodeToString(master) + "\n").getBytes(StandardCharsets.US_ASCII);
            Arrays.fill(master, (byte) 0);
            // CREATE_NEW with the permissions as a creation attribute: the file never exists with wider rights,
            // and an existing key (another process won the race) is never overwritten.
            FileAttribute<?>[] attributes = posix
                    ? new FileAttribute<?>[] {PosixFilePermissions.asFileAttribute(OWNER_ONLY_FILE)}
                    : new FileAttribute<?>[0];
            try (SeekableByteChannel channel = Files.newByteChannel(file,
                    EnumSet.of(StandardOpenOption.CREATE_NEW, StandardOpenOption.WRITE), attributes)) {
                channel.write(ByteBuffer.wrap(text));
            } catch (FileAlreadyExistsException raced) {
                return;
            } finally {
                Arrays.fill(text, (byte) 0);
            }
            if (!posix) {
                java.io.File f = file.toFile();
                f.setReadable(false, false);
                f.setWritable(false, false);
                f.setReadable(true, true);
                f.setWritable(true, true);
            }
        }

        private static void checkOwnerOnly(Path file) throws IOException {
            if (!posix(file)) {
                return;
            }
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            Set<PosixFilePermission> others = EnumSet.copyOf(permissions);
            others.removeAll(EnumSet.of(PosixFilePermission.OWNER_READ, PosixFilePermission.OWNER_WRITE,
                    PosixFilePermission.OWNER_EXECUTE));
            if (!others.isEmpty()) {
                throw new PersonalDataException(PersonalDataException.Code.KEY_FILE_TOO_OPEN,
                        "key file " + file + " has permissions " + PosixFilePermissions.toString(permissions)
                                + "; make it readable by its owner only (chmod 600)");
            }
        }

        private static Path existingAncestor(Path path) {
            Path p = path.toAbsolutePath();
            while (p != null && !Files.exists(p)) {
                p = p.getParent();
            }
            return p == null ? path.toAbsolutePath().getRoot() : p;
        }

        private static boolean posix(Path path) {
            return Files.getFileAttributeView(existingAncestor(path), PosixFileAttributeView.class) != null;
        }

        @Override
        public String toString() {
            return "RegistryKeys.Loader";
        }
    }
}
