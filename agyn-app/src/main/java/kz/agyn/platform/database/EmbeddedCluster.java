package kz.agyn.platform.database;

import java.io.Closeable;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.channels.FileChannel;
import java.nio.channels.FileLock;
import java.nio.channels.OverlappingFileLockException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import javax.sql.DataSource;

import org.postgresql.PGConnection;
import org.postgresql.ds.PGSimpleDataSource;
import org.postgresql.util.PSQLException;
import org.postgresql.util.PasswordUtil;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Agyn's own PostgreSQL cluster: created, upgraded, started, watched and stopped here (zonky's jar supplies only
 * the programs). What it guarantees, and why (decision 0011):
 *
 * <ul>
 * <li>Only password connections (SCRAM-SHA-256) over 127.0.0.1; no Unix socket, no {@code trust}. The passwords
 *     are generated and kept 0600 next to the data directory ({@link ClusterSecret}).</li>
 * <li>Three roles: the superuser {@code postgres}, used only here at start-up; {@code agyn_owner}, which owns the
 *     database and every object in it and runs Flyway; {@code agyn_app}, the application's connections, which may
 *     read and write rows but owns nothing, so it cannot alter, drop or disable anything (the audit log's
 *     triggers included), and gets no UPDATE, DELETE or TRUNCATE on append-only tables ({@link AppRoleGrants}).</li>
 * <li>A cluster made by an earlier Agyn (trust authentication, everything owned by {@code postgres}) is upgraded
 *     in place at the first start: the superuser gets a password in single-user mode (no network at all), the
 *     roles are created and everything is given to {@code agyn_owner}.</li>
 * <li>The server never outlives the JVM: a watchdog process, started with it, waits on a pipe from the JVM and
 *     stops the server when the pipe closes, which happens however the JVM ends ({@code kill -9} included). A start
 *     that still finds a server on its data directory (the watchdog was killed too) stops it and goes on.</li>
 * <li>If the server dies while the application runs, it is started again (crash recovery keeps every commit that
 *     was acknowledged: {@code synchronous_commit} and {@code fsync} are on for kept data).</li>
 * </ul>
 */
