package kz.agyn.residency;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.UUID;
import kz.agyn.AgynTest;
import kz.agyn.jobs.JobState;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Dimension;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** A residency run as a job stores the aggregates and the fit the engine gives for the same seed. */
class ResidencyRunsTest extends AgynTest {

    @Autowired
    ResidencyRuns runs;

    @Autowired
    Jobs jobs;

    @Test
    void aSyntheticRunStoresTheEnginesAggregatesAndItsAccuracy() throws Exception {
        UUID id = runs.startSynthetic(40_000, 12, "analyst");
        JobView job = waitFor(id);
        assertThat(job.state()).isEqualTo(JobState.SUCCEEDED);
        assertThat(job.outcome()).isEqualTo("jobs.outcome.residencyRun");

        Country country = CountryGenerator.generate(CountrySettings.defaults(40_000, 12));
        Estimate expected = Estimator.run(country.extracts(), country.truth(), EstimatorSettings.defaults());
        ResidencyRun run = runs.run(id).orElseThrow();
        assertThat(run.finished()).isTrue();
        assertThat(run.startedBy()).isEqualTo("analyst");
        assertThat(run.precision()).isEqualTo(expected.accuracy().orElseThrow().precision());
        assertThat(run.recall()).isEqualTo(expected.accuracy().orElseThrow().recall());
        assertThat(run.auc()).isEqualTo(expected.fit().auc());

        List<StoredCell> stored = runs.cells(id);
        assertThat(stored).hasSize(expected.cells().size());
        for (Cell c : expected.cells()) {
            StoredCell s = stored.stream().filter(x -> x.dimension().equals(c.dimension().name())
                    && x.code().equals(c.code())).findFirst().orElseThrow();
            assertThat(new long[] {s.persons(), s.emigrated(), s.official(), s.uncertain(), s.truth()})
                    .isEqualTo(new long[] {c.persons(), c.emigrated(), c.official(), c.uncertain(), c.truth()});
            assertThat(s.low()).isEqualTo(c.low());
            assertThat(s.high()).isEqualTo(c.high());
        }
        assertThat(stored).filteredOn(s -> s.dimension().equals(Dimension.REGION.name())).hasSize(20);
    }

    private JobView waitFor(UUID run) throws InterruptedException {
        return RunsToEnd.waitFor(jobs, run);
    }
}
