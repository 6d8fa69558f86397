package kz.agyn.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that Agyn starts when no external database is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts so a second start reuses the data
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param ephemeral a throw-away cluster in a temporary directory (tests, demonstrations)
 */
@ConfigurationProperties("agyn.db")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port, boolean ephemeral) {

    public EmbeddedDatabaseProperties {
        if (dataDirectory == null) {
            dataDirectory = Path.of(System.getProperty("user.home"), ".agyn", "pgdata");
        }
    }
}
