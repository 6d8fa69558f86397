package kz.agyn.residency;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import kz.agyn.jobs.JobCancelledException;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import kz.agyn.residency.internal.ResidencyRepository;
import org.springframework.stereotype.Service;

/**
 * Residency runs as jobs: a synthetic country generated and estimated in the background, its aggregates and the
 * calibration stored (never a person's verdict). A cancelled run keeps nothing. Runs on real extracts come with the
 * upload of the product increment.
 */
@Service
public class ResidencyRuns {

    /** The largest synthetic country a job generates (memory: about 110 bytes a person). */
    public static final int MAX_PERSONS = 20_000_000;

    private final Jobs jobs;
    private final ResidencyRepository repository;

    public ResidencyRuns(Jobs jobs, ResidencyRepository repository) {
        this.jobs = jobs;
        this.repository = repository;
    }

    /** Starts a run over a synthetic country of the default period; its id at once. */
    public UUID startSynthetic(int persons, long seed, String user) {
        if (persons < 1 || persons > MAX_PERSONS) {
            throw new IllegalArgumentException("persons must be from 1 to " + MAX_PERSONS);
        }
        Period period = Period.defaultPeriod();
        UUID id = UUID.randomUUID();
        repository.insertRun(id, user, persons, seed, period.start().atDay(1), period.months());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("run", id.toString());
        parameters.put("persons", String.valueOf(persons));
        parameters.put("seed", String.valueOf(seed));
        jobs.submit(JobKind.RESIDENCY_RUN, user, parameters, h -> {
            h.phaseOnly("RESIDENCY_GENERATE");
            Country country = CountryGenerator.generate(CountrySettings.defaults(persons, seed).withPeriod(period));
            h.stopIfCancelled();
            h.phaseOnly("RESIDENCY_ESTIMATE");
            Estimate estimate = Estimator.run(country.extracts(), country.truth(), EstimatorSettings.defaults());
            h.stopIfCancelled();
            h.phaseOnly("RESIDENCY_WRITING");
            repository.finish(id, estimate);
            if (h.cancelRequested()) {
                repository.discard(id);
                throw new JobCancelledException();
            }
            Cell total = estimate.total();
            return JobOutcome.of("jobs.outcome.residencyRun", total.persons(), total.emigrated(), total.official(),
                    total.uncertain());
        });
        return id;
    }

    public Optional<ResidencyRun> run(UUID id) {
        return repository.run(id);
    }

    public List<StoredCell> cells(UUID id) {
        return repository.cells(id);
    }

    /** A finished run's calibration; empty until the run has finished. */
    public Optional<StoredFit> fit(UUID id) {
        return repository.fit(id);
    }

    /** A run and its job as they are now. */
    public record RunState(ResidencyRun run, JobView job) {

        /** Whether the run's job is still going (queued or running). */
        public boolean running() {
            return job != null && !job.state().over();
        }
    }

    /**
     * A run with its job; the job is read first, so a run whose job has succeeded is never shown without its
     * results (the results are stored before the job ends).
     */
    public Optional<RunState> state(UUID id) {
        JobView job = jobs.latest("run", id.toString(), List.of(JobKind.RESIDENCY_RUN)).orElse(null);
        return repository.run(id).map(r -> new RunState(r, job));
    }

    /** The newest runs first, with their jobs. */
    public List<RunState> recent(int limit) {
        return repository.runs(limit).stream().map(r -> new RunState(r,
                jobs.latest("run", r.id().toString(), List.of(JobKind.RESIDENCY_RUN)).orElse(null))).toList();
    }

    /** Asks a running run to stop; false when it is not running. */
    public boolean cancel(UUID id) {
        return state(id).filter(RunState::running).map(s -> jobs.cancel(s.job().id())).orElse(false);
    }
}
