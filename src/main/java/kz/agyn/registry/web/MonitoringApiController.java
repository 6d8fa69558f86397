package kz.agyn.registry.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.incentive.IncentiveCost;
import kz.agyn.registry.incentive.IncentiveRule;
import kz.agyn.registry.incentive.IncentiveRuleException;
import kz.agyn.registry.incentive.IncentiveService;
import kz.agyn.registry.monitoring.MonitoringRun;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.monitoring.WorklistPage;
import kz.agyn.registry.monitoring.WorklistQuery;
import kz.agyn.registry.monitoring.WorklistService;
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
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Registry monitoring", description = "The daily monitoring pass and the officers' worklist of tasks. "
        + "Analysts receive tasks under pseudonyms and without the officers' notes (`noteHidden` says there is one); "
        + "every list with names is audited.")
class MonitoringApiController {

    private final MonitoringService monitoring;
    private final WorklistService worklist;
    private final IncentiveService incentives;
    private final MessageSource messages;

    MonitoringApiController(MonitoringService monitoring, WorklistService worklist, IncentiveService incentives,
                            MessageSource messages) {
        this.monitoring = monitoring;
        this.worklist = worklist;
        this.incentives = incentives;
        this.messages = messages;
    }

    record Done(String note) {
    }

    @PostMapping("/monitoring/run")
    @PreAuthorize(WorklistPageController.EDITORS)
    @Operation(summary = "Run the monitoring pass now", description = "With recompute (default true) every "
            + "obligation is first re-evaluated as of today. Idempotent: tasks already open are not duplicated, "
            + "tasks whose condition no longer holds are closed with a note.")
    MonitoringRun run(@RequestParam(defaultValue = "true") boolean recompute) {
        return monitoring.run(recompute);
    }

    @GetMapping("/tasks")
    @PreAuthorize(WorklistPageController.READERS)
    @Operation(summary = "The worklist", description = "Filters: kind (DUE_HOME, OVERDUE, NO_EMPLOYER, "
            + "MOVED_ABROAD), region (first-level KATO code of the latest job), callYear, degree, country (host "
            + "country or country of the latest job), status (open, done, all; default open), page, size (≤ 500).")
    WorklistPage tasks(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                       @RequestParam(required = false) Integer callYear,
                       @RequestParam(required = false) String degree, @RequestParam(required = false) String country,
                       @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size, Authentication auth) {
        return worklist.page(WorklistQuery.of(kind, region, callYear, degree, country, status, page, size),
                ScholarApiController.access(auth));
    }

    @PostMapping("/tasks/{id}/done")
    @PreAuthorize(WorklistPageController.EDITORS)
    @Operation(summary = "Mark a task done", description = "JSON {\"note\": \"what was done\"}; the note is required.")
    ResponseEntity<Void> done(@PathVariable long id, @RequestBody Done body, Authentication auth) {
        worklist.done(id, body == null ? null : body.note(), ScholarApiController.access(auth), auth.getName());
        return ResponseEntity.noContent().build();
    }

    @GetMapping("/incentives")
    @PreAuthorize(WorklistPageController.READERS)
    @Operation(summary = "Incentives with eligible counts and annual cost", description = "Each rule as text and "
            + "parsed, the number of scholars eligible on `asOf` (ISO date, today when absent; costed by reported "
            + "salary band or at the assumed average), the amount per person when uniform and the annual cost (run "
            + "rate), with the sources. A day before 1993-01-01 or after 2100-12-31, or not a date, gives 400.")
    List<IncentiveCost> incentives(@RequestParam(required = false) String asOf, Authentication auth) {
        Access access = ScholarApiController.access(auth);
        LocalDate day = IncentiveService.day(asOf);
        if (day == null) {
            return incentives.costs(access);
        }
        return incentives.costs(access, day);
    }

    @PutMapping(path = "/incentives/{code}", consumes = MediaType.TEXT_PLAIN_VALUE)
    @PreAuthorize(WorklistPageController.EDITORS)
    @Operation(summary = "Replace an incentive's rule text", description = "key = value lines; refused with "
            + "every problem and its line number when the text does not validate.")
    IncentiveRule update(@PathVariable String code, @RequestBody String text, Authentication auth) {
        return incentives.update(code, text, ScholarApiController.access(auth), auth.getName());
    }

    /** Every problem of a rule text, located, in the caller's language (the generic handler tells only the first). */
    @ExceptionHandler(IncentiveRuleException.class)
    ProblemDetail badRules(IncentiveRuleException e, Locale locale) {
        List<Map<String, Object>> errors = e.problems().stream().map(p -> Map.<String, Object>of("line", p.line(),
                "code", p.code(), "message", messages.getMessage(p.code(), p.arguments(), p.code(), locale))).toList();
        ProblemDetail problem = ProblemDetail.forStatusAndDetail(HttpStatus.BAD_REQUEST,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        problem.setProperty("code", e.code());
        problem.setProperty("errors", errors);
        return problem;
    }
}
