package kz.agyn;

import java.util.concurrent.Callable;

import kz.agyn.registry.cli.RegistryImportCommand;
import kz.agyn.registry.cli.RegistryRekeyCommand;
import kz.agyn.warehouse.cli.ImportCommand;
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
        subcommands = {Main.Serve.class, ImportCommand.class, RegistryImportCommand.class, RegistryRekeyCommand.class,
                CommandLine.HelpCommand.class})
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
        int code = new CommandLine(new Main()).execute(args);
        if (code != 0 || !Serve.started) {
            System.exit(code);
        }
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
            String[] args = springArgs;
            if (port != null) {
                args = java.util.stream.Stream.concat(java.util.Arrays.stream(springArgs),
                        java.util.stream.Stream.of("--server.port=" + port)).toArray(String[]::new);
            }
            app.run(args);
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
