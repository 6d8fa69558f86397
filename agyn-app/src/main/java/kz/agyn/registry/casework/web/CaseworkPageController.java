package kz.agyn.registry.casework.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryAudit;
import kz.agyn.registry.RegistryException;
import kz.agyn.kernel.UserException;
import kz.agyn.registry.casework.InstalmentPlan;
import kz.agyn.registry.casework.Instalments;
import kz.agyn.registry.casework.NewAgreement;
import kz.agyn.registry.casework.NewGuarantor;
import kz.agyn.registry.casework.NewPayment;
import kz.agyn.registry.casework.NewPledge;
import kz.agyn.registry.casework.NewWorkReport;
import kz.agyn.registry.casework.NoticeKind;
import kz.agyn.registry.casework.ReportPeriod;
import kz.agyn.registry.casework.ReportStatus;
import kz.agyn.registry.casework.Securities;
import kz.agyn.registry.casework.Security;
import kz.agyn.registry.casework.WorkReports;
import kz.agyn.registry.obligation.ObligationStatus;
import kz.agyn.registry.scholars.ScholarService;
import jakarta.servlet.http.HttpServletResponse;
import org.springframework.context.MessageSource;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The casework section of the scholar card (loaded into each award by htmx, so that the card's sub-feature needs
 * to know nothing of this one) and the printable notices. A notice carries the scholar's name, so only officers
 * may generate one, and each generated notice is written to the audit log with its kind and language.
 * The section's small forms (a report received, an instalment agreement, a payment, a pledge, a guarantor) post by htmx and get the
 * section back; a mistake answers 400 (409 for a clash) with the section and the message in the officer's
 * language, which the page swaps in ({@code data-swap-errors}) so the officer sees it next to the form.
 */
@Controller
class CaseworkPageController {

    private final WorkReports reports;
    private final Instalments instalments;
    private final ScholarService scholars;
    private final AuditLog audit;
    private final Securities securities;
    private final MessageSource messages;

    CaseworkPageController(WorkReports reports, Instalments instalments, ScholarService scholars, AuditLog audit,
                           Securities securities, MessageSource messages) {
        this.reports = reports;
        this.instalments = instalments;
        this.scholars = scholars;
        this.audit = audit;
        this.securities = securities;
        this.messages = messages;
    }

    @GetMapping("/registry/awards/{awardId}/casework")
    @PreAuthorize(Access.READERS)
    String section(@PathVariable long awardId, Authentication auth, Model model) {
        Access access = Access.of(auth);
        model.addAttribute("awardId", awardId);
        model.addAttribute("reports", reports.schedule(awardId, null, access));
        InstalmentPlan plan = instalments.plan(awardId, null, access).orElse(null);
        model.addAttribute("plan", plan);
        model.addAttribute("mayEdit", access.mayEdit());
        // The agreement form's amount and longest term, for officers while a breach stands and nothing is agreed.
        model.addAttribute("terms", plan == null && access.mayEdit()
                ? instalments.terms(awardId, access).orElse(null) : null);
        model.addAttribute("kinds", NoticeKind.values());
        // The security names guarantors and an address: analysts do not get it, and it is not even read for them.
        Security security = access.mayEdit() ? securities.security(awardId, access).orElse(null) : null;
        model.addAttribute("security", security);
        // What was withdrawn stays on show, also when nothing is in force any more.
        model.addAttribute("withdrawn", !access.mayEdit() ? List.of() : security != null ? security.withdrawn()
                : securities.withdrawn(awardId, access));
        model.addAttribute("today", LocalDate.now());
        return "registry-casework :: section";
    }

