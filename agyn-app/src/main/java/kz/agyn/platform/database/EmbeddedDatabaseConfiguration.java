package kz.agyn.platform.database;

import javax.sql.DataSource;

import com.zaxxer.hikari.HikariConfig;
import com.zaxxer.hikari.HikariDataSource;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;

/**
 * Starts Agyn's own PostgreSQL ({@link EmbeddedCluster}) when no external database is configured, so that a new
 * user needs nothing but a JDK. An external database is chosen by setting {@code spring.datasource.url} or
 * {@code AGYN_DB_URL}; then this configuration stays out of the way.
 *
 * <p>The application's pool connects as {@code agyn_app}; Flyway connects as {@code agyn_owner}, which owns the
 * schema (decision 0011).
 */
@Configuration(proxyBeanMethods = false)
@Conditional(NoExternalDatabaseCondition.class)
class EmbeddedDatabaseConfiguration {

    @Bean(destroyMethod = "close")
    EmbeddedCluster embeddedCluster(EmbeddedDatabaseProperties properties) {
        return EmbeddedCluster.start(properties);
    }

    @Bean
    DataSource dataSource(EmbeddedCluster cluster,
                          @Value("${spring.datasource.hikari.connection-timeout:5000}") long connectionTimeout) {
        HikariConfig config = new HikariConfig();
        config.setConnectionTimeout(connectionTimeout);
        config.setJdbcUrl(cluster.jdbcUrl(EmbeddedCluster.DATABASE));
        config.setUsername(EmbeddedCluster.APP);
        config.setPassword(cluster.password(EmbeddedCluster.APP));
        config.setPoolName("agyn-embedded");
        config.setMaximumPoolSize(10);
        return new HikariDataSource(config);
    }

    /** Migrations run as the owner of the schema; the application's own role could not create a table. */
    @Bean
    FlywayConfigurationCustomizer ownerRunsMigrations(EmbeddedCluster cluster) {
        return flyway -> flyway.dataSource(cluster.dataSource(EmbeddedCluster.OWNER, EmbeddedCluster.DATABASE));
    }
}
