package kz.agyn.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import kz.agyn.jobs.JobCancelledException;
import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.JobView;
import kz.agyn.jobs.Jobs;
import kz.agyn.kernel.UserException;
import kz.agyn.scenario.internal.ScenarioRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Scenarios and their runs. A run is a job ({@link JobKind#SCENARIO_RUN}) followed through the job's record by
 * the run's id (its parameter {@code run}); its results, assumptions and fit are written in one transaction when
 * the simulation ends, so a cancelled or failed run leaves none.
 */
@Service
public class ScenarioService {

    /** Scenarios compared side by side against the baseline in one run. */
    public static final int MAX_COMPARED = 4;
    static final int MAX_NAME = 200;
    /** How far back a note looks for a run of its scenarios: the newest runs are the ones an analyst means. */
    static final int RUNS_SEARCHED = 500;
    /** An upper bound of the regions a population has, for the size check before a run (the engine checks again). */
    static final int REGIONS_AT_MOST = 24;

    private static final JsonMapper JSON = JsonMapper.builder().build();

    private final ScenarioRepository repository;
    private final ScenarioInputs inputs;
    private final Optional<ScenarioSimulation> simulation;
    private final Jobs jobs;

    public ScenarioService(ScenarioRepository repository, ScenarioInputs inputs,
                           Optional<ScenarioSimulation> simulation, Jobs jobs) {
        this.repository = repository;
        this.inputs = inputs;
        this.simulation = simulation;
        this.jobs = jobs;
    }

    public List<Scenario> scenarios() {
        return repository.scenarios().stream().map(ScenarioService::scenario).toList();
    }

    public Scenario scenario(long id) {
        return repository.scenario(id).map(ScenarioService::scenario)
                .orElseThrow(() -> new ScenarioException(UserException.Kind.NOT_FOUND, "scenario.notFound", id));
    }

    /** Stores a scenario after checking its name and levers (every problem at once). */
    public Scenario create(String name, String description, ScenarioLevers levers, String owner) {
        List<LeverProblem> problems = new ArrayList<>();
        if (name == null || name.isBlank()) {
            problems.add(new LeverProblem("name", "scenario.invalid.name"));
        } else if (name.strip().length() > MAX_NAME) {
            problems.add(new LeverProblem("name", "scenario.invalid.nameLong", MAX_NAME));
        }
        if (levers == null) {
            levers = ScenarioLevers.none();
        }
        problems.addAll(levers.problems());
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        long id = repository.insertScenario(name.strip(), description == null ? "" : description.strip(),
                levers.toJson(), owner);
        return scenario(id);
    }

    /** A run's record and its job as they are now. */
    public record RunState(ScenarioRepository.RunRow run, RunSettings settings, List<Scenario> scenarios,
                           JobView job, boolean finished) {
    }

    /**
     * Starts a run of up to {@link #MAX_COMPARED} scenarios against the baseline as a job; its id at once. The
     * scenarios' levers are copied into the run, so that what a run simulated never changes afterwards.
     */
    public UUID start(List<Long> scenarioIds, RunSettings settings, String user) {
        List<Long> ids = scenarioIds == null ? List.of() : new ArrayList<>(new LinkedHashSet<>(scenarioIds));
        if (ids.isEmpty()) {
            throw new ScenarioException(List.of(new LeverProblem("scenarios", "scenario.invalid.noScenario")));
        }
        if (ids.size() > MAX_COMPARED) {
            throw new ScenarioException(List.of(new LeverProblem("scenarios", "scenario.invalid.tooMany",
                    MAX_COMPARED)));
        }
        List<Scenario> chosen = ids.stream().map(this::scenario).toList();
        ScenarioSimulation engine = simulation.orElseThrow(
                () -> new ScenarioException(UserException.Kind.CONFLICT, "scenario.noEngine"));
        // Regions as the population will have them: those the warehouse holds (at most the country's 20 or so).
        if (!engine.fits(chosen.size() + 1, REGIONS_AT_MOST, settings)) {
            throw new ScenarioException(List.of(new LeverProblem("draws", "scenario.invalid.tooLarge")));
        }
        UUID id = UUID.randomUUID();
        repository.insertRun(id, user, settings.horizon(), settings.draws(), settings.seed(), settings.scale(),
                scenariosJson(chosen));
        Map<String, String> parameters = new LinkedHashMap<>();
        parameters.put("run", id.toString());
        parameters.put("scenarios", String.join(", ", chosen.stream().map(Scenario::name).toList()));
        parameters.put("horizon", String.valueOf(settings.horizon()));
        parameters.put("draws", String.valueOf(settings.draws()));
        parameters.put("seed", String.valueOf(settings.seed()));
        parameters.put("scale", String.valueOf(settings.scale()));
        List<ScenarioLevers> levers = new ArrayList<>();
        levers.add(ScenarioLevers.none());
        chosen.forEach(s -> levers.add(s.levers()));
        jobs.submit(JobKind.SCENARIO_RUN, user, parameters, h -> execute(id, engine, levers, settings, h));
        return id;
    }

    private JobOutcome execute(UUID id, ScenarioSimulation engine, List<ScenarioLevers> levers,
                               RunSettings settings, Jobs.Handle h) {
        h.phase("SCENARIO_INPUTS", null);
        ScenarioInputs.Prepared prepared = inputs.prepare();
        h.stopIfCancelled();
        ScenarioSimulation.Output out = engine.run(prepared, levers, settings, new ScenarioSimulation.Progress() {
            @Override
            public void phase(String phase, Long total) {
                h.phase(phase, total);
            }

            @Override
            public void advance(long units) {
                h.advance(units);
            }

            @Override
            public boolean cancelled() {
                return h.cancelRequested();
            }
        });
        h.stopIfCancelled();
        h.phaseOnly("SCENARIO_WRITING");
        RunAssumptions assumptions = new RunAssumptions(prepared.assumptions(), out.agents(), out.personsPerAgent(),
                out.fit(), out.codes());
        repository.finish(id, JSON.writeValueAsString(assumptions), out.startYear(), out.bands());
        if (h.cancelRequested()) {
            // Asked to stop while the results were written: take them back, so a cancelled run has none.
            repository.discard(id);
            throw new JobCancelledException();
        }
        return JobOutcome.of("jobs.outcome.scenarioRun", levers.size() - 1, settings.horizon(), settings.draws())
                .linkedTo("/scenarios/runs/" + id);
    }

    public RunState run(UUID id) {
        // The job first, then the run: a job read as over was over before its run's row is read, so a run whose
        // job has succeeded is never shown without its results.
        JobView job = jobs.latest("run", id.toString(), List.of(JobKind.SCENARIO_RUN)).orElse(null);
        ScenarioRepository.RunRow row = repository.run(id)
                .orElseThrow(() -> new ScenarioException(UserException.Kind.NOT_FOUND, "scenario.run.notFound"));
        return new RunState(row, new RunSettings(row.horizon(), row.draws(), row.seed(), row.scale()),
                runScenarios(row.scenarios()), job, row.finishedAt() != null);
    }

    /** The newest runs first, with their jobs. */
    public List<RunState> runs(int limit) {
        return repository.runs(limit).stream().map(r -> run(r.id())).toList();
    }

    /** Asks a running run to stop; false when it is not running. */
    public boolean cancel(UUID id) {
        RunState s = run(id);
        return s.job() != null && !s.job().state().over() && jobs.cancel(s.job().id());
    }

    /**
     * A finished run as another feature reads it (the note writer): what it simulated, when, and from which data.
     * {@code scenarios} are in the order of the results' positions from 1 (0 is the baseline); {@code data} the
     * warehouse datasets and versions its inputs were read from ("synthetic-emigration v3"), in order.
     */
    public record FinishedRun(UUID id, java.time.Instant finishedAt, int startYear, RunSettings settings,
                              List<Scenario> scenarios, List<String> data, boolean synthetic) {
        public FinishedRun {
            scenarios = List.copyOf(scenarios);
            data = List.copyOf(data);
        }
    }

    /** A run whose results are written, else empty (unknown, running, failed or cancelled). */
    public Optional<FinishedRun> finished(UUID id) {
        return repository.run(id).filter(r -> r.finishedAt() != null && r.startYear() != null).map(r -> {
            RunAssumptions a = assumptions(r);
            List<String> data = a == null ? List.of() : a.inputs().stream().map(Assumption::dataset)
                    .filter(java.util.Objects::nonNull).distinct().sorted().toList();
            boolean synthetic = a != null && a.inputs().stream().anyMatch(Assumption::synthetic);
            return new FinishedRun(r.id(), r.finishedAt(), r.startYear(), new RunSettings(r.horizon(), r.draws(),
                    r.seed(), r.scale()), runScenarios(r.scenarios()), data, synthetic);
        });
    }

    /**
     * The newest finished run that compared every one of the scenarios (by id), with or beside others; empty when
     * none has. Runs copy their scenarios' levers, so a run answers for the scenario as it was when run.
     */
    public Optional<FinishedRun> latestFinished(java.util.Collection<Long> scenarioIds) {
        for (ScenarioRepository.RunRow r : repository.runs(RUNS_SEARCHED)) {
            if (r.finishedAt() == null) {
                continue;
            }
            List<Long> ids = runScenarios(r.scenarios()).stream().map(Scenario::id).toList();
            if (ids.containsAll(scenarioIds)) {
                return finished(r.id());
            }
        }
        return Optional.empty();
    }

    /** A finished run's results for some dimensions (TOTAL for charts and table). */
    public List<ResultBand> results(UUID id, List<String> dimensions) {
        return repository.results(id, dimensions);
    }

    public RunAssumptions assumptions(ScenarioRepository.RunRow run) {
        return run.assumptions() == null ? null : JSON.readValue(run.assumptions(), RunAssumptions.class);
    }

    private static String scenariosJson(List<Scenario> scenarios) {
        List<Map<String, Object>> out = new ArrayList<>();
        for (Scenario s : scenarios) {
            Map<String, Object> m = new LinkedHashMap<>();
            m.put("id", s.id());
            m.put("shipped", s.shipped());
            m.put("name", s.name());
            m.put("levers", s.levers().toMap());
            out.add(m);
        }
        return JSON.writeValueAsString(out);
    }

    private static List<Scenario> runScenarios(String json) {
        List<Scenario> out = new ArrayList<>();
        for (JsonNode n : JSON.readTree(json)) {
            JsonNode shipped = n.get("shipped");
            out.add(new Scenario(n.get("id").asLong(), shipped == null || shipped.isNull() ? null : shipped.asString(),
                    n.get("name").asString(), "", ScenarioLevers.of(n.get("levers")), null, null));
        }
        return out;
    }

    private static Scenario scenario(ScenarioRepository.ScenarioRow r) {
        return new Scenario(r.id(), r.shipped(), r.name(), r.description(), ScenarioLevers.parse(r.levers()),
                r.owner(), r.createdAt());
    }
}
