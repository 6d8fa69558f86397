package kz.agyn;

import java.util.concurrent.Callable;

import kz.agyn.forecast.cli.ForecastCommand;
import kz.agyn.jobs.cli.JobsCommand;
import kz.agyn.platform.cli.CommandApplication;
import kz.agyn.registry.imports.cli.RegistryImportCommand;
import kz.agyn.registry.keys.cli.RegistryRekeyCommand;
import kz.agyn.residency.cli.ResidencyCommand;
import kz.agyn.scenario.cli.SimulateCommand;
import kz.agyn.warehouse.cli.ImportCommand;
import kz.agyn.warehouse.refresh.cli.RefreshCommand;
import org.springframework.boot.SpringApplication;
import picocli.CommandLine;
import picocli.CommandLine.Command;
import picocli.CommandLine.Option;

/**
 * Entry point of the single jar: the web observatory by default, and the command-line tools that later
 * features add as subcommands.
 */
@Command(name = "agyn", mixinStandardHelpOptions = true, versionProvider = Main.Version.class,
        description = "Agyn: observatory of intellectual migration from Kazakhstan.",
        subcommands = {Main.Serve.class, ImportCommand.class, RefreshCommand.class, RegistryImportCommand.class,
                RegistryRekeyCommand.class, JobsCommand.class, SimulateCommand.class,
                ForecastCommand.class, ResidencyCommand.class, CommandLine.HelpCommand.class})
public class Main implements Callable<Integer> {

    public static void main(String[] args) {
        // No arguments (as with `mvnw spring-boot:run` or `java -jar agyn.jar`) means: serve.
        // Arguments that look like Spring options (--server.port=9090) are passed to serve as well.
        if (args.length == 0 || args[0].startsWith("--") && args[0].contains("=")) {
            String[] serveArgs = new String[args.length + 1];
            serveArgs[0] = "serve";
            System.arraycopy(args, 0, serveArgs, 1, args.length);
            args = serveArgs;
        }
        int code = commandLine().execute(args);
        if (code != 0 || !Serve.started) {
            System.exit(code);
        }
    }

    /**
     * The command line, with one change to picocli's defaults: an application that could not start has already
     * been explained by Spring Boot (a start-up mistake in two short paragraphs, anything else with its cause),
     * so it is not printed a second time as a stack trace; the program only exits with 1.
     */
    static CommandLine commandLine() {
        // The commands start this application; they do not name it themselves (see CommandApplication.use).
        CommandApplication.use(AgynApplication.class);
        CommandLine cli = new CommandLine(new Main());
        CommandLine.IExecutionExceptionHandler printed = cli.getExecutionExceptionHandler();
        cli.setExecutionExceptionHandler((e, command, parsed) -> {
            if (e instanceof CommandApplication.StartFailed) {
                return 1;
            }
            return printed.handleExecutionException(e, command, parsed);
        });
        return cli;
    }

    @Override
    public Integer call() {
        CommandLine.usage(this, System.out);
        return 0;
    }

    @Command(name = "serve", description = "Start the web observatory (the default).", mixinStandardHelpOptions = true)
    static class Serve implements Callable<Integer> {
        static volatile boolean started;

        @Option(names = "--port", description = "HTTP port (default 8080, or server.port).")
        Integer port;

        @CommandLine.Unmatched
        String[] springArgs = new String[0];

        @Override
        public Integer call() {
            SpringApplication app = new SpringApplication(AgynApplication.class);
            // The application is AgynApplication, not this launcher: its name is the one AOT's initializer bears.
            app.setMainApplicationClass(AgynApplication.class);
            String[] args = springArgs;
            if (port != null) {
                args = java.util.stream.Stream.concat(java.util.Arrays.stream(springArgs),
                        java.util.stream.Stream.of("--server.port=" + port)).toArray(String[]::new);
            }
            try {
                app.run(args);
            } catch (RuntimeException e) {
                throw new CommandApplication.StartFailed(e);
            }
            started = true;
            return 0;
        }
    }

    static class Version implements CommandLine.IVersionProvider {
        @Override
        public String[] getVersion() {
            String v = Main.class.getPackage().getImplementationVersion();
            return new String[] {"Agyn " + (v == null ? "(development build)" : v)};
        }
    }
}
