package kz.agyn.residency;

import java.io.IOException;
import java.io.InputStream;
import java.io.Reader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
import kz.agyn.residency.engine.ExtractException;
import kz.agyn.residency.engine.ExtractProblem;
import kz.agyn.residency.engine.Extracts;
import kz.agyn.residency.engine.ExtractsCsv;
import kz.agyn.residency.engine.Period;
import kz.agyn.residency.estimator.Cell;
import kz.agyn.residency.estimator.Estimate;
import kz.agyn.residency.estimator.Estimator;
import kz.agyn.residency.estimator.EstimatorSettings;
import kz.agyn.residency.generator.Country;
import kz.agyn.residency.generator.CountryGenerator;
import kz.agyn.residency.generator.CountrySettings;
import kz.agyn.residency.internal.ResidencyRepository;
import kz.agyn.residency.parquet.ExtractsParquet;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.context.event.ApplicationStartedEvent;
import org.springframework.context.event.EventListener;
import org.springframework.core.io.InputStreamSource;
import org.springframework.stereotype.Service;
import org.springframework.util.FileSystemUtils;

/**
 * Residency runs as jobs: a synthetic country generated and estimated in the background, its aggregates and the
 * calibration stored (never a person's verdict), or the same over register extracts an analyst uploaded. A cancelled
 * run keeps nothing; a refused upload keeps only why.
 */
@Service
public class ResidencyRuns {

    /** The largest synthetic country a job generates (memory: about 110 bytes a person). */
    public static final int MAX_PERSONS = 20_000_000;

    private final Jobs jobs;
    private final ResidencyRepository repository;
    private final Path uploads;

    public ResidencyRuns(Jobs jobs, ResidencyRepository repository,
                         @Value("${agyn.imports.directory}") Path imports) {
        this.jobs = jobs;
        this.repository = repository;
        this.uploads = imports.resolve("residency");
    }

    /**
     * Starts a run over uploaded register extracts (docs/formats/register-extracts.md), three CSV files or three
     * Parquet files, told apart by their first bytes ({@code PAR1}): the files are copied aside at once and read by
     * the job, all or nothing; a refusal keeps the located problems with the run and nothing else (a mix of CSV and
     * Parquet is refused too). {@code crossings} and {@code statuses} may be null. The copies are deleted when the
     * job ends, whatever its end; an interrupted job's copies are deleted at the next start ({@link #purgeUploads}).
     */
    public UUID startUpload(Period period, InputStreamSource extracts, InputStreamSource crossings,
                            InputStreamSource statuses, String user) throws IOException {
        UUID id = UUID.randomUUID();
        Path folder = uploads.resolve(id.toString());
        Files.createDirectories(folder);
        Upload upload;
        try {
            upload = Upload.copy(folder, extracts, crossings, statuses);
        } catch (IOException | RuntimeException e) {
            FileSystemUtils.deleteRecursively(folder);
            throw e;
        }
        repository.insertUpload(id, user, period.start().atDay(1), period.months());
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("run", id.toString());
        parameters.put("source", RunSource.UPLOAD.name());
        try {
            jobs.submit(JobKind.RESIDENCY_RUN, user, parameters, h -> {
                try {
                    h.phaseOnly("RESIDENCY_READ");
                    Extracts x;
                    try {
                        x = upload.read(period);
                    } catch (ExtractException refused) {
                        repository.refuse(id, refused.problems());
                        h.failed(JobOutcome.of("jobs.outcome.residencyRefused", refused.problems().size()));
                        return null;
                    }
                    repository.persons(id, x.persons());
                    h.stopIfCancelled();
                    h.phaseOnly("RESIDENCY_ESTIMATE");
                    Estimate estimate;
                    try {
                        estimate = Estimator.run(x, EstimatorSettings.defaults());
                    } catch (IllegalArgumentException tooFew) {
                        // The calibration learns from persons of known status; without enough of them (no
                        // statuses file, or one without deregistrations or presences) there is nothing to learn.
                        repository.refuse(id, List.of(new ExtractProblem(upload.statusesName(), 0,
                                "residency.cli.noKnownStatus", List.of())));
                        h.failed(JobOutcome.of("jobs.outcome.residencyRefused", 1));
                        return null;
                    }
                    h.stopIfCancelled();
                    return write(id, estimate, h);
                } finally {
                    FileSystemUtils.deleteRecursively(folder);
                }
            });
        } catch (RuntimeException e) {
            FileSystemUtils.deleteRecursively(folder);
            throw e;
        }
        return id;
    }

    /**
     * The copies of one upload, named by their format once their first bytes are seen: CSV (the format's names,
     * {@code extracts.csv} …) or Parquet ({@code extracts.parquet} …), as the extracts file is. A crossings or
     * statuses file of the other format is kept under its own name and refused when read.
     */
    record Upload(Path folder, boolean parquet, List<String> otherFormat) {

