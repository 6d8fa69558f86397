package kz.agyn.platform.database;

import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import io.zonky.test.db.postgres.embedded.EmbeddedPostgres;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts a real PostgreSQL (zonky's packaged binaries) inside the application when no external database is
 * configured, so that a new user needs nothing but a JDK. An external database is chosen by setting
 * {@code spring.datasource.url} or {@code AGYN_DB_URL}; then this configuration stays out of the way.
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    private static final Logger log = LoggerFactory.getLogger(EmbeddedDatabaseConfiguration.class);
    static final String DATABASE = "agyn";

    @Bean(destroyMethod = "close")
    EmbeddedPostgres embeddedPostgres(EmbeddedDatabaseProperties properties) {
        EmbeddedPostgres.Builder builder = EmbeddedPostgres.builder()
                .setPGStartupWait(Duration.ofSeconds(60))
                .setLocaleConfig("locale", "C")
                .setLocaleConfig("encoding", "UTF8")
                .setServerConfig("listen_addresses", "127.0.0.1");
        if (properties.ephemeral()) {
            builder.setCleanDataDirectory(true);
        } else {
            Path dir = properties.dataDirectory().toAbsolutePath();
            checkDirectory(dir);
            // zonky turns synchronous_commit off (right for throw-away test databases); data kept for the user
            // must survive a crash with every acknowledged commit, so it is switched back on here.
            builder.setDataDirectory(dir).setCleanDataDirectory(false).setServerConfig("synchronous_commit", "on");
        }
        int port = properties.port();
        if (port != 0) {
            checkPort(port);
            builder.setPort(port);
        }
        try {
            EmbeddedPostgres pg = builder.start();
            log.info("Embedded PostgreSQL started on 127.0.0.1:{} ({})", pg.getPort(),
                    properties.ephemeral() ? "temporary data" : "data in " + properties.dataDirectory());
            return pg;
        } catch (IOException | RuntimeException e) {
            throw new EmbeddedDatabaseException(
                    "The embedded PostgreSQL could not start"
                            + (properties.ephemeral() ? "" : " with data directory " + properties.dataDirectory())
                            + ": " + rootMessage(e)
                            + ". If another Agyn is running on the same data directory, stop it first; otherwise "
                            + "choose another directory with agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY).",
                    e);
        }
    }

    @Bean
    DataSource dataSource(EmbeddedPostgres pg) {
        createDatabaseIfMissing(pg);
        HikariConfig config = new HikariConfig();
        config.setJdbcUrl(pg.getJdbcUrl("postgres", DATABASE));
        config.setUsername("postgres");
        config.setPoolName("agyn-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    private static void createDatabaseIfMissing(EmbeddedPostgres pg) {
        try (var c = pg.getPostgresDatabase().getConnection();
             var check = c.prepareStatement("SELECT 1 FROM pg_database WHERE datname = ?")) {
            check.setString(1, DATABASE);
            try (var rs = check.executeQuery()) {
                if (!rs.next()) {
                    try (var create = c.createStatement()) {
                        create.execute("CREATE DATABASE " + DATABASE + " ENCODING 'UTF8' TEMPLATE template0");
                    }
                }
            }
        } catch (java.sql.SQLException e) {
            throw new EmbeddedDatabaseException("The embedded PostgreSQL started but the database '" + DATABASE
                    + "' could not be created: " + e.getMessage(), e);
        }
    }

    private static void checkDirectory(Path dir) {
        try {
            Files.createDirectories(dir);
        } catch (IOException | SecurityException e) {
            throw new EmbeddedDatabaseException("The data directory " + dir + " cannot be created ("
                    + rootMessage(e) + "). Choose another with agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY).", e);
        }
        if (!Files.isDirectory(dir) || !Files.isWritable(dir)) {
            throw new EmbeddedDatabaseException("The data directory " + dir + " is not a writable directory. "
                    + "Choose another with agyn.db.data-directory (AGYN_DB_DATA_DIRECTORY).", null);
        }
    }

    private static void checkPort(int port) {
        try (ServerSocket socket = new ServerSocket()) {
            socket.setReuseAddress(true);
            socket.bind(new InetSocketAddress("127.0.0.1", port));
        } catch (IOException e) {
            throw new EmbeddedDatabaseException("Port " + port + " on 127.0.0.1 is already in use, so the embedded "
                    + "PostgreSQL cannot listen on it. Free it or set agyn.db.port (AGYN_DB_PORT) to another port, "
                    + "or to 0 to pick a free one.", e);
        }
    }

    private static String rootMessage(Throwable e) {
        Throwable t = e;
        while (t.getCause() != null && t.getCause() != t) {
            t = t.getCause();
        }
        return t.getMessage() == null ? t.getClass().getSimpleName() : t.getMessage();
    }
}
