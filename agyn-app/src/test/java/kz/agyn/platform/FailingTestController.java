package kz.agyn.platform;

import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;

/** Exists only in tests: a page that fails, to see what a user is shown when the server errs. */
@RestController
class FailingTestController {

    static final String SECRET = "internal-detail-850101300124";

    @GetMapping({"/test/failure", "/api/v1/test/failure"})
    String fail() {
        throw new IllegalStateException("Something broke with " + SECRET);
    }

    /** What a query meets when the database has gone away: the pool cannot give a connection. */
    @GetMapping({"/test/database-down", "/api/v1/test/database-down"})
    String databaseDown() {
        throw new org.springframework.jdbc.CannotGetJdbcConnectionException("Failed to obtain JDBC Connection",
                new java.sql.SQLTransientConnectionException("agyn-embedded - Connection is not available, "
                        + "request timed out after 5000ms (total=0, active=0, idle=0, waiting=0)"));
    }
}
