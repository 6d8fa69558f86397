package kz.agyn.platform.database;

import kz.agyn.platform.startup.StartupProblem;

/** A start-up failure of the embedded database whose message tells the user what to do. */
public class EmbeddedDatabaseException extends StartupProblem {

    public EmbeddedDatabaseException(String message, Throwable cause) {
        this(message, "Free the port or directory, or point Agyn at an external PostgreSQL with AGYN_DB_URL, "
                + "AGYN_DB_USER and AGYN_DB_PASSWORD.", cause);
    }

    public EmbeddedDatabaseException(String message, String action, Throwable cause) {
        super(message, action, cause);
    }
}
