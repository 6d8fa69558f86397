package kz.agyn.registry.incentives.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.registry.Access;
import kz.agyn.registry.DemonstrationDay;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.incentives.Eligibility;
import kz.agyn.registry.incentives.IncentiveCost;
import kz.agyn.registry.incentives.IncentiveRuleException;
import kz.agyn.registry.incentives.IncentiveService;
import kz.agyn.registry.monitoring.MonitoringService;
import org.springframework.context.MessageSource;
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
 * The incentives page: each rule with who qualifies and what it costs, as of a day (today unless asked), and the
 * rules editor for officers.
 */
@Controller
class IncentivePageController {

    /** The first Bolashak call; before it no one can have returned. */

    private final IncentiveService incentives;
    private final MonitoringService monitoring;
    private final MessageSource messages;
    private final DemonstrationDay demonstration;
    private final ProblemMessages problems;

    IncentivePageController(IncentiveService incentives, MonitoringService monitoring, MessageSource messages,
                            DemonstrationDay demonstration, ProblemMessages problems) {
        this.incentives = incentives;
        this.problems = problems;
        this.monitoring = monitoring;
        this.messages = messages;
        this.demonstration = demonstration;
    }

    /** Each incentive as of {@code asOf} (today when absent): who qualified on that day, and a year of it. */
    @GetMapping("/registry/incentives")
    @PreAuthorize(Access.READERS)
    String page(@RequestParam(required = false) String asOf, Authentication auth, Model model, Locale locale,
                HttpServletResponse response) {
        return render(auth, model, locale, day(asOf, model, locale, response), null, null, List.of());
    }

    /** Who qualifies for one incentive on the day, by pseudonym (the card behind each has the rest for officers). */
    @GetMapping("/registry/incentives/{code}/eligible")
    @PreAuthorize(Access.READERS)
    String eligible(@PathVariable String code, @RequestParam(required = false) String asOf, Authentication auth,
                    Model model, Locale locale, HttpServletResponse response) {
        Access access = Access.of(auth);
        LocalDate day = day(asOf, model, locale, response);
        IncentiveCost cost = incentives.costs(access, day).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> RegistryException.notFound("monitoring.incentive.notFound", code));
        List<Eligibility> people = cost.rule() == null ? List.of() : incentives.eligibility(code, access, day);
        model.addAttribute("c", cost);
        model.addAttribute("people", people);
        model.addAttribute("today", day);
        model.addAttribute("locale", locale);
        return "registry-incentive-eligible";
    }

    /**
     * The day asked for, or today. A day that is not a date, or is outside the registry's years, is a mistake to
     * be told on the page (with 400), showing today meanwhile, rather than an error page.
     */
    private LocalDate day(String asOf, Model model, Locale locale, HttpServletResponse response) {
        LocalDate today = monitoring.today();
        model.addAttribute("noteDay", demonstration.asOf());
        model.addAttribute("todayDay", today);
        try {
            LocalDate day = IncentiveService.day(asOf);
            return day == null ? today : day;
        } catch (UserException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            model.addAttribute("asOfError", messages.getMessage(e.code(), e.args(), locale));
        }
        model.addAttribute("asOfText", asOf);
        return today;
    }

    @PostMapping("/registry/incentives/{code}")
    @PreAuthorize(Access.EDITORS)
    String save(@PathVariable String code, @RequestParam(defaultValue = "") String rules, Authentication auth,
                Model model, Locale locale, RedirectAttributes flash, HttpServletResponse response) {
        LocalDate today = day(null, model, locale, response);
        try {
            incentives.update(code, rules, Access.of(auth), auth.getName());
        } catch (IncentiveRuleException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            List<String> errors = e.problems().stream().map(p -> problems.message(p, locale)).toList();
            return render(auth, model, locale, today, code, rules, errors);
        }
        flash.addFlashAttribute("message", messages.getMessage("monitoring.incentive.saved", new Object[] {code},
                locale));
        return "redirect:/registry/incentives";
    }

    @PostMapping("/registry/incentives/{code}/active")
    @PreAuthorize(Access.EDITORS)
    String active(@PathVariable String code, @RequestParam boolean active, Authentication auth, Locale locale,
                  RedirectAttributes flash) {
        incentives.setActive(code, active, Access.of(auth), auth.getName());
        flash.addFlashAttribute("message", messages.getMessage(active ? "monitoring.incentive.activated"
                : "monitoring.incentive.deactivated", new Object[] {code}, locale));
        return "redirect:/registry/incentives";
    }

    private String render(Authentication auth, Model model, Locale locale, LocalDate day, String failedCode,
                          String failedText, List<String> errors) {
        Access access = Access.of(auth);
        model.addAttribute("costs", incentives.costs(access, day));
        model.addAttribute("editor", access.mayEdit());
        model.addAttribute("today", day);
        model.addAttribute("locale", locale);
        model.addAttribute("failedCode", failedCode);
        model.addAttribute("failedText", failedText);
        model.addAttribute("errors", errors);
        return "registry-incentives";
    }
}
