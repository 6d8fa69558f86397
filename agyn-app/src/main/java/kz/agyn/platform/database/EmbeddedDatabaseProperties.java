package kz.agyn.platform.database;

import java.nio.file.Path;

import org.springframework.boot.context.properties.ConfigurationProperties;

/**
 * Settings of the embedded PostgreSQL that Agyn starts when no external database is configured.
 *
 * @param dataDirectory where the cluster lives; kept across restarts so a second start reuses the data. Its
 *     passwords are kept beside it, in {@code <name>.secret}, and its lock in {@code <name>.lock}
 * @param port TCP port on 127.0.0.1; 0 picks a free one
 * @param ephemeral a throw-away cluster in a temporary directory (tests, demonstrations)
 * @param binariesDirectory where PostgreSQL's programs are unpacked (once per version)
 */
@ConfigurationProperties("agyn.db")
public record EmbeddedDatabaseProperties(Path dataDirectory, int port, boolean ephemeral, Path binariesDirectory) {

    public EmbeddedDatabaseProperties {
        Path home = Path.of(System.getProperty("user.home"), ".agyn");
        if (dataDirectory == null) {
            dataDirectory = home.resolve("pgdata");
        }
        if (binariesDirectory == null) {
            binariesDirectory = home.resolve("postgres");
        }
    }
}
