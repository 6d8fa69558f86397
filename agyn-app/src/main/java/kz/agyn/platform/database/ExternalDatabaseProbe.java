package kz.agyn.platform.database;

import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.Properties;

import javax.sql.DataSource;

import kz.agyn.platform.startup.StartupProblem;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.core.env.Environment;
import org.springframework.util.StringUtils;

/**
 * Before the connection pool or Flyway first connects to an external database, connects once itself with the same
 * address and users, so that a wrong AGYN_DB_URL, user, password or database name stops the start with two lines
 * ({@link DatabaseConnectionProblem}) rather than the pool's logged stack trace followed by Flyway's.
 */
class ExternalDatabaseProbe implements BeanPostProcessor {

    private final Environment env;
    private volatile boolean probed;

    /** Checks the address's form at once: the pool would refuse it before any connection is tried. */
    ExternalDatabaseProbe(Environment env) {
        this.env = env;
        String url = env.getProperty("spring.datasource.url", "");
        if (!url.startsWith("jdbc:postgresql://")) {
            throw new StartupProblem("AGYN_DB_URL (spring.datasource.url) is not a PostgreSQL JDBC address: " + url
                    + ".", "Write it as jdbc:postgresql://HOST:5432/DATABASE.");
        }
    }

    @Override
    public Object postProcessAfterInitialization(Object bean, String beanName) {
        if (bean instanceof DataSource && !probed) {
            probed = true;
            String url = env.getProperty("spring.datasource.url", "");
            probe(url, env.getProperty("spring.datasource.username"), env.getProperty("spring.datasource.password"));
            String migrationUser = env.getProperty("agyn.db.migration-user");
            if (StringUtils.hasText(migrationUser)) {
                probe(env.getProperty("spring.flyway.url", url), migrationUser,
                        env.getProperty("agyn.db.migration-password"));
            }
        }
        return bean;
    }

    private void probe(String url, String user, String password) {
        Properties props = new Properties();
        if (StringUtils.hasText(user)) {
            props.setProperty("user", user);
        }
        if (password != null && !password.isEmpty()) {
            props.setProperty("password", password);
        }
        props.setProperty("connectTimeout", "10");
        props.setProperty("ApplicationName", "agyn-start");
        try (Connection c = DriverManager.getConnection(url, props)) {
            c.isValid(5);
        } catch (SQLException e) {
            StartupProblem problem = DatabaseConnectionProblem.from(e, env);
            throw problem != null ? problem : new StartupProblem("Agyn cannot connect to the database " + url + ": "
                    + e.getMessage(), "Check AGYN_DB_URL, AGYN_DB_USER and AGYN_DB_PASSWORD.", e);
        }
    }
}
