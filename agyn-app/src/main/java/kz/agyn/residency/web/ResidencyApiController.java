package kz.agyn.residency.web;

import java.io.IOException;
import java.net.URI;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.account.Role;
import kz.agyn.jobs.JobTexts;
import kz.agyn.platform.problems.ShownProblem;
import kz.agyn.residency.ResidencyPublication;
import kz.agyn.residency.ResidencyRun;
import kz.agyn.residency.ResidencyRuns;
import kz.agyn.residency.StoredCell;
import kz.agyn.residency.StoredFit;
import kz.agyn.residency.engine.Register;
import kz.agyn.warehouse.Disclosure;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.server.ResponseStatusException;
import tools.jackson.databind.JsonNode;

/**
 * Hidden emigration for scripts: the same runs, uploads and results as the pages, with the same rules — analysts
 * and administrators start runs, viewers read aggregates with counts of 1–4 withheld, refusals located and in the
 * caller's language.
 */
@RestController
@Tag(name = "Hidden emigration", description = "Residency runs (issue 20): a synthetic country generated and "
        + "estimated, or register extracts uploaded and estimated (docs/formats/register-extracts.md), as jobs; "
        + "their aggregates with 95% intervals and the calibration.")
class ResidencyApiController {

    private final ResidencyRuns runs;
    private final MessageSource messages;
    private final JobTexts jobTexts;
    private final ResidencyPublication publication;

    ResidencyApiController(ResidencyRuns runs, MessageSource messages, JobTexts jobTexts,
                           ResidencyPublication publication) {
        this.publication = publication;
        this.runs = runs;
        this.messages = messages;
        this.jobTexts = jobTexts;
    }

    /** A run as listed: where its persons come from, its period, its job's state and, when known, its accuracy. */
    record RunAnswer(UUID id, String source, String startedBy, Integer persons, Long seed, LocalDate periodStart,
                     int months, String state, String stateText, boolean finished, Double precision, Double recall,
                     Double countError, String publishedDataset, Integer publishedVersion) {

        static RunAnswer of(ResidencyRuns.RunState s, JobTexts texts, Locale locale) {
            ResidencyRun r = s.run();
            return new RunAnswer(r.id(), r.source().name(), r.startedBy(), r.persons(), r.seed(), r.periodStart(),
                    r.months(), s.job() == null ? null : s.job().state().name(),
                    s.job() == null ? null : texts.state(s.job(), locale), r.finished(), r.precision(), r.recall(),
                    r.countError(), r.publishedDataset(), r.publishedVersion());
        }
    }

    /** One problem of a refused upload: where, which check, and the message in the caller's language. */
    record Problem(String file, long line, String code, String message) {
    }

    /**
     * An aggregate; a count of 1–4 is null (and {@code suppressed} true) for those who may not see small cells, and
     * so are the interval of a suppressed estimate.
     */
    record Aggregate(String dimension, String code, Long persons, Long emigrated, Long official, Long hidden,
                     Long uncertain, Double low, Double high, Long truth, boolean suppressed) {
    }

    /** The calibration: intercept and register weights with standard errors, fit statistics. */
    record Calibration(double intercept, double interceptStandardError, Map<String, Double> weights,
                       Map<String, Double> standardErrors, double logLikelihood, double nullLogLikelihood,
                       double pseudoR2, double auc, long personMonthsPresent, long personMonthsAbroad) {
    }

    record RunDetail(RunAnswer run, String outcome, List<Problem> problems, List<Aggregate> aggregates,
                     Calibration calibration) {
    }

    record Started(UUID runId, URI status) {
    }

    @GetMapping("/api/v1/residency/runs")
    @Operation(summary = "The newest runs first (at most 200)")
    List<RunAnswer> list(@RequestParam(defaultValue = "50") int limit, Locale locale) {
        return runs.recent(Math.max(1, Math.min(limit, 200))).stream()
                .map(s -> RunAnswer.of(s, jobTexts, locale)).toList();
    }

