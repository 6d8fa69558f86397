package kz.agyn.audit.web;

import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditKind;
import kz.agyn.audit.AuditLog;
import kz.agyn.audit.AuditQuery;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;

/** The administrator's view of the audit log (the path is under /admin, which only ADMIN may open). */
@Controller
class AuditPageController {

    private final AuditLog audit;

    AuditPageController(AuditLog audit) {
        this.audit = audit;
    }

    @GetMapping("/admin/audit")
    String page(@RequestParam(required = false) String actor, @RequestParam(required = false) AuditKind kind,
                @RequestParam(required = false) AuditAction action,
                @RequestParam(required = false) Long subjectId,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                @RequestParam(defaultValue = "0") int page, Model model) {
        AuditQuery q = new AuditQuery(actor, action, null, subjectId, from, to, page, 100, kind);
        long total = audit.count(q);
        model.addAttribute("events", audit.search(q));
        model.addAttribute("total", total);
        model.addAttribute("query", q);
        model.addAttribute("actions", AuditAction.values());
        model.addAttribute("kinds", AuditKind.values());
        Map<AuditKind, List<AuditAction>> byKind = new EnumMap<>(AuditKind.class);
        for (AuditKind k : AuditKind.values()) {
            byKind.put(k, AuditAction.of(k));
        }
        model.addAttribute("actionsByKind", byKind);
        model.addAttribute("pages", Math.max(1, (total + q.size() - 1) / q.size()));
        return "admin-audit";
    }
}
