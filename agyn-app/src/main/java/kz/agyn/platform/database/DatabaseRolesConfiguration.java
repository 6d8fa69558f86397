package kz.agyn.platform.database;

import javax.sql.DataSource;

import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.flyway.autoconfigure.FlywayConfigurationCustomizer;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Condition;
import org.springframework.context.annotation.ConditionContext;
import org.springframework.context.annotation.Conditional;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.env.Environment;
import org.springframework.core.type.AnnotatedTypeMetadata;
import org.springframework.util.StringUtils;

/**
 * Two database roles, embedded or external (decision 0011): the migrations run as the schema's owner, the
 * application as a role that owns nothing. With an external database the owner is {@code AGYN_DB_MIGRATION_USER}
 * ({@code agyn.db.migration-user}); without it, one user does both, as before.
 */
@Configuration(proxyBeanMethods = false)
class DatabaseRolesConfiguration {

    @Bean
    AppRoleGrants appRoleGrants(ObjectProvider<DataSource> dataSource) {
        return new AppRoleGrants(dataSource.getObject());
    }

    @Bean
    @Conditional(ExternalMigrationUser.class)
    FlywayConfigurationCustomizer migrationUserRunsMigrations(Environment env) {
        String url = env.getProperty("spring.flyway.url", env.getProperty("spring.datasource.url"));
        String user = env.getProperty("agyn.db.migration-user");
        String password = env.getProperty("agyn.db.migration-password", "");
        return flyway -> flyway.dataSource(url, user, password);
    }

    @Bean
    static ConnectionFailures.Wrapper connectionFailuresWrapper() {
        return new ConnectionFailures.Wrapper();
    }

    @Bean
    @Conditional(ExternalDatabase.class)
    static ExternalDatabaseProbe externalDatabaseProbe(Environment env) {
        return new ExternalDatabaseProbe(env);
    }

    /** An external database. */
    static class ExternalDatabase implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            return StringUtils.hasText(context.getEnvironment().getProperty("spring.datasource.url"));
        }
    }

    /** An external database and a migration user of its own. */
    static class ExternalMigrationUser implements Condition {

        @Override
        public boolean matches(ConditionContext context, AnnotatedTypeMetadata metadata) {
            Environment env = context.getEnvironment();
            return StringUtils.hasText(env.getProperty("spring.datasource.url"))
                    && StringUtils.hasText(env.getProperty("agyn.db.migration-user"));
        }
    }
}
