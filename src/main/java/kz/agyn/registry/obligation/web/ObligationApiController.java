package kz.agyn.registry.obligation.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.obligation.ObligationService;
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

    ObligationApiController(ObligationService obligations) {
        this.obligations = obligations;
    }

    @PostMapping("/registry/recompute")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Re-evaluate every award's obligation as of today")
    ObligationService.Recomputation recompute() {
        return obligations.recomputeAll();
    }
}
