package kz.agyn.scenario.web;

import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.jobs.JobTexts;
import kz.agyn.scenario.LeverProblem;
import kz.agyn.scenario.ResultBand;
import kz.agyn.scenario.RunAssumptions;
import kz.agyn.scenario.RunSettings;
import kz.agyn.scenario.Scenario;
import kz.agyn.scenario.ScenarioException;
import kz.agyn.scenario.ScenarioLevers;
import kz.agyn.scenario.ScenarioService;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;

@RestController
@Tag(name = "Scenarios", description = "Policy scenarios (issue 17): levers, runs of the microsimulation against the "
        + "baseline as jobs, and their results with 80% and 95% bands. The levers' format: docs/formats/scenario.md.")
class ScenarioApiController {

    private static final Set<String> SCENARIO_FIELDS = Set.of("name", "description", "levers");
    private static final Set<String> RUN_FIELDS = Set.of("horizon", "draws", "seed", "scale", "compareWith");

    private final ScenarioService scenarios;
    private final MessageSource messages;
    private final JobTexts jobTexts;

    ScenarioApiController(ScenarioService scenarios, MessageSource messages, JobTexts jobTexts) {
        this.scenarios = scenarios;
        this.messages = messages;
        this.jobTexts = jobTexts;
    }

    /** A scenario as the API shows it; {@code levers} as in a scenario file. */
    record ScenarioAnswer(long id, String shipped, String name, String description, Map<String, Object> levers,
                          String owner, Instant createdAt) {

        static ScenarioAnswer of(Scenario s, ScenarioTexts t) {
            return new ScenarioAnswer(s.id(), s.shipped(), t.name(s), t.description(s), s.levers().toMap(),
                    s.owner(), s.createdAt());
        }
    }

    @GetMapping("/api/v1/scenarios")
    @Operation(summary = "The scenarios: the note's recommendations shipped with Agyn, then the users' own")
    List<ScenarioAnswer> list(Locale locale) {
        ScenarioTexts t = new ScenarioTexts(messages, locale);
        return scenarios.scenarios().stream().map(s -> ScenarioAnswer.of(s, t)).toList();
    }

    @PostMapping("/api/v1/scenarios")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Store a scenario", description = "Body: {\"name\": \"Researchers +30%\", \"description\": "
            + "\"...\", \"levers\": {\"payChanges\": [{\"sector\": \"RESEARCH\", \"change\": 0.30}], "
            + "\"researchBudgetKzt\": 10000000000}}. A lever Agyn does not know, a negative budget or a pay change "
            + "at or below -100% is refused with 400 and every problem in `errors` (field, code, message).")
    ResponseEntity<ScenarioAnswer> create(@RequestBody JsonNode body, Authentication auth, Locale locale) {
        List<LeverProblem> problems = new ArrayList<>();
        if (body == null || !body.isObject()) {
            throw new ScenarioException(List.of(new LeverProblem(null, "scenario.invalid.json")));
        }
        unknown(body, SCENARIO_FIELDS, problems);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        ScenarioLevers levers = ScenarioLevers.of(body.get("levers"));
        Scenario s = scenarios.create(text(body, "name"), text(body, "description"), levers, auth.getName());
        return ResponseEntity.created(URI.create("/api/v1/scenarios/" + s.id()))
                .body(ScenarioAnswer.of(s, new ScenarioTexts(messages, locale)));
    }

    @GetMapping("/api/v1/scenarios/{id}")
    @Operation(summary = "One scenario")
    ScenarioAnswer one(@PathVariable long id, Locale locale) {
        return ScenarioAnswer.of(scenarios.scenario(id), new ScenarioTexts(messages, locale));
    }

    /** A run just started. */
    record Started(UUID runId, String status) {
    }

