package kz.agyn.platform.database;

import org.springframework.boot.diagnostics.AbstractFailureAnalyzer;
import org.springframework.boot.diagnostics.FailureAnalysis;

/** Turns an embedded database failure into Spring Boot's short "APPLICATION FAILED TO START" report. */
class EmbeddedDatabaseFailureAnalyzer extends AbstractFailureAnalyzer<EmbeddedDatabaseException> {

    @Override
    protected FailureAnalysis analyze(Throwable rootFailure, EmbeddedDatabaseException cause) {
        return new FailureAnalysis(cause.getMessage(),
                "Free the port or directory, or point Agyn at an external PostgreSQL with AGYN_DB_URL, "
                        + "AGYN_DB_USER and AGYN_DB_PASSWORD.", cause);
    }
}
