package kz.agyn.registry.casework.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.casework.Instalments;
import kz.agyn.registry.casework.NoticeKind;
import kz.agyn.registry.casework.ReportPeriod;
import kz.agyn.registry.casework.ReportStatus;
import kz.agyn.registry.casework.WorkReports;
import kz.agyn.registry.obligation.ObligationStatus;
import kz.agyn.registry.scholars.ScholarService;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The casework section of the scholar card (loaded into each award by htmx, so that the card's sub-feature needs
 * to know nothing of this one) and the printable notices. A notice carries the scholar's name, so only officers
 * may generate one, and each generated notice is written to the audit log with its kind and language.
 */
@Controller
class CaseworkPageController {

    private final WorkReports reports;
    private final Instalments instalments;
    private final ScholarService scholars;
    private final AuditLog audit;

    CaseworkPageController(WorkReports reports, Instalments instalments, ScholarService scholars, AuditLog audit) {
        this.reports = reports;
        this.instalments = instalments;
        this.scholars = scholars;
        this.audit = audit;
    }

    @GetMapping("/registry/awards/{awardId}/casework")
    @PreAuthorize(Access.READERS)
    String section(@PathVariable long awardId, Authentication auth, Model model) {
        Access access = Access.of(auth);
        model.addAttribute("awardId", awardId);
        model.addAttribute("reports", reports.schedule(awardId, null, access));
        model.addAttribute("plan", instalments.plan(awardId, null, access).orElse(null));
        model.addAttribute("mayEdit", access.mayEdit());
        model.addAttribute("kinds", NoticeKind.values());
        return "registry-casework :: section";
    }

    @GetMapping("/registry/awards/{awardId}/notices/{kind}")
    @PreAuthorize(Access.EDITORS)
    String notice(@PathVariable long awardId, @PathVariable String kind, @RequestParam(required = false) String asOf,
                  Authentication auth, Model model, Locale locale) {
        NoticeKind k;
        try {
            k = NoticeKind.valueOf(kind.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw RegistryException.invalid("registry.casework.notice.kind", kind.length() > 30
                    ? kind.substring(0, 30) : kind);
        }
        LocalDate day;
        try {
            day = asOf == null || asOf.isBlank() ? LocalDate.now() : LocalDate.parse(asOf.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw RegistryException.invalid("registry.casework.notice.asOf");
        }
        Access access = Access.of(auth);
        long scholar = scholars.scholarOfAward(awardId);
        ScholarService.Identity who = scholars.identities(List.of(scholar), access).get(scholar);
        ObligationStatus status = scholars.obligations(scholar, access).stream()
                .filter(o -> o.awardId().equals(Long.toString(awardId))).findFirst().orElse(null);
        List<ReportPeriod> schedule = reports.schedule(awardId, day, access);
        model.addAttribute("kind", k.name());
        model.addAttribute("day", day);
        model.addAttribute("awardId", awardId);
        model.addAttribute("name", who == null ? "" : who.name());
        model.addAttribute("status", status);
        model.addAttribute("pending", schedule.stream().filter(p -> p.status() == ReportStatus.DUE
                || p.status() == ReportStatus.OVERDUE).toList());
        model.addAttribute("graceDays", reports.graceDays());
        model.addAttribute("plan", instalments.plan(awardId, day, access).orElse(null));
        // What was generated, for whom and in which language; the letter's text is not kept, it is re-generated.
        audit.record(AuditAction.EXPORT, RegistryAudit.SCHOLAR, scholar, 1,
                "notice " + k.name() + " award " + awardId + " lang " + locale.getLanguage() + " as of " + day);
        return "registry-notice";
    }
}
