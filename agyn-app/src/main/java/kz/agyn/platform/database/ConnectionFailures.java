package kz.agyn.platform.database;

import java.io.Closeable;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;

import javax.sql.DataSource;

import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Remembers, on the current thread, that the database refused a connection. The web layer clears it when a
 * request begins and reads it when the request is about to be refused a sign-in: a user that could not be looked
 * up is not a wrong password (kz.agyn.platform.web.DatabaseUnavailable).
 */
public final class ConnectionFailures {

    private static final ThreadLocal<Boolean> FAILED = new ThreadLocal<>();

    private ConnectionFailures() {
    }

    public static void clear() {
        FAILED.remove();
    }

    /** True when a connection was refused on this thread since the last {@link #clear()}. */
    public static boolean seen() {
        return Boolean.TRUE.equals(FAILED.get());
    }

    /** The application's data source, noting each refused connection. */
    static final class Recording extends DelegatingDataSource implements Closeable {

        Recording(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            try {
                return super.getConnection();
            } catch (SQLException e) {
                FAILED.set(Boolean.TRUE);
                throw e;
            }
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            try {
                return super.getConnection(username, password);
            } catch (SQLException e) {
                FAILED.set(Boolean.TRUE);
                throw e;
            }
        }

        /** Closes the pool behind it when the application stops. */
        @Override
        public void close() throws IOException {
            if (obtainTargetDataSource() instanceof Closeable c) {
                c.close();
            }
        }
    }

    /** Wraps the application's data source (the bean {@code dataSource}, embedded or external) in {@link Recording}. */
    static final class Wrapper implements BeanPostProcessor {
        @Override
        public Object postProcessAfterInitialization(Object bean, String beanName) {
            return bean instanceof DataSource ds && !(bean instanceof Recording) && "dataSource".equals(beanName)
                    ? new Recording(ds) : bean;
        }
    }
}
