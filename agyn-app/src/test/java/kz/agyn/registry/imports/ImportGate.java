package kz.agyn.registry.imports;

import java.util.List;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Holds one user's import at the start of a phase until the test lets it go, so that a test can look at a
 * running import and cancel it at a known point instead of racing it. Records the phases that user's imports
 * went through. Imports by anyone else pass untouched.
 */
public final class ImportGate implements RegistryImportJobs.Listener {

    private final String user;
    private final RegistryImportProgress.Phase at;
    private final Consumer<UUID> onReach;
    private final CountDownLatch reached = new CountDownLatch(1);
    private final CountDownLatch released = new CountDownLatch(1);
    public final List<RegistryImportProgress.Phase> seen = new CopyOnWriteArrayList<>();

    /** Holds {@code user}'s import when it enters {@code at}. */
    public ImportGate(String user, RegistryImportProgress.Phase at) {
        this(user, at, id -> { }, true);
    }

    /** Does {@code onReach} when {@code user}'s import enters {@code at}, and lets it go on. */
    public ImportGate(String user, RegistryImportProgress.Phase at, Consumer<UUID> onReach) {
        this(user, at, onReach, false);
    }

    private ImportGate(String user, RegistryImportProgress.Phase at, Consumer<UUID> onReach, boolean hold) {
        this.user = user;
        this.at = at;
        this.onReach = onReach;
        if (!hold) {
            released.countDown();
        }
    }

    @Override
    public void entered(UUID id, String by, RegistryImportProgress.Phase phase) {
        if (!user.equals(by)) {
            return;
        }
        seen.add(phase);
        if (phase == at) {
            onReach.accept(id);
            reached.countDown();
            try {
                released.await(2, TimeUnit.MINUTES);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }

    /** Waits until the import is held (or has passed, for a gate that does not hold). */
    public void awaitReached() throws InterruptedException {
        if (!reached.await(2, TimeUnit.MINUTES)) {
            throw new AssertionError("the import never reached " + at);
        }
    }

    public void release() {
        released.countDown();
    }
}