    @PostMapping(value = "/api/v1/residency/runs", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Generate a synthetic country and estimate it, as a job",
            description = "Body: {\"persons\": 100000, \"seed\": 1}; both may be left out (100,000 persons, seed 1). "
                    + "Answers 202 with the run's id; follow it with GET /api/v1/residency/runs/{id}.")
    ResponseEntity<Object> synthetic(@RequestBody(required = false) JsonNode body, Authentication auth,
                                     Locale locale) {
        int persons = ResidencyPageController.DEFAULT_PERSONS;
        long seed = 1;
        if (body != null && !body.isNull()) {
            if (!body.isObject()) {
                return problem("residency.api.notObject", locale);
            }
            JsonNode p = body.get("persons");
            if (p != null && !p.isNull()) {
                if (!p.isIntegralNumber() || !p.canConvertToInt() || p.intValue() < 1
                        || p.intValue() > ResidencyRuns.MAX_PERSONS) {
                    return problem("residency.page.badPersons", locale, ResidencyRuns.MAX_PERSONS);
                }
                persons = p.intValue();
            }
            JsonNode s = body.get("seed");
            if (s != null && !s.isNull()) {
                if (!s.isIntegralNumber() || !s.canConvertToLong()) {
                    return problem("residency.page.badSeed", locale);
                }
                seed = s.longValue();
            }
        }
        return started(runs.startSynthetic(persons, seed, auth.getName()));
    }

    @PostMapping(value = "/api/v1/residency/uploads", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Upload register extracts and estimate them, as a job",
            description = "Multipart: `extracts` (extracts.csv, required), `crossings` and `statuses` (optional), "
                    + "either all three CSV or all three Parquet (told apart by their first bytes, `PAR1`), "
                    + "`from` (YYYY-MM, default 2024-01) and `months` (1–32, default 24). The files' content is "
                    + "checked by the job, all or nothing: a refused upload's run ends FAILED with every problem "
                    + "located (file, line or row, column) in `problems` of GET /api/v1/residency/runs/{id}, and "
                    + "nothing else kept.")
    ResponseEntity<Object> upload(@RequestParam(required = false) String from,
                                  @RequestParam(required = false) String months,
                                  @RequestParam(required = false) MultipartFile extracts,
                                  @RequestParam(required = false) MultipartFile crossings,
                                  @RequestParam(required = false) MultipartFile statuses,
                                  Authentication auth, Locale locale) {
        UploadRequest request = UploadRequest.of(from, months, extracts);
        if (request.refusal() != null) {
            return problem(request.refusal(), locale);
        }
        try {
            return started(runs.startUpload(request.period(), extracts, UploadRequest.given(crossings),
                    UploadRequest.given(statuses), auth.getName()));
        } catch (IOException e) {
            throw new ResponseStatusException(HttpStatus.INTERNAL_SERVER_ERROR,
                    messages.getMessage("residency.upload.notStored", null, locale), e);
        }
    }

    @GetMapping("/api/v1/residency/runs/{id}")
    @Operation(summary = "A run: its state, a refused upload's problems, and once finished its aggregates "
            + "(TOTAL, REGION, AGE_GROUP, SEX, ISCED, ISCO) and calibration")
    RunDetail one(@PathVariable UUID id, Authentication auth, Locale locale) {
        ResidencyRuns.RunState s = runs.state(id).orElseThrow(() -> new ResponseStatusException(
                HttpStatus.NOT_FOUND, messages.getMessage("residency.api.noRun", null, locale)));
        boolean small = Disclosure.seesSmallCells(Role.namesOf(auth));
        List<Problem> problems = s.run().problems().stream().map(p -> new Problem(p.file(), p.line(), p.code(),
                messages.getMessage(p.code(), p.arguments(), locale))).toList();
        List<Aggregate> aggregates = new ArrayList<>();
        Calibration calibration = null;
        if (s.run().finished()) {
            for (StoredCell c : runs.cells(id)) {
                aggregates.add(aggregate(c, small));
            }
            calibration = runs.fit(id).map(ResidencyApiController::calibration).orElse(null);
        }
        return new RunDetail(RunAnswer.of(s, jobTexts, locale),
                s.job() == null ? null : jobTexts.outcome(s.job(), locale), problems, aggregates, calibration);
    }

