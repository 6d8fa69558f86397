package kz.agyn.platform.cli;

import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;

/**
 * What Ctrl-C does to a command that runs a long job: asks the job to stop, then holds the program open until
 * the command has printed its report and let the application go (at most two minutes), so that a cancelled job
 * is reported rather than cut off. Declared first in the command's try-with-resources, so that it is closed
 * last; {@link #arm()} once there is a job to cancel.
 */
public final class CtrlC implements AutoCloseable {

    private final CountDownLatch ended = new CountDownLatch(1);
    private final Thread hook;
    private boolean armed;

    /** A hook named {@code name} that runs {@code cancel} on Ctrl-C, once armed. */
    public CtrlC(Runnable cancel, String name) {
        this.hook = new Thread(() -> {
            cancel.run();
            try {
                ended.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }, name);
    }

    /** From now on Ctrl-C cancels. */
    public void arm() {
        Runtime.getRuntime().addShutdownHook(hook);
        armed = true;
    }

    /** The command is done: a Ctrl-C under way may let the program end, and a later one ends it at once. */
    @Override
    public void close() {
        ended.countDown();
        if (armed) {
            try {
                Runtime.getRuntime().removeShutdownHook(hook);
            } catch (IllegalStateException e) {
                // Shutting down already (Ctrl-C): the hook is running, and the count-down above releases it.
            }
        }
    }
}
