package kz.agyn.platform.database;

import kz.agyn.platform.startup.StartupProblem;
import org.springframework.boot.diagnostics.FailureAnalysis;
import org.springframework.boot.diagnostics.FailureAnalyzer;
import org.springframework.core.env.Environment;

/**
 * Reports a database that cannot be reached or entered (a wrong AGYN_DB_URL, user or password, a database that
 * does not exist) in two lines, as {@link DatabaseConnectionProblem} words it, instead of Flyway's and Hikari's
 * stack of wrapped exceptions.
 */
class DatabaseConnectionFailureAnalyzer implements FailureAnalyzer {

    private final Environment environment;

    DatabaseConnectionFailureAnalyzer(Environment environment) {
        this.environment = environment;
    }

    @Override
    public FailureAnalysis analyze(Throwable failure) {
        if (StartupProblem.in(failure) != null) {
            return null; // already worded; StartupProblemFailureAnalyzer reports it
        }
        StartupProblem problem = DatabaseConnectionProblem.from(failure, environment);
        return problem == null ? null : new FailureAnalysis(problem.getMessage(), problem.action(), failure);
    }
}
