package kz.agyn.audit.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who read or changed personal data (administrators)")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    record Page(List<AuditEvent> items, long total, int page, int size) {
    }

    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The audit log, newest first", description = "Filters: actor (user name), action (VIEW, "
            + "SEARCH, EXPORT, CREATE, UPDATE, IMPORT, ANONYMISE, SUBJECT_ACCESS), subjectType (e.g. SCHOLAR), "
            + "subjectId, from, to (dates).")
    Page audit(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditAction action,
               @RequestParam(required = false) String subjectType, @RequestParam(required = false) Long subjectId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        AuditQuery q = new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size);
        return new Page(audit.search(q), audit.count(q), q.page(), q.size());
    }
}
