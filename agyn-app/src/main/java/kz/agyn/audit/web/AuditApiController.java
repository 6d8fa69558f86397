package kz.agyn.audit.web;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditEvent;
import kz.agyn.audit.AuditKind;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@Tag(name = "Audit", description = "Who read or changed personal data, and the security events (administrators)")
class AuditApiController {

    private final AuditLog audit;

    AuditApiController(AuditLog audit) {
        this.audit = audit;
    }

    record Page(List<Item> items, long total, int page, int size) {
    }

    /** An event with its kind, so that a script need not know which action is which. */
    record Item(long id, Instant at, String actor, String roles, AuditKind kind, AuditAction action,
                String subjectType, Long subjectId, int records, String channel, String detail) {
        static Item of(AuditEvent e) {
            return new Item(e.id(), e.at(), e.actor(), e.roles(), e.action().kind(), e.action(), e.subjectType(),
                    e.subjectId(), e.records(), e.channel(), e.detail());
        }
    }

    @GetMapping("/api/v1/audit")
    @PreAuthorize("hasRole('ADMIN')")
    @Operation(summary = "The audit log, newest first", description = "Filters: actor (user name; failed "
            + "sign-ins with a name that is no account have the actor '(unknown)'), kind (PERSONAL_DATA: VIEW, "
            + "SEARCH, EXPORT, CREATE, UPDATE, IMPORT, ANONYMISE, SUBJECT_ACCESS, REKEY; SECURITY: SIGN_IN, "
            + "SIGN_IN_FAILURE, SIGN_IN_LOCKED, SIGN_IN_UNLOCKED, USER_CREATED, ROLES_CHANGED, USER_ENABLED, "
            + "USER_DISABLED, PASSWORD_RESET, PASSWORD_CHANGED, TOKEN_CREATED, TOKEN_REVOKED, "
            + "OBLIGATION_RULES_CHANGED, INCENTIVE_RULE_CHANGED), action (one of those), subjectType (e.g. SCHOLAR, "
            + "USER), subjectId, from, to (dates). Each item carries its kind.")
    Page audit(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditKind kind,
               @RequestParam(required = false) AuditAction action,
               @RequestParam(required = false) String subjectType, @RequestParam(required = false) Long subjectId,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
               @RequestParam(defaultValue = "0") int page, @RequestParam(defaultValue = "100") int size) {
        AuditQuery q = new AuditQuery(actor, action, subjectType, subjectId, from, to, page, size, kind);
        return new Page(audit.search(q).stream().map(Item::of).toList(), audit.count(q), q.page(), q.size());
    }
}