    @PostMapping("/registry/awards/{awardId}/casework/reports")
    @PreAuthorize(Access.EDITORS)
    String report(@PathVariable long awardId, @RequestParam(required = false) Integer period,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate receivedOn,
                  @RequestParam(required = false) String employer, @RequestParam(required = false) String position,
                  Authentication auth, Model model, Locale locale, HttpServletResponse response) {
        return act(awardId, "report", () -> reports.record(awardId, new NewWorkReport(period, receivedOn, employer,
                position), Access.of(auth), auth.getName()), auth, model, locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/payments")
    @PreAuthorize(Access.EDITORS)
    String payment(@PathVariable long awardId,
                   @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate paidOn,
                   @RequestParam(required = false) String amount, Authentication auth, Model model, Locale locale,
                   HttpServletResponse response) {
        return act(awardId, "payment", () -> instalments.pay(awardId, new NewPayment(paidOn,
                money(amount, "registry.casework.payment.amount")), Access.of(auth), auth.getName()),
                auth, model, locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/instalments")
    @PreAuthorize(Access.EDITORS)
    String agree(@PathVariable long awardId, @RequestParam(required = false) String months,
                 @RequestParam(required = false) String startsOn, @RequestParam(required = false) String agreedOn,
                 @RequestParam(required = false) String reason, Authentication auth, Model model, Locale locale,
                 HttpServletResponse response) {
        // Fields arrive as text so that a bad number or date is the form's own message next to the field, not a
        // binding failure.
        return act(awardId, "agreement", () -> instalments.agree(awardId, new NewAgreement(
                        months(months), date(startsOn, "startsOn"), date(agreedOn, "agreedOn"), reason),
                Access.of(auth), auth.getName()), auth, model, locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/pledge")
    @PreAuthorize(Access.EDITORS)
    String pledge(@PathVariable long awardId, @RequestParam(required = false) String property,
                  @RequestParam(required = false) String valueKzt,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate valuedOn,
                  @RequestParam(required = false) String documentNo, Authentication auth, Model model, Locale locale,
                  HttpServletResponse response) {
        return act(awardId, "pledge", () -> securities.pledge(awardId, new NewPledge(property,
                money(valueKzt, "registry.casework.security.value"), valuedOn, documentNo), Access.of(auth),
                auth.getName()), auth, model, locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/guarantors")
    @PreAuthorize(Access.EDITORS)
    String guarantor(@PathVariable long awardId, @RequestParam(required = false) String name,
                     @RequestParam(required = false) String iin, @RequestParam(required = false) String contact,
                     @RequestParam(required = false) String documentNo, Authentication auth, Model model,
                     Locale locale, HttpServletResponse response) {
        return act(awardId, "guarantor", () -> securities.guarantor(awardId, new NewGuarantor(name, iin, contact,
                documentNo), Access.of(auth), auth.getName()), auth, model, locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/pledge/correction")
    @PreAuthorize(Access.EDITORS)
    String correctPledge(@PathVariable long awardId, @RequestParam(required = false) String property,
                         @RequestParam(required = false) String valueKzt,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                         LocalDate valuedOn, @RequestParam(required = false) String documentNo,
                         @RequestParam(required = false) String reason, Authentication auth, Model model,
                         Locale locale, HttpServletResponse response) {
        return act(awardId, "pledgeCorrection", () -> securities.correctPledge(awardId, new NewPledge(property,
                money(valueKzt, "registry.casework.security.value"), valuedOn, documentNo), reason, Access.of(auth),
                auth.getName()), auth, model, locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/security/withdrawal")
    @PreAuthorize(Access.EDITORS)
    String withdrawSecurity(@PathVariable long awardId, @RequestParam(required = false) String reason,
                            Authentication auth, Model model, Locale locale, HttpServletResponse response) {
        return act(awardId, "securityWithdrawal", () -> securities.withdraw(awardId, reason, Access.of(auth),
                auth.getName()), auth, model, locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/guarantors/{guarantorId}/correction")
    @PreAuthorize(Access.EDITORS)
    String correctGuarantor(@PathVariable long awardId, @PathVariable long guarantorId,
                            @RequestParam(required = false) String name, @RequestParam(required = false) String iin,
                            @RequestParam(required = false) String contact,
                            @RequestParam(required = false) String reason, Authentication auth, Model model,
                            Locale locale, HttpServletResponse response) {
        return act(awardId, "guarantor-" + guarantorId, () -> securities.correctGuarantor(awardId, guarantorId,
                new NewGuarantor(name, iin, contact, null), reason, Access.of(auth), auth.getName()), auth, model,
                locale, response);
    }

    @PostMapping("/registry/awards/{awardId}/casework/guarantors/{guarantorId}/withdrawal")
    @PreAuthorize(Access.EDITORS)
    String withdrawGuarantor(@PathVariable long awardId, @PathVariable long guarantorId,
                             @RequestParam(required = false) String reason, Authentication auth, Model model,
                             Locale locale, HttpServletResponse response) {
        return act(awardId, "guarantorWithdrawal-" + guarantorId, () -> securities.withdrawGuarantor(awardId,
                guarantorId, reason, Access.of(auth), auth.getName()), auth, model, locale, response);
    }

    /** Runs one form's action and re-draws the section, with the refusal next to the form it came from. */
    private String act(long awardId, String form, Runnable action, Authentication auth, Model model, Locale locale,
                       HttpServletResponse response) {
        try {
            action.run();
            model.addAttribute("saved", form);
        } catch (UserException e) {
            if (e.kind() == UserException.Kind.NOT_FOUND) {
                throw e;
            }
            response.setStatus(e.kind() == UserException.Kind.CONFLICT ? 409 : 400);
            model.addAttribute("errorForm", form);
            model.addAttribute("errorField", FIELD_OF.get(e.code()));
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return section(awardId, auth, model);
    }

    /** The field a refusal is about, where the form shows it beside the field rather than above the form. */
    private static final java.util.Map<String, String> FIELD_OF = java.util.Map.of(
            "registry.casework.instalment.monthsRequired", "months",
            "registry.casework.instalment.term", "months",
            "registry.casework.instalment.startBeforeAgreement", "startsOn",
            "registry.casework.instalment.startsOn", "startsOn",
            "registry.casework.instalment.agreedOn", "agreedOn",
            "registry.casework.futureDate", "agreedOn",
            "registry.decision.future", "agreedOn",
            "registry.decision.reasonRequired", "reason");

    private static Integer months(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return Integer.valueOf(text.strip());
        } catch (NumberFormatException e) {
            throw RegistryException.invalid("registry.casework.instalment.monthsRequired");
        }
    }

    private static LocalDate date(String text, String field) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return LocalDate.parse(text.strip());
        } catch (java.time.format.DateTimeParseException e) {
            throw RegistryException.invalid("registry.casework.instalment." + field);
        }
    }

    /** Amounts typed with spaces or a decimal comma, as officers write them; anything else is the given 400. */
    private static java.math.BigDecimal money(String text, String code) {
        if (text == null || text.isBlank()) {
            return null;
        }
        try {
            return new java.math.BigDecimal(text.replaceAll("[\\s\u00a0]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw RegistryException.invalid(code);
        }
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
