package kz.agyn.platform.database;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * What a data directory's {@code postmaster.pid} says about the server that runs on it, checked against the
 * process table: PostgreSQL writes the file when it starts and removes it when it stops, so after a crash it may
 * name a process that is gone, or (after a reboot) a process that is now something else.
 *
 * @param pid the postmaster's process id, as the file says
 * @param port the TCP port it listens on, as the file says (0 if unreadable)
 */
record PostmasterPid(long pid, int port) {

    static final String FILE = "postmaster.pid";

    /** The file's contents, or empty when there is no such file (no server, or one that stopped cleanly). */
    static Optional<PostmasterPid> read(Path dataDirectory) {
        Path file = dataDirectory.resolve(FILE);
        List<String> lines;
        try {
            lines = Files.readAllLines(file, StandardCharsets.UTF_8);
        } catch (IOException e) {
            return Optional.empty();
        }
        if (lines.isEmpty()) {
            return Optional.empty();
        }
        try {
            long pid = Long.parseLong(lines.get(0).strip());
            int port = lines.size() > 3 ? Integer.parseInt(lines.get(3).strip()) : 0;
            return Optional.of(new PostmasterPid(pid, port));
        } catch (NumberFormatException e) {
            return Optional.of(new PostmasterPid(0, 0));
        }
    }

    boolean alive() {
        return pid > 0 && ProcessHandle.of(pid).map(ProcessHandle::isAlive).orElse(false);
    }

    /**
     * True when the live process is a PostgreSQL server whose {@code -D} is this data directory: read from
     * {@code /proc/PID/cmdline}, which the postmaster (unlike its backends) leaves as it was started.
     */
    boolean servesDirectory(Path dataDirectory) {
        Path cmdline = Path.of("/proc", Long.toString(pid), "cmdline");
        String[] args;
        try {
            args = new String(Files.readAllBytes(cmdline), StandardCharsets.UTF_8).split("\0");
        } catch (IOException | SecurityException e) {
            return false;
        }
        if (args.length == 0 || !Path.of(args[0]).getFileName().toString().equals("postgres")) {
            return false;
        }
        List<String> list = Arrays.asList(args);
        int d = list.indexOf("-D");
        return d >= 0 && d + 1 < args.length && sameFile(Path.of(args[d + 1]), dataDirectory);
    }

    private static boolean sameFile(Path a, Path b) {
        try {
            return Files.isSameFile(a, b);
        } catch (IOException e) {
            return a.toAbsolutePath().normalize().equals(b.toAbsolutePath().normalize());
        }
    }
}
