package kz.agyn.registry.cli;

import kz.agyn.AgynApplication;
import org.springframework.boot.WebApplicationType;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.context.MessageSource;

/**
 * What a registry command needs from the application, its job runner and the messages, and how to let it go. A
 * test hands in its own running application's beans and a close that does nothing.
 *
 * @param <J> the job runner, e.g. RegistryImportJobs
 */
public final class CommandServices<J> implements AutoCloseable {

    private final J jobs;
    private final MessageSource messages;
    private final Runnable close;

    public CommandServices(J jobs, MessageSource messages, Runnable close) {
        this.jobs = jobs;
        this.messages = messages;
        this.close = close;
    }

    public J jobs() {
        return jobs;
    }

    public MessageSource messages() {
        return messages;
    }

    @Override
    public void close() {
        close.run();
    }

    /**
     * Starts the application without its web server. Spring's own shutdown hook is left off: it would close the
     * database under a running job, and the command handles Ctrl-C itself.
     */
    static <J> CommandServices<J> application(Class<J> jobsType) {
        ConfigurableApplicationContext context = new SpringApplicationBuilder(AgynApplication.class)
                .web(WebApplicationType.NONE).logStartupInfo(false).registerShutdownHook(false)
                .run("--spring.main.banner-mode=off", "--logging.level.root=WARN");
        return new CommandServices<>(context.getBean(jobsType), context.getBean(MessageSource.class), context::close);
    }
}
