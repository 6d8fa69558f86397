package kz.agyn.platform.cli;

import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * How a command-line tool starts the application: without the web server (so without the security filter chains,
 * the start-up demonstration data and the first administrator, which belong to the observatory), quietly (its
 * report goes to standard output, and warnings go to standard error: logback-cli.xml), and without Spring's shutdown hook,
 * which would close the database under a job that Ctrl-C is still rolling back ({@link CtrlC} handles Ctrl-C).
 */
public final class CommandApplication {

    /** The application the commands start; set by the program's entry point, which is the one to know it. */
    private static volatile Class<?> application;

    private CommandApplication() {
    }

    /**
     * Names the application that {@link #start()} starts. The entry point ({@code kz.agyn.Main}) calls it before it
     * runs a command, so that the features' commands need not name the application class, which sits above them
     * (and would close a cycle: entry point, feature commands, application).
     */
    public static void use(Class<?> app) {
        application = app;
    }

    /** As {@link #start(Class)}, with the application named by {@link #use}. */
    public static ConfigurableApplicationContext start() {
        Class<?> app = application;
        if (app == null) {
            throw new IllegalStateException("No application to start: the entry point names it with use()");
        }
        return start(app);
    }

    /**
     * The running application, or {@link StartFailed} when it could not start: Spring Boot has then already
     * printed why (a {@code StartupProblem}'s two lines, or the failure), so the command only exits non-zero.
     */
    public static ConfigurableApplicationContext start(Class<?> application) {
        try {
            return new SpringApplicationBuilder(application).web(WebApplicationType.NONE).logStartupInfo(false)
                    .registerShutdownHook(false)
                    .run("--spring.main.banner-mode=off", "--logging.config=classpath:logback-cli.xml",
                            // application.yml raises Flyway's migration lines to INFO for the observatory's log
                            "--logging.level.org.flywaydb.core.internal.command=WARN");
        } catch (RuntimeException e) {
            throw new StartFailed(e);
        }
    }

    /** The application did not start, and Spring Boot has said why. */
    public static final class StartFailed extends RuntimeException {
        public StartFailed(Throwable cause) {
            super("The application could not start", cause);
        }
    }
}
