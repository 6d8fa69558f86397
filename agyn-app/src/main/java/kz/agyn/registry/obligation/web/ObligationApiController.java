package kz.agyn.registry.obligation.web;

import java.util.Map;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.Rebinding;
import kz.agyn.registry.obligation.RebindingPreview;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/** Every award's obligation at once, through the REST API. */
@RestController
@RequestMapping("/api/v1")
@Tag(name = "Scholar registry", description = "State scholars, awards, jobs and the work-off obligation.")
class ObligationApiController {

    private final ObligationService obligations;
    private final Rebinding rebinding;

    ObligationApiController(ObligationService obligations, Rebinding rebinding) {
        this.obligations = obligations;
        this.rebinding = rebinding;
    }

    @GetMapping("/registry/rules/bound")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "How many awards are bound to each rule version, by programme then version")
    Map<String, Map<Integer, Long>> bound() {
        return rebinding.boundCounts();
    }

    @GetMapping("/registry/rules/{programme}/{version}/rebinding")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Preview re-binding the awards bound to a rule version to the version in force on their "
            + "award date: per award the old and new state, term and owed amount as of today, with counts of awards "
            + "moving, changing state (by transition) and changing what they owe. Administrators only")
    RebindingPreview rebindingPreview(@PathVariable String programme, @PathVariable int version) {
        return rebinding.preview(programme, version);
    }

    @PostMapping("/registry/rules/{programme}/{version}/rebinding")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "Re-bind the awards of a rule version as a job (REGISTRY_REBIND): answers 202 with the job "
            + "id; follow it at /api/v1/jobs/{id}. Each award moved is recorded, the registry re-evaluated, the "
            + "change audited")
    ResponseEntity<Map<String, String>> rebind(@PathVariable String programme, @PathVariable int version,
                                               Authentication auth) {
        UUID job = rebinding.start(programme, version, auth.getName());
        return ResponseEntity.accepted().body(Map.of("job", job.toString(), "link", "/api/v1/jobs/" + job));
    }

    @PostMapping("/registry/recompute")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Re-evaluate every award's obligation as of today")
    ObligationService.Recomputation recompute() {
        return obligations.recomputeAll();
    }
}
