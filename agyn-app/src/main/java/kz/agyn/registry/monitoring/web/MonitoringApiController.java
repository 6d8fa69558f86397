package kz.agyn.registry.monitoring.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.monitoring.MonitoringRun;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.monitoring.WorklistPage;
import kz.agyn.registry.monitoring.WorklistQuery;
import kz.agyn.registry.monitoring.WorklistService;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
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

    MonitoringApiController(MonitoringService monitoring, WorklistService worklist) {
        this.monitoring = monitoring;
        this.worklist = worklist;
    }

    record Done(String note) {
    }

    @PostMapping("/monitoring/run")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Run the monitoring pass now", description = "With recompute (default true) every "
            + "obligation is first re-evaluated as of today. Idempotent: tasks already open are not duplicated, "
            + "tasks whose condition no longer holds are closed with a note.")
    MonitoringRun run(@RequestParam(defaultValue = "true") boolean recompute, Authentication auth) {
        return monitoring.run(recompute, auth.getName());
    }

    @GetMapping("/tasks")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "The worklist", description = "Filters: kind (DUE_HOME, OVERDUE, NO_EMPLOYER, "
            + "MOVED_ABROAD, REPORT_DUE, REPORT_OVERDUE), region (first-level KATO code of the latest job), callYear, degree, country (host "
            + "country or country of the latest job), status (open, done, all; default open), page, size (≤ 500).")
    WorklistPage tasks(@RequestParam(required = false) String kind, @RequestParam(required = false) String region,
                       @RequestParam(required = false) Integer callYear,
                       @RequestParam(required = false) String degree, @RequestParam(required = false) String country,
                       @RequestParam(required = false) String status, @RequestParam(required = false) Integer page,
                       @RequestParam(required = false) Integer size, Authentication auth) {
        return worklist.page(WorklistQuery.of(kind, region, callYear, degree, country, status, page, size),
                Access.of(auth));
    }

    @PostMapping("/tasks/{id}/done")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Mark a task done", description = "JSON {\"note\": \"what was done\"}; the note is required.")
    ResponseEntity<Void> done(@PathVariable long id, @RequestBody Done body, Authentication auth) {
        worklist.done(id, body == null ? null : body.note(), Access.of(auth), auth.getName());
        return ResponseEntity.noContent().build();
    }
}