    @PostMapping("/api/v1/residency/runs/{id}/publish")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Publish a finished run's estimate to the warehouse",
            description = "The run's aggregates become the current version of the dataset residency-estimate (runs "
                    + "over uploaded extracts) or residency-estimate-synthetic: indicators EMIGRANTS_ESTIMATED and "
                    + "EMIGRANTS_HIDDEN at the period's last month, status E. Answers {\"dataset\", \"version\"}; "
                    + "409 when the run has not finished, 400 with the warehouse's problems when it refuses them.")
    ResponseEntity<Object> publish(@PathVariable UUID id, Authentication auth, Locale locale) {
        runs.state(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                messages.getMessage("residency.api.noRun", null, locale)));
        try {
            return ResponseEntity.ok(publication.publish(id, auth.getName(), locale));
        } catch (ResidencyPublication.NotPublished e) {
            HttpStatus status = e.code().equals("residency.publish.notFinished") ? HttpStatus.CONFLICT
                    : HttpStatus.BAD_REQUEST;
            ProblemDetail p = ProblemDetail.forStatusAndDetail(status, messages.getMessage(e.code(), null, locale));
            p.setProperty("code", e.code());
            p.setProperty("problems", e.problems().stream().map(ShownProblem::message).toList());
            return ResponseEntity.status(status).body(p);
        }
    }

    @PostMapping("/api/v1/residency/runs/{id}/cancel")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Ask a running run to stop; 409 when it is not running. A cancelled run keeps nothing.")
    ResponseEntity<Object> cancel(@PathVariable UUID id, Locale locale) {
        runs.state(id).orElseThrow(() -> new ResponseStatusException(HttpStatus.NOT_FOUND,
                messages.getMessage("residency.api.noRun", null, locale)));
        if (!runs.cancel(id)) {
            ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.CONFLICT,
                    messages.getMessage("residency.api.notRunning", null, locale));
            return ResponseEntity.status(HttpStatus.CONFLICT).body(p);
        }
        return ResponseEntity.accepted().build();
    }

    private static Aggregate aggregate(StoredCell c, boolean seesSmall) {
        long hidden = c.hidden();
        boolean hideEstimate = !seesSmall && isSmall(c.emigrated());
        boolean any = !seesSmall && (isSmall(c.persons()) || isSmall(c.emigrated()) || isSmall(c.official())
                || isSmall(hidden) || isSmall(c.uncertain()) || (c.truth() != null && isSmall(c.truth())));
        return new Aggregate(c.dimension(), c.code(), shown(c.persons(), seesSmall), shown(c.emigrated(), seesSmall),
                shown(c.official(), seesSmall), shown(hidden, seesSmall), shown(c.uncertain(), seesSmall),
                hideEstimate ? null : Math.max(0, c.low()), hideEstimate ? null : c.high(),
                c.truth() == null ? null : shown(c.truth(), seesSmall), any);
    }

    private static Long shown(long n, boolean seesSmall) {
        return !seesSmall && isSmall(n) ? null : n;
    }

    private static boolean isSmall(long n) {
        return n >= 1 && n <= 4;
    }

    private static Calibration calibration(StoredFit f) {
        Map<String, Double> weights = new LinkedHashMap<>();
        Map<String, Double> errors = new LinkedHashMap<>();
        double[] w = f.weights();
        double[] se = f.standardErrors();
        Register[] registers = Register.values();
        for (int i = 0; i < w.length && i < registers.length; i++) {
            weights.put(registers[i].name(), w[i]);
            if (i + 1 < se.length) {
                errors.put(registers[i].name(), se[i + 1]);
            }
        }
        return new Calibration(f.intercept(), se.length > 0 ? se[0] : Double.NaN, weights, errors,
                f.logLikelihood(), f.nullLogLikelihood(), f.pseudoR2(), f.auc(), f.present(), f.abroad());
    }

    private static ResponseEntity<Object> started(UUID id) {
        URI status = URI.create("/api/v1/residency/runs/" + id);
        return ResponseEntity.accepted().location(status).body(new Started(id, status));
    }

    private ResponseEntity<Object> problem(String code, Locale locale, Object... args) {
        ProblemDetail p = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(code, args, locale));
        p.setProperty("code", code);
        return ResponseEntity.badRequest().body(p);
    }
}
