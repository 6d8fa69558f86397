package kz.agyn.registry;

import kz.agyn.platform.cli.CommandApplication;
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

    /** Starts the application as a command does ({@link CommandApplication}). */
    public static <J> CommandServices<J> application(Class<J> jobsType) {
        ConfigurableApplicationContext context = CommandApplication.start();
        return new CommandServices<>(context.getBean(jobsType), context.getBean(MessageSource.class), context::close);
    }
}