final class EmbeddedCluster implements Closeable {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedCluster.class);

    static final String DATABASE = "agyn";
    static final String SUPERUSER = "postgres";
    static final String OWNER = "agyn_owner";
    static final String APP = "agyn_app";
    static final String LOG_FILE = "agyn-postgres.log";
    private static final String PG_HBA = """
            # Written by Agyn at every start (decision 0011): password (SCRAM-SHA-256) connections over 127.0.0.1
            # only. No Unix socket, no trust, no replication. Changes made here are overwritten.
            # TYPE  DATABASE  USER  ADDRESS        METHOD
            host    all       all   127.0.0.1/32   scram-sha-256
            """;
    private static final Duration WAIT = Duration.ofSeconds(60);

    private final PostgresBinaries binaries;
    private final Path dataDirectory;
    private final Path temporaryRoot;
    private final ClusterSecret secret;
    private final int port;
    private final FileChannel lockChannel;
    private final FileLock lock;
    private Process watchdog;
    private Thread guard;
    private volatile boolean closed;
    private volatile boolean restartAutomatically = true;
    private volatile long restarts;

    private EmbeddedCluster(PostgresBinaries binaries, Path dataDirectory, Path temporaryRoot, ClusterSecret secret,
                            int port, FileChannel lockChannel, FileLock lock) {
        this.binaries = binaries;
        this.dataDirectory = dataDirectory;
        this.temporaryRoot = temporaryRoot;
        this.secret = secret;
        this.port = port;
        this.lockChannel = lockChannel;
        this.lock = lock;
    }

    /** Creates or upgrades the cluster as needed, starts it with its watchdog, and sets up roles and database. */
    static EmbeddedCluster start(EmbeddedDatabaseProperties properties) {
        Path root = null;
        Path dir;
        if (properties.ephemeral()) {
            try {
                root = Files.createTempDirectory("agyn-pg-");
            } catch (IOException e) {
                throw new EmbeddedDatabaseException("No temporary folder for the throw-away database ("
                        + rootMessage(e) + ")", "Free space in " + System.getProperty("java.io.tmpdir")
                        + " or set java.io.tmpdir to another folder.", e);
            }
            dir = root.resolve("pgdata");
        } else {
            dir = properties.dataDirectory().toAbsolutePath().normalize();
            checkDirectory(dir);
        }
        FileChannel channel = null;
        FileLock lock = null;
        EmbeddedCluster cluster = null;
        try {
            if (root == null) {
                channel = FileChannel.open(sibling(dir, ".lock"), StandardOpenOption.CREATE, StandardOpenOption.READ,
                        StandardOpenOption.WRITE);
                lock = lock(channel, dir);
            }
            int port = properties.port() == 0 ? freePort() : checkPort(properties.port());
            PostgresBinaries binaries = PostgresBinaries.unpack(properties.binariesDirectory());
            stopOrphan(binaries, dir);
            boolean fresh = !Files.exists(dir.resolve("PG_VERSION"));
            if (fresh) {
                if (Files.isDirectory(dir)) {
                    checkEmpty(dir);
                }
            } else {
                checkVersion(binaries, dir);
            }
            ClusterSecret secret = ClusterSecret.loadOrCreate(root == null ? sibling(dir, ".secret")
                    : root.resolve("pgdata.secret"), List.of(SUPERUSER, OWNER, APP));
            cluster = new EmbeddedCluster(binaries, dir, root, secret, port, channel, lock);
            if (fresh) {
                cluster.initdb(properties.ephemeral());
            } else if (secret.created()) {
                // An earlier Agyn's cluster (no passwords at all), or one whose password file was lost.
                log.info("Setting new passwords in the cluster {} (upgrade from trust authentication, or a lost {})",
                        dir, secret.file().getFileName());
                cluster.resetSuperuserPassword();
            }
            cluster.configure(properties.ephemeral());
            cluster.startWatchdog();
            cluster.startServer();
            try {
                cluster.setUp();
            } catch (PSQLException e) {
                if (!"28P01".equals(e.getSQLState())) {
                    throw e;
                }
                // The superuser's password is not the file's (changed by hand, or a file from another cluster).
                log.warn("The superuser's password in {} does not match; setting it again", secret.file());
                cluster.stopServer();
                cluster.resetSuperuserPassword();
                cluster.startServer();
                cluster.setUp();
            }
            cluster.startGuard();
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} ({})", port,
                    properties.ephemeral() ? "temporary data" : "data in " + dir);
            return cluster;
        } catch (RuntimeException | IOException | SQLException e) {
            if (cluster != null) {
                cluster.close();
            } else {
                release(channel, lock);
                deleteQuietly(root);
            }
            if (e instanceof EmbeddedDatabaseException problem) {
                throw problem;
            }
            throw new EmbeddedDatabaseException("The embedded PostgreSQL could not start"
                    + (properties.ephemeral() ? "" : " with data directory " + dir) + ": " + rootMessage(e)
                    + " (its log: " + dir.resolve(LOG_FILE) + ")", e);
        }
    }

    int port() {
        return port;
    }

    Path dataDirectory() {
        return dataDirectory;
    }

    /** How many times the server was started again after it died while the application ran. */
    long restarts() {
        return restarts;
    }

    String jdbcUrl(String database) {
        return "jdbc:postgresql://127.0.0.1:" + port + "/" + database;
    }

    String password(String role) {
        return secret.password(role);
    }

    /** A connection-per-call data source (no pool) as one role, for Flyway and for the set-up. */
    DataSource dataSource(String role, String database) {
        PGSimpleDataSource ds = new PGSimpleDataSource();
        ds.setServerNames(new String[] {"127.0.0.1"});
        ds.setPortNumbers(new int[] {port});
        ds.setDatabaseName(database);
        ds.setUser(role);
        ds.setPassword(secret.password(role));
        ds.setApplicationName("agyn");
        return ds;
    }

    // ---------------------------------------------------------------- creating and configuring the cluster

    private void initdb(boolean ephemeral) throws IOException {
        // The superuser's password reaches initdb in a file readable by its owner only, deleted right after.
        Path pwfile = Files.createTempFile(dataDirectory.getParent(), "initdb-", ".pw",
                java.nio.file.attribute.PosixFilePermissions.asFileAttribute(
                        java.nio.file.attribute.PosixFilePermissions.fromString("rw-------")));
        try {
            Files.writeString(pwfile, secret.password(SUPERUSER) + "\n");
            List<String> args = new ArrayList<>(List.of("-D", dataDirectory.toString(), "-U", SUPERUSER,
                    "--auth=scram-sha-256", "--pwfile=" + pwfile, "--encoding=UTF8", "--locale=C"));
            if (ephemeral) {
                args.add("--no-sync");
            }
            run(binaries.command("initdb", args.toArray(String[]::new)), WAIT, "initdb");
        } finally {
            Files.deleteIfExists(pwfile);
        }
    }

    /**
     * Sets the superuser's password in single-user mode: no network and no authentication, only the owner of the
     * files can do it, which is why a lost password file (or an earlier Agyn's cluster without passwords) costs
     * nothing. The password goes in as a SCRAM verifier, never in clear text.
     */
    private void resetSuperuserPassword() throws IOException {
        String verifier = PasswordUtil.encodeScramSha256(secret.password(SUPERUSER).toCharArray());
        List<String> command = binaries.command("postgres", "--single", "-D", dataDirectory.toString(),
                "-c", "listen_addresses=", "-c", "unix_socket_directories=", "postgres");
        ProcessBuilder pb = new ProcessBuilder(command).redirectErrorStream(true);
        Process p = pb.start();
        try (var in = p.getOutputStream()) {
            in.write(("ALTER ROLE " + SUPERUSER + " WITH LOGIN SUPERUSER PASSWORD '" + verifier + "'\n")
                    .getBytes(StandardCharsets.UTF_8));
        }
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(p, WAIT, "postgres --single");
        if (p.exitValue() != 0 || output.contains("ERROR:") || output.contains("FATAL:")) {
            throw new IOException("setting the superuser's password in single-user mode failed: " + lastLines(output));
        }
    }

    /**
     * Writes the authentication rules and Agyn's settings. {@code pg_hba.conf} is Agyn's alone; the settings go to
     * {@code agyn.conf}, included at the end of {@code postgresql.conf}, so that an operator's own lines after the
     * include still win.
     */
    private void configure(boolean ephemeral) throws IOException {
        Path hba = dataDirectory.resolve("pg_hba.conf");
        String before = Files.exists(hba) ? Files.readString(hba) : "";
        if (!before.equals(PG_HBA)) {
            if (before.lines().anyMatch(l -> !l.strip().startsWith("#") && l.matches(".*\\btrust\\b.*"))) {
                log.info("Replacing trust authentication in {} by passwords (SCRAM-SHA-256)", hba);
            }
            Files.writeString(hba, PG_HBA);
        }
        String settings = """
                # Written by Agyn at every start; to override a setting, add it to postgresql.conf after the include.
                listen_addresses = '127.0.0.1'
                unix_socket_directories = ''
                password_encryption = 'scram-sha-256'
                timezone = 'UTC'
                """ + (ephemeral
                // A throw-away test cluster: durability buys nothing there, speed does.
                ? "fsync = off\nsynchronous_commit = off\nfull_page_writes = off\n"
                // Kept data: a commit that was acknowledged survives a crash of the JVM, of PostgreSQL or of the machine.
                : "fsync = on\nsynchronous_commit = on\nfull_page_writes = on\n");
        Files.writeString(dataDirectory.resolve("agyn.conf"), settings);
        Path conf = dataDirectory.resolve("postgresql.conf");
        String include = "include_if_exists = 'agyn.conf'";
        if (Files.readAllLines(conf).stream().noneMatch(l -> l.strip().equals(include))) {
            Files.writeString(conf, "\n# Agyn's settings (decision 0011)\n" + include + "\n", StandardOpenOption.APPEND);
        }
    }

    // ---------------------------------------------------------------- starting, watching and stopping the server

    /**
     * The watchdog: a shell that reads a pipe from the JVM until it closes, then stops the server. Its own session
     * (setsid) and ignored SIGINT/SIGHUP keep it alive through a Ctrl-C or a closed terminal, which the JVM handles
     * by stopping the server itself; a kill -9 of the JVM closes the pipe all the same.
     */
    private void startWatchdog() throws IOException {
        String script = "trap '' INT HUP QUIT; while IFS= read -r _; do :; done; \"$@\" >/dev/null 2>&1; "
                + "if [ -n \"$AGYN_REMOVE\" ]; then rm -rf -- \"$AGYN_REMOVE\"; fi";
        List<String> command = new ArrayList<>();
        if (Files.isExecutable(Path.of("/usr/bin/setsid")) || Files.isExecutable(Path.of("/bin/setsid"))) {
            command.add("setsid");
        }
        command.addAll(List.of("/bin/sh", "-c", script, "agyn-postgres-watchdog"));
        command.addAll(stopCommand("fast"));
        ProcessBuilder pb = new ProcessBuilder(command)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD).redirectError(ProcessBuilder.Redirect.DISCARD);
        if (temporaryRoot != null) {
            pb.environment().put("AGYN_REMOVE", temporaryRoot.toString());
        } else {
            pb.environment().remove("AGYN_REMOVE");
        }
        watchdog = pb.start();
    }

    private List<String> stopCommand(String mode) {
        return binaries.command("pg_ctl", "stop", "-D", dataDirectory.toString(), "-m", mode, "-w", "-t", "60");
    }

    private synchronized void startServer() throws IOException {
        rotateLog();
        List<String> command = binaries.command("pg_ctl", "start", "-D", dataDirectory.toString(),
                "-l", dataDirectory.resolve(LOG_FILE).toString(), "-w", "-t", Long.toString(WAIT.toSeconds()),
                "-o", "-p " + port);
        ProcessResult result = run(command, WAIT.plusSeconds(10), null);
        if (result.exit() != 0) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL could not start with data directory "
                    + dataDirectory + ": " + serverLogTail(), "Read " + dataDirectory.resolve(LOG_FILE)
                    + "; if the data directory is damaged, restore it from a backup or choose another with "
                    + "agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY).", null);
        }
    }

    private synchronized void stopServer() {
        try {
            ProcessResult result = run(stopCommand("fast"), WAIT.plusSeconds(10), null);
            if (result.exit() != 0 && PostmasterPid.read(dataDirectory).map(PostmasterPid::alive).orElse(false)) {
                log.warn("pg_ctl stop -m fast failed ({}); stopping the server immediately", result.output().strip());
                run(stopCommand("immediate"), WAIT.plusSeconds(10), null);
            }
        } catch (IOException | RuntimeException e) {
            log.error("Could not stop the embedded PostgreSQL on {}: {}", dataDirectory, e.toString());
        }
    }

    /** A thread that starts the server again if it dies while the application runs (kill -9, the OOM killer). */
    private void startGuard() {
        guard = new Thread(() -> {
            while (!closed) {
                try {
                    Thread.sleep(1000);
                } catch (InterruptedException e) {
                    return;
                }
                if (closed || !restartAutomatically || serverRunning()) {
                    continue;
                }
                log.error("The embedded PostgreSQL on {} has stopped unexpectedly; starting it again", dataDirectory);
                try {
                    awaitLeftovers(dataDirectory);
                    removeStalePidFile(dataDirectory);
                    startServer();
                    restarts++;
                    log.info("The embedded PostgreSQL is running again on 127.0.0.1:{}", port);
                } catch (RuntimeException | IOException e) {
                    // Most often its old processes still hold the shared memory for a moment; try again shortly.
                    log.warn("The embedded PostgreSQL could not start again yet: {}", rootMessage(e));
                }
            }
        }, "embedded-postgres-guard");
        guard.setDaemon(true);
        guard.start();
    }

    /** Whether the guard starts a dead server again (tests switch it off to look at the outage itself). */
    void restartAutomatically(boolean restart) {
        this.restartAutomatically = restart;
    }

    /** True when a postmaster serves this data directory, as its {@code postmaster.pid} and the process table say. */
    boolean serverRunning() {
        return PostmasterPid.read(dataDirectory).map(p -> p.alive() && p.servesDirectory(dataDirectory))
                .orElse(false);
    }

    @Override
    public void close() {
        if (closed) {
            return;
        }
        closed = true;
        if (guard != null) {
            guard.interrupt();
        }
        if (watchdog != null) {
            // Told to go away first (SIGTERM, not trapped), so that it does not race the stop below.
            watchdog.destroy();
        }
        stopServer();
        release(lockChannel, lock);
        deleteQuietly(temporaryRoot);
    }

    // ---------------------------------------------------------------- roles, database and ownership

    /**
     * Makes the roles, the database and the ownership what decision 0011 says, whatever they were: on a new cluster
     * this creates them; on an earlier Agyn's cluster it gives everything {@code postgres} owned to {@code
     * agyn_owner}; on a current one it changes nothing. Runs as the superuser, whose connection is then closed.
     */
    private void setUp() throws SQLException {
        try (Connection c = connect(SUPERUSER, "postgres")) {
            for (String role : List.of(OWNER, APP)) {
                boolean exists;
                try (var ps = c.prepareStatement("SELECT 1 FROM pg_roles WHERE rolname = ?")) {
                    ps.setString(1, role);
                    try (var rs = ps.executeQuery()) {
                        exists = rs.next();
                    }
                }
                String attributes = " LOGIN NOSUPERUSER NOCREATEDB NOCREATEROLE NOREPLICATION NOBYPASSRLS INHERIT";
                execute(c, (exists ? "ALTER ROLE " : "CREATE ROLE ") + role + " WITH" + attributes);
                // Computed here (SCRAM), so the password itself never crosses the connection or reaches a log.
                c.unwrap(PGConnection.class).alterUserPassword(role, secret.password(role).toCharArray(),
                        "scram-sha-256");
                // Neither role may inherit another's rights (pg_read_server_files, the owner's, ...).
                List<String> memberships = new ArrayList<>();
                try (var ps = c.prepareStatement("""
                        SELECT g.rolname FROM pg_auth_members m JOIN pg_roles g ON g.oid = m.roleid
                        JOIN pg_roles r ON r.oid = m.member WHERE r.rolname = ?""")) {
                    ps.setString(1, role);
                    try (var rs = ps.executeQuery()) {
                        while (rs.next()) {
                            memberships.add(rs.getString(1));
                        }
                    }
                }
                for (String granted : memberships) {
                    log.warn("Role {} was a member of {}; membership revoked", role, granted);
                    execute(c, "REVOKE " + quote(granted) + " FROM " + role);
                }
            }
            boolean exists;
            try (var ps = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
                ps.setString(1, DATABASE);
                try (var rs = ps.executeQuery()) {
                    exists = rs.next();
                }
            }
            if (exists) {
                execute(c, "ALTER DATABASE " + DATABASE + " OWNER TO " + OWNER);
            } else {
                execute(c, "CREATE DATABASE " + DATABASE + " OWNER " + OWNER + " ENCODING 'UTF8' TEMPLATE template0");
            }
            execute(c, "REVOKE ALL ON DATABASE " + DATABASE + " FROM PUBLIC");
            execute(c, "GRANT CONNECT, TEMPORARY ON DATABASE " + DATABASE + " TO " + APP);
            // The roles have no business in the maintenance database.
            execute(c, "REVOKE CONNECT, TEMPORARY ON DATABASE postgres FROM PUBLIC");
        }
        try (Connection c = connect(SUPERUSER, DATABASE)) {
            execute(c, "ALTER SCHEMA public OWNER TO " + OWNER);
            execute(c, "REVOKE CREATE ON SCHEMA public FROM PUBLIC");
            int moved = giveToOwner(c);
            if (moved > 0) {
                log.info("Upgraded the database '{}': {} objects owned by {} now belong to {}", DATABASE, moved,
                        SUPERUSER, OWNER);
            }
        }
    }

    /** Every object of schema public that the superuser owns (an earlier Agyn made them all so) goes to the owner. */
    private static int giveToOwner(Connection c) throws SQLException {
        List<String> statements = new ArrayList<>();
        // Tables first: their serial and identity sequences, indexes and row types go with them.
        collect(c, statements, """
                SELECT CASE c.relkind WHEN 'v' THEN 'VIEW' WHEN 'm' THEN 'MATERIALIZED VIEW'
                                      WHEN 'f' THEN 'FOREIGN TABLE' WHEN 'c' THEN 'TYPE' ELSE 'TABLE' END
                       || ' ' || c.oid::regclass
                FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind IN ('r', 'p', 'v', 'm', 'f', 'c')
                  AND pg_get_userbyid(c.relowner) = 'postgres'
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = c.oid AND d.deptype = 'e')""");
        collect(c, statements, """
                SELECT 'ROUTINE ' || p.oid::regprocedure FROM pg_proc p
                WHERE p.pronamespace = 'public'::regnamespace AND pg_get_userbyid(p.proowner) = 'postgres'
                  AND p.prokind IN ('f', 'p')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = p.oid AND d.deptype = 'e')""");
        collect(c, statements, """
                SELECT CASE t.typtype WHEN 'd' THEN 'DOMAIN ' ELSE 'TYPE ' END || t.oid::regtype FROM pg_type t
                WHERE t.typnamespace = 'public'::regnamespace AND pg_get_userbyid(t.typowner) = 'postgres'
                  AND t.typtype IN ('e', 'd')
                  AND NOT EXISTS (SELECT 1 FROM pg_depend d WHERE d.objid = t.oid AND d.deptype = 'e')""");
        for (String s : statements) {
            execute(c, "ALTER " + s + " OWNER TO " + OWNER);
        }
        List<String> sequences = new ArrayList<>();
        collect(c, sequences, """
                SELECT 'SEQUENCE ' || c.oid::regclass FROM pg_class c
                WHERE c.relnamespace = 'public'::regnamespace AND c.relkind = 'S'
                  AND pg_get_userbyid(c.relowner) = 'postgres'""");
        for (String s : sequences) {
            execute(c, "ALTER " + s + " OWNER TO " + OWNER);
        }
        return statements.size() + sequences.size();
    }

    private static void collect(Connection c, List<String> into, String sql) throws SQLException {
        try (var st = c.createStatement(); var rs = st.executeQuery(sql)) {
            while (rs.next()) {
                into.add(rs.getString(1));
            }
        }
    }

    private static void execute(Connection c, String sql) throws SQLException {
        try (var st = c.createStatement()) {
            st.execute(sql);
        }
    }

    private static String quote(String identifier) {
        return "\"" + identifier.replace("\"", "\"\"") + "\"";
    }

    Connection connect(String role, String database) throws SQLException {
        Properties props = new Properties();
        props.setProperty("user", role);
        props.setProperty("password", secret.password(role));
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "agyn-setup");
        return DriverManager.getConnection(jdbcUrl(database), props);
    }

    // ---------------------------------------------------------------- checks made before anything is started

    /**
     * A server still running on this data directory although no Agyn holds its lock: the JVM that started it died
     * and its watchdog with it. It serves Agyn's own cluster, so it is stopped cleanly ({@code -m fast}: open
     * transactions roll back, every commit stays) before this start goes on.
     */
    private static void stopOrphan(PostgresBinaries binaries, Path dir) throws IOException {
        Optional<PostmasterPid> pid = PostmasterPid.read(dir);
        if (pid.isEmpty()) {
            return; // stopped cleanly
        }
        if (!pid.get().alive()) {
            // The postmaster died (kill -9): a stale file PostgreSQL sees through, once its last backends are gone.
            awaitLeftovers(dir);
            return;
        }
        if (!pid.get().servesDirectory(dir)) {
            removeStalePidFile(dir);
            return;
        }
        log.warn("A PostgreSQL (process {}) left running by an Agyn that ended without stopping it serves {}; "
                + "stopping it", pid.get().pid(), dir);
        ProcessResult fast = run(binaries.command("pg_ctl", "stop", "-D", dir.toString(), "-m", "fast", "-w", "-t",
                "60"), WAIT.plusSeconds(10), null);
        ProcessHandle handle = ProcessHandle.of(pid.get().pid()).orElse(null);
        if (handle != null && handle.isAlive()) {
            log.warn("pg_ctl stop -m fast did not stop it ({}); stopping it immediately", fast.output().strip());
            run(binaries.command("pg_ctl", "stop", "-D", dir.toString(), "-m", "immediate", "-w", "-t", "30"),
                    WAIT, null);
            try {
                handle.onExit().get(30, TimeUnit.SECONDS);
            } catch (Exception e) {
                throw new EmbeddedDatabaseException("A PostgreSQL (process " + pid.get().pid() + ") still runs on "
                        + dir + " and could not be stopped.", "Stop it (kill " + pid.get().pid() + ") and start "
                        + "Agyn again.", e);
            }
        }
        log.info("The PostgreSQL left running on {} has stopped", dir);
    }

    /**
     * A {@code postmaster.pid} whose process id now belongs to another process (reused after a reboot, or within
     * seconds on a busy machine after a kill): PostgreSQL would take that process for a live postmaster and refuse
     * to start, so the file goes. Nothing is removed while a PostgreSQL serves this directory.
     */
    private static void removeStalePidFile(Path dir) throws IOException {
        Optional<PostmasterPid> pid = PostmasterPid.read(dir);
        if (pid.isPresent() && pid.get().alive() && !pid.get().servesDirectory(dir)) {
            log.warn("{} names process {}, which is not a PostgreSQL on this directory; removing the stale file",
                    dir.resolve(PostmasterPid.FILE), pid.get().pid());
            Files.deleteIfExists(dir.resolve(PostmasterPid.FILE));
        }
    }

    /**
     * Waits for the backends of a postmaster that was killed: they notice and exit within moments, but until then
     * they hold the shared memory, and PostgreSQL refuses to start. A backend's working directory is the data
     * directory, which is how they are found.
     */
    static void awaitLeftovers(Path dir) {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(30);
        List<Long> left = leftovers(dir);
        while (!left.isEmpty() && System.nanoTime() < deadline) {
            try {
                Thread.sleep(200);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                return;
            }
            left = leftovers(dir);
        }
        if (!left.isEmpty()) {
            throw new EmbeddedDatabaseException("Processes " + left + " of a PostgreSQL that stopped abnormally still "
                    + "use the data directory " + dir + ".", "Stop them (kill " + left.get(0) + " ...) and start Agyn "
                    + "again.", null);
        }
    }

    private static List<Long> leftovers(Path dir) {
        List<Long> pids = new ArrayList<>();
        try (Stream<Path> procs = Files.list(Path.of("/proc"))) {
            for (Path proc : (Iterable<Path>) procs::iterator) {
                String name = proc.getFileName().toString();
                if (!name.chars().allMatch(Character::isDigit) || Long.parseLong(name) == ProcessHandle.current().pid()) {
                    continue;
                }
                try {
                    if (Files.isSameFile(Files.readSymbolicLink(proc.resolve("cwd")), dir)) {
                        pids.add(Long.parseLong(name));
                    }
                } catch (IOException | SecurityException e) {
                    // gone meanwhile, or another user's process: not ours to wait for
                }
            }
        } catch (IOException e) {
            return List.of(); // no /proc: PostgreSQL's own check is all there is
        }
        return pids;
    }

    private static FileLock lock(FileChannel channel, Path dir) throws IOException {
        FileLock lock;
        try {
            lock = channel.tryLock();
        } catch (OverlappingFileLockException e) {
            lock = null;
        }
        if (lock == null) {
            String holder = new String(Files.readAllBytes(sibling(dir, ".lock")), StandardCharsets.UTF_8).strip();
            throw new EmbeddedDatabaseException("Another Agyn" + (holder.isEmpty() ? "" : " (process " + holder + ")")
                    + " is using the data directory " + dir + ".",
                    "Stop it first (a command such as import also counts), or choose another data directory with "
                            + "agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY).", null);
        }
        channel.truncate(0);
        channel.write(java.nio.ByteBuffer.wrap((ProcessHandle.current().pid() + "\n")
                .getBytes(StandardCharsets.UTF_8)), 0);
        return lock;
    }

    private static void release(FileChannel channel, FileLock lock) {
        try {
            if (lock != null && lock.isValid()) {
                lock.release();
            }
            if (channel != null) {
                channel.close();
            }
        } catch (IOException e) {
            log.debug("Releasing the data directory's lock: {}", e.toString());
        }
    }

    private static void checkDirectory(Path dir) {
        if (Files.exists(dir) && !Files.isDirectory(dir)) {
            throw new EmbeddedDatabaseException("The data directory " + dir + " is a file, not a directory.",
                    "Choose another with agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY), or move the file away.",
                    null);
        }
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new EmbeddedDatabaseException("The data directory " + dir + " cannot be created ("
                    + rootMessage(e) + ").", "Choose another with agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY), "
                    + "or make its folder writable by Agyn's user.", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir) || !Files.isWritable(dir.getParent())) {
            throw new EmbeddedDatabaseException("The data directory " + dir + " is not a writable directory in a "
                    + "writable folder (its passwords and lock are kept beside it).", "Choose another with "
                    + "agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY), or make it writable by Agyn's user.", null);
        }
    }

    private static void checkEmpty(Path dir) throws IOException {
        try (Stream<Path> files = Files.list(dir)) {
            List<String> names = files.map(p -> p.getFileName().toString()).limit(3).toList();
            if (!names.isEmpty()) {
                throw new EmbeddedDatabaseException("The data directory " + dir + " holds files (" + String.join(", ",
                        names) + ") but no PostgreSQL cluster (no PG_VERSION).", "Point agyn.db.data-directory "
                        + "(AGYN_DB_DATA_DIRECTORY) at an empty or missing folder, or at Agyn's cluster.", null);
            }
        }
    }

    /** A cluster of another PostgreSQL major version cannot be opened by these programs. */
    private static void checkVersion(PostgresBinaries binaries, Path dir) throws IOException {
        String cluster = Files.readString(dir.resolve("PG_VERSION")).strip();
        ProcessResult v = run(binaries.command("postgres", "--version"), Duration.ofSeconds(30), "postgres --version");
        java.util.regex.Matcher m = java.util.regex.Pattern.compile("(\\d+)(\\.\\d+)?").matcher(v.output());
        if (m.find() && !m.group(1).equals(cluster)) {
            throw new EmbeddedDatabaseException("The data directory " + dir + " holds a PostgreSQL " + cluster
                    + " cluster; this Agyn runs PostgreSQL " + m.group(1) + ".", "Use the Agyn version that made "
                    + "it, or dump it with that version and restore into a new data directory.", null);
        }
    }

    private static int checkPort(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
            return port;
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Port " + port + " on 127.0.0.1 is already in use, so the embedded "
                    + "PostgreSQL cannot listen on it.", "Free it, or set agyn.db.port (AGYN_DB_PORT) to another "
                    + "port, or to 0 to pick a free one.", e);
        }
    }

    private static int freePort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            return socket.getLocalPort();
        }
    }

    // ---------------------------------------------------------------- processes and files

    record ProcessResult(int exit, String output) {
    }

    /** Runs a program to its end; with {@code what} set, a non-zero exit is an error naming it. */
    private static ProcessResult run(List<String> command, Duration timeout, String what) throws IOException {
        Process p = new ProcessBuilder(command).redirectErrorStream(true)
                .redirectInput(ProcessBuilder.Redirect.from(new java.io.File("/dev/null"))).start();
        String output = new String(p.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        waitFor(p, timeout, String.join(" ", command));
        if (what != null && p.exitValue() != 0) {
            throw new IOException(what + " failed: " + lastLines(output));
        }
        return new ProcessResult(p.exitValue(), output);
    }

    private static void waitFor(Process p, Duration timeout, String what) throws IOException {
        try {
            if (!p.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
                p.destroyForcibly();
                throw new IOException(what + " did not finish within " + timeout.toSeconds() + " s");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IOException("interrupted while waiting for " + what, e);
        }
    }

    private void rotateLog() {
        Path log = dataDirectory.resolve(LOG_FILE);
        try {
            if (Files.exists(log) && Files.size(log) > 10L * 1024 * 1024) {
                Files.move(log, dataDirectory.resolve(LOG_FILE + ".1"),
                        java.nio.file.StandardCopyOption.REPLACE_EXISTING);
            }
        } catch (IOException e) {
            EmbeddedCluster.log.debug("Could not rotate {}: {}", log, e.toString());
        }
    }

    private String serverLogTail() {
        try {
            return lastLines(Files.readString(dataDirectory.resolve(LOG_FILE)));
        } catch (IOException e) {
            return "no log (" + e.getMessage() + ")";
        }
    }

    private static String lastLines(String output) {
        List<String> lines = output.lines().filter(l -> !l.isBlank()).toList();
        return String.join(" / ", lines.subList(Math.max(0, lines.size() - 3), lines.size()));
    }

    private static Path sibling(Path dir, String suffix) {
        return dir.resolveSibling(dir.getFileName() + suffix);
    }

    private static void deleteQuietly(Path root) {
        if (root == null) {
            return;
        }
        try {
            PostgresBinaries.deleteTree(root);
        } catch (IOException e) {
            log.debug("Could not delete {}: {}", root, e.toString());
        }
    }

    static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
