package kz.agyn.residency;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;

/** Waiting for a residency run's job to end, for the tests of the runs, their pages and their API. */
public final class RunsToEnd {

    private RunsToEnd() {
    }

    /** The run's job once it has ended (within two minutes, else the test fails). */
    public static JobView waitFor(Jobs jobs, UUID run) throws InterruptedException {
        Instant until = Instant.now().plus(Duration.ofMinutes(2));
        while (Instant.now().isBefore(until)) {
            JobView j = jobs.latest("run", run.toString(), List.of(JobKind.RESIDENCY_RUN)).orElse(null);
            if (j != null && j.state().over()) {
                return j;
            }
            Thread.sleep(100);
        }
        throw new AssertionError("the run did not end in time");
    }
}
