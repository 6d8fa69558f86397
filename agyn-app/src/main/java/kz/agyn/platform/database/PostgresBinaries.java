package kz.agyn.platform.database;

import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.nio.file.AtomicMoveNotSupportedException;
import java.nio.file.FileAlreadyExistsException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.DigestInputStream;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

import io.zonky.test.db.postgres.embedded.DefaultPostgresBinaryResolver;
import io.zonky.test.db.postgres.util.LinuxUtils;
import org.apache.commons.compress.archivers.tar.TarArchiveEntry;
import org.apache.commons.compress.archivers.tar.TarArchiveInputStream;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.tukaani.xz.XZInputStream;

/**
 * The PostgreSQL programs (initdb, pg_ctl, postgres) that zonky packages in a jar, unpacked once into a folder of
 * Agyn's own. Not into zonky's {@code /tmp/embedded-pg}: that folder is made writable by every local user, so
 * another account could put its own {@code postgres} there for Agyn to run with the cluster's files.
 */
final class PostgresBinaries {

    private static final Logger log = LoggerFactory.getLogger(PostgresBinaries.class);
    private static final String COMPLETE = ".complete";

    private final Path home;

    private PostgresBinaries(Path home) {
        this.home = home;
    }

    /** The folder holding {@code bin/}, {@code lib/} and {@code share/}, unpacked under {@code cache} if needed. */
    static PostgresBinaries unpack(Path cache) {
        String system = system();
        String arch = "amd64".equals(System.getProperty("os.arch")) ? "x86_64" : System.getProperty("os.arch");
        try {
            Files.createDirectories(cache);
            restrict(cache);
            // The folder is named by the archive's digest, so a new version of the programs gets a folder of its own.
            String digest;
            try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch);
                 DigestInputStream digesting = new DigestInputStream(in, MessageDigest.getInstance("SHA-256"))) {
                digesting.transferTo(OutputStream.nullOutputStream());
                digest = HexFormat.of().formatHex(digesting.getMessageDigest().digest(), 0, 8);
            }
            Path target = cache.resolve("PG-" + digest);
            if (!Files.exists(target.resolve(COMPLETE))) {
                try (InputStream in = DefaultPostgresBinaryResolver.INSTANCE.getPgBinary(system, arch)) {
                    extract(in, cache, target);
                }
            }
            return new PostgresBinaries(target);
        } catch (IOException | RuntimeException | NoSuchAlgorithmException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL's programs could not be unpacked into "
                    + cache + " (" + EmbeddedCluster.rootMessage(e) + ")", "Make sure the folder is writable and "
                    + "the disk has 100 MB free, or set agyn.db.binaries-directory to another folder.", e);
        }
    }

    /** The command line for one of PostgreSQL's programs, run as a non-root user if the JVM runs as root. */
    List<String> command(String program, String... args) {
        List<String> command = new ArrayList<>();
        // PostgreSQL refuses to run as root; zonky's answer, kept here, is a user namespace in which it is not.
        if (LinuxUtils.isUnshareAvailable()) {
            command.add("unshare");
            command.add("-U");
        }
        command.add(program(program).toString());
        command.addAll(List.of(args));
        return command;
    }

    Path program(String name) {
        return home.resolve("bin").resolve(name);
    }

    Path home() {
        return home;
    }

    private static void extract(InputStream archive, Path cache, Path target) throws IOException {
        log.info("Unpacking the embedded PostgreSQL into {}", target);
        // Unpacked beside the target and then renamed, so that a start killed half-way, or two starts at once,
        // never leave a half-filled folder that looks complete.
        Path staging = Files.createTempDirectory(cache, "unpacking-");
        try {
            try (InputStream in = new XZInputStream(new java.io.BufferedInputStream(archive, 1 << 16));
                 TarArchiveInputStream tar = new TarArchiveInputStream(in)) {
                for (TarArchiveEntry entry = tar.getNextEntry(); entry != null; entry = tar.getNextEntry()) {
                    Path file = staging.resolve(entry.getName()).normalize();
                    if (!file.startsWith(staging)) {
                        throw new IOException("archive entry outside its folder: " + entry.getName());
                    }
                    if (entry.isDirectory()) {
                        Files.createDirectories(file);
                    } else if (entry.isSymbolicLink() || entry.isLink()) {
                        Files.createDirectories(file.getParent());
                        Files.createSymbolicLink(file, Path.of(entry.getLinkName()));
                    } else {
                        Files.createDirectories(file.getParent());
                        Files.copy(tar, file, StandardCopyOption.REPLACE_EXISTING);
                        if ((entry.getMode() & 0100) != 0 || entry.getName().matches("(\\./)?bin/.*")) {
                            file.toFile().setExecutable(true, true);
                        }
                    }
                }
            }
            Files.createFile(staging.resolve(COMPLETE));
            try {
                Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
            } catch (FileAlreadyExistsException | AtomicMoveNotSupportedException e) {
                // Another start unpacked the same programs at the same time; use its copy.
                if (!Files.exists(target.resolve(COMPLETE))) {
                    deleteTree(target);
                    Files.move(staging, target, StandardCopyOption.ATOMIC_MOVE);
                }
            } catch (IOException e) {
                if (!Files.exists(target.resolve(COMPLETE))) {
                    throw e;
                }
            }
        } finally {
            if (Files.exists(staging)) {
                deleteTree(staging);
            }
        }
    }

    private static String system() {
        String os = System.getProperty("os.name").toLowerCase(Locale.ROOT);
        if (os.contains("linux")) {
            return "Linux";
        }
        if (os.contains("mac")) {
            return "Darwin";
        }
        if (os.contains("win")) {
            return "Windows";
        }
        return System.getProperty("os.name");
    }

    private static void restrict(Path dir) {
        try {
            Files.setPosixFilePermissions(dir, PosixFilePermissions.fromString("rwx------"));
        } catch (UnsupportedOperationException | IOException e) {
            log.debug("Could not restrict the permissions of {}: {}", dir, e.toString());
        }
    }

    static void deleteTree(Path root) throws IOException {
        if (!Files.exists(root, java.nio.file.LinkOption.NOFOLLOW_LINKS)) {
            return;
        }
        try (Stream<Path> all = Files.walk(root)) {
            for (Path p : all.sorted(java.util.Comparator.reverseOrder()).toList()) {
                Files.deleteIfExists(p);
            }
        }
    }
}
