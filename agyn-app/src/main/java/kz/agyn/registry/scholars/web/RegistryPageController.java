package kz.agyn.registry.scholars.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.ReferenceData;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.keys.Pseudonym;
import kz.agyn.registry.obligation.DecisionType;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.Sector;
import kz.agyn.registry.scholars.RegistryCodeLabels;
import kz.agyn.registry.scholars.NewEmployment;
import kz.agyn.registry.scholars.ScholarService;
import kz.agyn.registry.scholars.ScholarView;
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
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry officer's pages: search (by IIN with POST, so that an IIN never lands in a URL, a log or the
 * browser history; by name with a GET that can be bookmarked), the scholar card with its timeline and a form to record a job. Analysts see
 * the same pages pseudonymised; viewers are refused (they have the cohort dashboard).
 */
@Controller
class RegistryPageController {


    private static final List<String> DECISION_TYPES = java.util.stream.Stream.concat(
            java.util.Arrays.stream(DecisionType.values()).map(Enum::name), java.util.stream.Stream.of("DEFERRAL"))
            .toList();

    /** Lines per page of search results. */
    static final int PAGE_SIZE = 50;

    private final ScholarService scholars;
    private final ObligationService obligations;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final RegistryCodeLabels codeLabels;

    RegistryPageController(ScholarService scholars, ObligationService obligations, ReferenceData reference,
                           MessageSource messages, RegistryCodeLabels codeLabels) {
        this.codeLabels = codeLabels;
        this.scholars = scholars;
        this.obligations = obligations;
        this.reference = reference;
        this.messages = messages;
    }

    /**
     * The search page, and a search by name or pseudonym: a GET, so it can be bookmarked and Back shows it again
     * without asking to send a form. The name typed stays in the address (and the browser's history) of the
     * officer who typed it; the address leaves Agyn nowhere (same-origin referrer) and the page is not cached.
     */
    @GetMapping("/registry")
    @PreAuthorize(Access.READERS)
    String search(@RequestParam(required = false) String name, @RequestParam(required = false) Integer page,
                  Authentication auth, Model model, Locale locale, HttpServletResponse response) {
        Access access = Access.of(auth);
        model.addAttribute("personal", access == Access.PERSONAL);
        model.addAttribute("labels", codeLabels.in(locale));
        if (name == null || name.isBlank()) {
            return "registry";
        }
        response.setHeader("Cache-Control", "no-store");
        // A name is put back into the form for an officer only (an analyst's page carries no name, not even one
        // typed in; a pseudonym is no name).
        if (access == Access.PERSONAL || Pseudonym.isWellFormed(name.strip())) {
            model.addAttribute("name", name.strip());
        }
        try {
            model.addAttribute("results", scholars.search(null, name, page == null ? 0 : page, PAGE_SIZE, access));
        } catch (UserException e) {
            model.addAttribute("error", message(e, locale));
        }
        return "registry";
    }

    /**
     * A search by IIN: a POST, so that an IIN never lands in a URL, a log or the browser history. The answer is
     * handed to the next GET of the search page (post, redirect, get), so Back and reload never send the form
     * again. A name sent here (an old bookmark or script) is redirected to the GET search.
     */
    @PostMapping("/registry/search")
    @PreAuthorize(Access.READERS)
    String search(@RequestParam(required = false) String iin, @RequestParam(required = false) String name,
                  Authentication auth, RedirectAttributes redirect, Locale locale) {
        if ((iin == null || iin.isBlank()) && name != null && !name.isBlank()) {
            redirect.addAttribute("name", name.strip());
            return "redirect:/registry";
        }
        try {
            redirect.addFlashAttribute("results", scholars.search(iin, null, 0, PAGE_SIZE, Access.of(auth)));
            redirect.addFlashAttribute("byIin", true);
        } catch (UserException e) {
            redirect.addFlashAttribute("error", message(e, locale));
        }
        return "redirect:/registry";
    }

