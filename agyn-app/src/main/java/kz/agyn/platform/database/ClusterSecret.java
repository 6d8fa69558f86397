package kz.agyn.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermission;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The generated passwords of the embedded cluster's roles, kept in a file that only its owner can read, next to
 * the data directory and never inside it (a copy of the data directory alone gives no way in). The file is not
 * needed to restore such a copy: when it is missing, Agyn makes new passwords and sets them in the cluster, which
 * it can do because it owns the cluster's files (see {@link EmbeddedCluster}).
 *
 * <p>Plain {@code role=password} lines, so that an operator can hand one to {@code psql} (README).
 */
final class ClusterSecret {

    private static final Logger log = LoggerFactory.getLogger(ClusterSecret.class);
    private static final Set<PosixFilePermission> OWNER_ONLY = PosixFilePermissions.fromString("rw-------");
    private static final String HEADER = """
            # Passwords of Agyn's embedded PostgreSQL (127.0.0.1 only; the port is on line 4 of pgdata/postmaster.pid).
            # Readable by its owner only. If it is lost, Agyn makes new passwords at its next start.
            """;

    private final Map<String, String> passwords;
    private final Path file;
    private final boolean created;

    private ClusterSecret(Map<String, String> passwords, Path file, boolean created) {
        this.passwords = passwords;
        this.file = file;
        this.created = created;
    }

    /** The file's passwords, or new ones for every role (written to the file) when it is missing or incomplete. */
    static ClusterSecret loadOrCreate(Path file, List<String> roles) {
        try {
            if (Files.exists(file)) {
                Map<String, String> read = read(file);
                if (read.keySet().containsAll(roles)) {
                    return new ClusterSecret(read, file, false);
                }
                log.warn("{} lacks some of the database passwords; new ones are made for every role", file);
            }
            SecureRandom random = new SecureRandom();
            Map<String, String> passwords = new LinkedHashMap<>();
            for (String role : roles) {
                byte[] bytes = new byte[24];
                random.nextBytes(bytes);
                passwords.put(role, Base64.getUrlEncoder().withoutPadding().encodeToString(bytes));
            }
            write(file, passwords);
            return new ClusterSecret(passwords, file, true);
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL's password file " + file
                    + " cannot be read or written (" + EmbeddedCluster.rootMessage(e) + ").",
                    "Make its folder writable by the user running Agyn, or delete the file if it is damaged: Agyn "
                            + "then makes new passwords and sets them in the database.", e);
        }
    }

    private static Map<String, String> read(Path file) throws IOException {
        try {
            Set<PosixFilePermission> permissions = Files.getPosixFilePermissions(file);
            if (!OWNER_ONLY.containsAll(permissions)) {
                log.warn("{} was readable by other users; its permissions are now 0600", file);
                Files.setPosixFilePermissions(file, OWNER_ONLY);
            }
        } catch (UnsupportedOperationException e) {
            // not a POSIX file system: nothing to check
        }
        Map<String, String> passwords = new LinkedHashMap<>();
        for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
            String l = line.strip();
            int eq = l.indexOf('=');
            if (!l.startsWith("#") && eq > 0 && eq < l.length() - 1) {
                passwords.put(l.substring(0, eq).strip(), l.substring(eq + 1).strip());
            }
        }
        return passwords;
    }

    /** Written to a new file with owner-only permissions from the start, then moved over the old one. */
    private static void write(Path file, Map<String, String> passwords) throws IOException {
        StringBuilder text = new StringBuilder(HEADER);
        passwords.forEach((role, password) -> text.append(role).append('=').append(password).append('\n'));
        Path parent = file.toAbsolutePath().getParent();
        Files.createDirectories(parent);
        Path temp;
        try {
            temp = Files.createTempFile(parent, file.getFileName().toString(), ".new",
                    PosixFilePermissions.asFileAttribute(OWNER_ONLY));
        } catch (UnsupportedOperationException e) {
            temp = Files.createTempFile(parent, file.getFileName().toString(), ".new");
        }
        try {
            Files.writeString(temp, text, StandardCharsets.UTF_8);
            Files.move(temp, file, StandardCopyOption.REPLACE_EXISTING, StandardCopyOption.ATOMIC_MOVE);
        } finally {
            Files.deleteIfExists(temp);
        }
    }

    String password(String role) {
        String password = passwords.get(role);
        if (password == null) {
            throw new IllegalArgumentException("no password for role " + role);
        }
        return password;
    }

    Path file() {
        return file;
    }

    /** True when this start made the passwords: a new cluster, or one whose file was lost or made by an old Agyn. */
    boolean created() {
        return created;
    }

    @Override
    public String toString() {
        return "ClusterSecret[" + file + "]";
    }
}