    @PostMapping("/api/v1/scenarios/{id}/runs")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Run the scenario (and up to three others) against the baseline, as a job",
            description = "Body: {\"horizon\": 10, \"draws\": 200, \"seed\": 1, \"scale\": 100, \"compareWith\": [2, 3]}"
                    + "; every field may be left out (10 years, 200 draws, seed 1, one agent for 100 persons). "
                    + "horizon 1–20, draws 1–100000, scale 1–100000. Answers 202 with the run's id; follow it with "
                    + "GET /api/v1/runs/{id}.")
    ResponseEntity<Started> start(@PathVariable long id, @RequestBody(required = false) JsonNode body,
                                  Authentication auth) {
        List<LeverProblem> problems = new ArrayList<>();
        RunSettings d = RunSettings.DEFAULTS;
        Integer horizon = d.horizon();
        Integer draws = d.draws();
        Integer scale = d.scale();
        Long seed = d.seed();
        List<Long> ids = new ArrayList<>();
        ids.add(id);
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                throw new ScenarioException(List.of(new LeverProblem(null, "scenario.invalid.json")));
            }
            unknown(body, RUN_FIELDS, problems);
            horizon = integer(body, "horizon", horizon, problems);
            draws = integer(body, "draws", draws, problems);
            scale = integer(body, "scale", scale, problems);
            JsonNode s = body.get("seed");
            if (s != null && !s.isNull()) {
                if (s.isIntegralNumber() && s.canConvertToLong()) {
                    seed = s.longValue();
                } else {
                    problems.add(new LeverProblem("seed", "scenario.invalid.notInteger", "seed"));
                }
            }
            JsonNode c = body.get("compareWith");
            if (c != null && !c.isNull()) {
                if (!c.isArray()) {
                    problems.add(new LeverProblem("compareWith", "scenario.invalid.notList", "compareWith"));
                } else {
                    for (JsonNode n : c) {
                        if (n.isIntegralNumber()) {
                            ids.add(n.longValue());
                        } else {
                            problems.add(new LeverProblem("compareWith", "scenario.invalid.notInteger",
                                    "compareWith"));
                        }
                    }
                }
            }
        }
        if (horizon != null && draws != null && scale != null) {
            problems.addAll(RunSettings.problems(horizon, draws, scale));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        UUID run = scenarios.start(ids, RunSettings.of(horizon, draws, seed, scale), auth.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/runs/" + run))
                .body(new Started(run, "/api/v1/runs/" + run));
    }

    /** One band of the results. */
    record Band(int scenario, int year, String measure, String dimension, String code, double mean, double p2_5,
                double p10, double p50, double p90, double p97_5) {
    }

    /** A run: its job's progress, and when it has ended well its results. */
    record RunAnswer(UUID id, String state, String stateText, String phase, long done, Long total, int percent,
                     boolean cancelRequested, String outcome, String startedBy, Instant startedAt,
                     RunSettings settings, List<ScenarioAnswer> scenarios, boolean finished, Integer startYear,
                     List<Band> results, RunAssumptions assumptions) {
    }

    @GetMapping("/api/v1/runs/{id}")
    @Operation(summary = "A run's progress and, once it has finished, its results",
            description = "`results`: position 0 is the baseline, then the scenarios in order; one band per year "
                    + "(`year` is the calendar year) and measure for the whole country; `dimension=REGION` (or ISCO, "
                    + "ISCED, SEX, AGE_GROUP, SECTOR) adds that breakdown, `code` naming the value; `dimension=LEVER` gives "
                    + "each lever's own BUDGET_COST_KZT (the total nets off scholars' repayments).")
    RunAnswer run(@PathVariable UUID id, @RequestParam(required = false) String dimension, Locale locale) {
        ScenarioService.RunState s = scenarios.run(id);
        ScenarioTexts t = new ScenarioTexts(messages, locale);
        var job = s.job();
        List<Band> bands = List.of();
        RunAssumptions assumptions = null;
        if (s.finished()) {
            assumptions = scenarios.assumptions(s.run());
            List<String> dims = dimension == null || dimension.isBlank() || dimension.equals("TOTAL")
                    ? List.of("TOTAL") : List.of("TOTAL", dimension);
            RunAssumptions a = assumptions == null ? new RunAssumptions(null, 0, 0, null, null) : assumptions;
            int start = s.run().startYear();
            bands = scenarios.results(id, dims).stream().map(b -> band(b, start, a)).toList();
        }
        return new RunAnswer(id, job == null ? null : job.state().name(), job == null ? null
                : jobTexts.state(job, locale), job == null ? null : jobTexts.phase(job, locale),
                job == null ? 0 : job.done(), job == null ? null : job.total(), job == null ? -1 : job.percent(),
                job != null && job.cancelRequested(), job == null ? null : jobTexts.outcome(job, locale),
                s.run().startedBy(), s.run().startedAt(), s.settings(),
                s.scenarios().stream().map(x -> ScenarioAnswer.of(x, t)).toList(), s.finished(),
                s.run().startYear(), bands, assumptions);
    }

    @PostMapping("/api/v1/runs/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Ask a running run to stop; a cancelled run keeps no results")
    ResponseEntity<Void> cancel(@PathVariable UUID id) {
        return scenarios.cancel(id) ? ResponseEntity.accepted().build() : ResponseEntity.status(HttpStatus.CONFLICT)
                .build();
    }

    private static Band band(ResultBand b, int startYear, RunAssumptions a) {
        return new Band(b.position(), startYear + b.yearOffset(), b.measure(), b.dimension(),
                a.code(b.dimension(), b.codeIndex()), b.mean(),
                b.p2_5(), b.p10(), b.p50(), b.p90(), b.p97_5());
    }

    /** Every problem of the request, each with its field and a message in the reader's language. */
    @ExceptionHandler(ScenarioException.class)
    ResponseEntity<ProblemDetail> refused(ScenarioException e, Locale locale) {
        HttpStatus status = switch (e.kind()) {
            case NOT_FOUND -> HttpStatus.NOT_FOUND;
            case CONFLICT -> HttpStatus.CONFLICT;
            case GONE -> HttpStatus.GONE;
            case INVALID -> HttpStatus.BAD_REQUEST;
        };
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        p.setProperty("code", e.code());
        List<Map<String, Object>> errors = new ArrayList<>();
        for (LeverProblem lp : e.problems()) {
            errors.add(Map.of("field", lp.field() == null ? "" : lp.field(), "code", lp.code(),
                    "message", messages.getMessage(lp.code(), lp.args(), lp.code(), locale)));
        }
        p.setProperty("errors", errors);
        return ResponseEntity.status(status).contentType(MediaType.APPLICATION_PROBLEM_JSON).body(p);
    }

    private static void unknown(JsonNode body, Set<String> known, List<LeverProblem> problems) {
        for (String name : body.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new LeverProblem(name, "scenario.invalid.unknownField", name,
                        String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private static String text(JsonNode body, String name) {
        JsonNode v = body.get(name);
        return v == null || v.isNull() ? null : v.isString() ? v.asString() : v.toString();
    }

    private static Integer integer(JsonNode body, String name, Integer fallback, List<LeverProblem> problems) {
        JsonNode v = body.get(name);
        if (v == null || v.isNull()) {
            return fallback;
        }
        if (v.isIntegralNumber() && v.canConvertToInt()) {
            return v.intValue();
        }
        if (v.isIntegralNumber()) {
            // Too large for an int (draws 10^12): out of range, said as such.
            return Integer.MAX_VALUE;
        }
        problems.add(new LeverProblem(name, "scenario.invalid.notInteger", name));
        return null;
    }
}