    @GetMapping("/registry/scholars/{id}")
    @PreAuthorize(Access.READERS)
    String card(@PathVariable long id, Authentication auth, Model model, Locale locale) {
        ScholarView view = scholars.view(id, Access.of(auth));
        // Old jobs may name regions since merged or split, so names come from the whole history; a new job
        // is recorded in today's regions.
        RegistryCodeLabels.In labels = codeLabels.in(locale);
        model.addAttribute("s", view);
        model.addAttribute("timeline", ScholarTimeline.of(view, messages, locale, labels));
        model.addAttribute("regionNames", labels.regions());
        model.addAttribute("labels", labels);
        model.addAttribute("mayEdit", Access.of(auth).mayEdit());
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("regions", reference.regionsOn(obligations.today()));
        model.addAttribute("today", obligations.today());
        model.addAttribute("decisionTypes", DECISION_TYPES);
        // The parameters behind each award's figures (return deadline, break tolerance), shown beside them so an
        // officer sees the assumptions, not only the result.
        var book = obligations.ruleBook();
        model.addAttribute("rulesOf", view.awards().stream().collect(java.util.stream.Collectors.toMap(
                ScholarView.AwardView::id, a -> book.version(a.programme(), a.ruleVersion()), (x, y) -> x)));
        return "scholar";
    }

    @PostMapping("/registry/scholars/{id}/employments")
    @PreAuthorize(Access.EDITORS)
    String addJob(@PathVariable long id, @RequestParam(required = false) String employer,
                  @RequestParam(required = false) String employerBin, @RequestParam(required = false) String sector,
                  @RequestParam(required = false) String region, @RequestParam(required = false) String country,
                  @RequestParam(required = false) String isco,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate start,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate end,
                  @RequestParam(required = false) String salaryBand, @RequestParam(required = false) String evidence,
                  Authentication auth, Model model, Locale locale, RedirectAttributes redirect) {
        NewEmployment job = new NewEmployment(employer, employerBin, sector, region, country, isco, start, end,
                salaryBand, evidence);
        try {
            scholars.addEmployment(id, job, Access.of(auth), auth.getName());
        } catch (UserException e) {
            model.addAttribute("jobError", message(e, locale));
            model.addAttribute("job", job);
            return card(id, auth, model, locale);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/registry/scholars/" + id;
    }

    /**
     * An officer's decision on an award (return confirmed, breach, repayment, write-off) or an approved
     * deferral. The service checks it against the obligation's state machine; a refusal is shown on the card,
     * next to the award, in the officer's language.
     */
    @PostMapping("/registry/awards/{awardId}/decisions")
    @PreAuthorize(Access.EDITORS)
    String decide(@PathVariable long awardId, @RequestParam(required = false) String type,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate date,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate from,
                  @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate to,
                  @RequestParam(required = false) String reason, Authentication auth, Model model, Locale locale,
                  RedirectAttributes redirect) {
        long scholarId = scholars.scholarOfAward(awardId);
        try {
            scholars.decide(awardId, new NewDecision(type, date, from, to, reason), Access.of(auth), auth.getName());
        } catch (UserException e) {
            model.addAttribute("decisionAward", awardId);
            model.addAttribute("decisionError", message(e, locale));
            return card(scholarId, auth, model, locale);
        }
        redirect.addFlashAttribute("decided", true);
        return "redirect:/registry/scholars/" + scholarId;
    }

    /**
     * Erases the personal data for good on the scholar's request. The officer types the pseudonym to confirm,
     * because there is no undo.
     */
    @PostMapping("/registry/scholars/{id}/anonymise")
    @PreAuthorize(Access.EDITORS)
    String anonymise(@PathVariable long id, @RequestParam(required = false) String confirm, Authentication auth,
                     Model model, Locale locale, RedirectAttributes redirect) {
        // Only the pseudonym is needed to check the confirmation: no personal field is decrypted for it.
        String pseudonym = scholars.summaries(List.of(id), false).stream().findFirst()
                .orElseThrow(() -> RegistryException.notFound("registry.scholar.notFound", id)).pseudonym();
        if (confirm == null || !confirm.strip().equals(pseudonym)) {
            model.addAttribute("anonymiseError", messages.getMessage("registry.card.anonymiseConfirmWrong", null,
                    locale));
            return card(id, auth, model, locale);
        }
        scholars.anonymise(id, Access.of(auth));
        redirect.addFlashAttribute("anonymised", true);
        return "redirect:/registry/scholars/" + id;
    }

    private String message(UserException e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }
}