        static Upload copy(Path folder, InputStreamSource extracts, InputStreamSource crossings,
                           InputStreamSource statuses) throws IOException {
            Path[] copied = new Path[3];
            InputStreamSource[] sources = {extracts, crossings, statuses};
            for (int i = 0; i < 3; i++) {
                if (sources[i] != null) {
                    copied[i] = folder.resolve("upload-" + i);
                    try (InputStream in = sources[i].getInputStream()) {
                        Files.copy(in, copied[i]);
                    }
                }
            }
            boolean parquet = copied[0] != null && parquet(copied[0]);
            String[] names = parquet
                    ? new String[] {ExtractsParquet.EXTRACTS, ExtractsParquet.CROSSINGS, ExtractsParquet.STATUSES}
                    : new String[] {ExtractsCsv.EXTRACTS, ExtractsCsv.CROSSINGS, ExtractsCsv.STATUSES};
            String[] otherNames = parquet
                    ? new String[] {ExtractsCsv.EXTRACTS, ExtractsCsv.CROSSINGS, ExtractsCsv.STATUSES}
                    : new String[] {ExtractsParquet.EXTRACTS, ExtractsParquet.CROSSINGS, ExtractsParquet.STATUSES};
            List<String> other = new java.util.ArrayList<>();
            for (int i = 0; i < 3; i++) {
                if (copied[i] != null) {
                    if (parquet(copied[i]) != parquet) {
                        other.add(otherNames[i]);
                    }
                    Files.move(copied[i], folder.resolve(names[i]));
                }
            }
            return new Upload(folder, parquet, List.copyOf(other));
        }

        private static boolean parquet(Path file) throws IOException {
            try (InputStream in = Files.newInputStream(file)) {
                return ExtractsParquet.isParquet(in.readNBytes(4));
            }
        }

        String statusesName() {
            return parquet ? ExtractsParquet.STATUSES : ExtractsCsv.STATUSES;
        }

        /** Reads the copies; refused when they mix the two formats or when the reader refuses them. */
        Extracts read(Period period) throws IOException {
            if (!otherFormat.isEmpty()) {
                List<ExtractProblem> problems = new java.util.ArrayList<>();
                for (String name : otherFormat) {
                    problems.add(new ExtractProblem(name, 0, "residency.upload.mixedFormats",
                            List.of(parquet ? "Parquet" : "CSV")));
                }
                throw new ExtractException(problems);
            }
            if (parquet) {
                return ExtractsParquet.read(period, folder.resolve(ExtractsParquet.EXTRACTS),
                        folder.resolve(ExtractsParquet.CROSSINGS), folder.resolve(ExtractsParquet.STATUSES));
            }
            try (Reader e = reader(folder.resolve(ExtractsCsv.EXTRACTS));
                 Reader c = reader(folder.resolve(ExtractsCsv.CROSSINGS));
                 Reader st = reader(folder.resolve(ExtractsCsv.STATUSES))) {
                return ExtractsCsv.read(period, e, c, st);
            }
        }
    }

    /**
     * Deletes the copies of uploads whose job is over (a process that died while reading them left them behind).
     * At start-up, after the jobs mechanism has marked the dead jobs FAILED ({@code Jobs.recover} goes first).
     */
    @EventListener(ApplicationStartedEvent.class)
    public void purgeUploads() throws IOException {
        if (!Files.isDirectory(uploads)) {
            return;
        }
        try (var folders = Files.list(uploads)) {
            for (Path folder : folders.toList()) {
                UUID id;
                try {
                    id = UUID.fromString(folder.getFileName().toString());
                } catch (IllegalArgumentException notOurs) {
                    continue;
                }
                if (state(id).map(s -> !s.running()).orElse(true)) {
                    FileSystemUtils.deleteRecursively(folder);
                }
            }
        }
    }

    /** A copied file, or null when it was not given (an optional file). */
    private static Reader reader(Path file) throws IOException {
        return Files.exists(file) ? Files.newBufferedReader(file, StandardCharsets.UTF_8) : null;
    }

    private JobOutcome write(UUID id, Estimate estimate, Jobs.Handle h) {
        h.phaseOnly("RESIDENCY_WRITING");
        repository.finish(id, estimate);
        if (h.cancelRequested()) {
            repository.discard(id);
            throw new JobCancelledException();
        }
        Cell total = estimate.total();
        return JobOutcome.of("jobs.outcome.residencyRun", total.persons(), total.emigrated(), total.official(),
                total.uncertain());
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
        parameters.put("source", RunSource.SYNTHETIC.name());
        parameters.put("persons", String.valueOf(persons));
        parameters.put("seed", String.valueOf(seed));
        jobs.submit(JobKind.RESIDENCY_RUN, user, parameters, h -> {
            h.phaseOnly("RESIDENCY_GENERATE");
            Country country = CountryGenerator.generate(CountrySettings.defaults(persons, seed).withPeriod(period));
            h.stopIfCancelled();
            h.phaseOnly("RESIDENCY_ESTIMATE");
            Estimate estimate = Estimator.run(country.extracts(), country.truth(), EstimatorSettings.defaults());
            h.stopIfCancelled();
            return write(id, estimate, h);
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
