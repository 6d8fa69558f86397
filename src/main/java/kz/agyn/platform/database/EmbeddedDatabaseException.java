package kz.agyn.platform.database;

/** A start-up failure of the embedded database whose message tells the user what to do. */
public class EmbeddedDatabaseException extends RuntimeException {

    public EmbeddedDatabaseException(String message, Throwable cause) {
        super(message, cause);
    }
}
