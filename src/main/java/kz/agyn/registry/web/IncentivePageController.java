package kz.agyn.registry.web;

import java.util.List;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.registry.Access;
import kz.agyn.registry.incentive.IncentiveRuleException;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.incentive.Eligibility;
import kz.agyn.registry.incentive.IncentiveCost;
import kz.agyn.registry.incentive.IncentiveService;
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

/** The incentives page: each rule with who qualifies and what it costs, and the rules editor for officers. */
@Controller
class IncentivePageController {

    private final IncentiveService incentives;
    private final MonitoringService monitoring;
    private final MessageSource messages;

    IncentivePageController(IncentiveService incentives, MonitoringService monitoring, MessageSource messages) {
        this.incentives = incentives;
        this.monitoring = monitoring;
        this.messages = messages;
    }

    @GetMapping("/registry/incentives")
    @PreAuthorize(WorklistPageController.READERS)
    String page(Authentication auth, Model model, Locale locale) {
        return render(auth, model, locale, null, null, List.of());
    }

    /** Who qualifies for one incentive today, by pseudonym (the card behind each has the rest for officers). */
    @GetMapping("/registry/incentives/{code}/eligible")
    @PreAuthorize(WorklistPageController.READERS)
    String eligible(@PathVariable String code, Authentication auth, Model model, Locale locale) {
        Access access = ScholarApiController.access(auth);
        IncentiveCost cost = incentives.costs(access).stream().filter(c -> c.code().equals(code)).findFirst()
                .orElseThrow(() -> RegistryException.notFound("monitoring.incentive.notFound", code));
        List<Eligibility> people = cost.rule() == null ? List.of() : incentives.eligibility(code, access);
        model.addAttribute("c", cost);
        model.addAttribute("people", people);
        model.addAttribute("today", monitoring.today());
        model.addAttribute("locale", locale);
        return "registry-incentive-eligible";
    }

    @PostMapping("/registry/incentives/{code}")
    @PreAuthorize(WorklistPageController.EDITORS)
    String save(@PathVariable String code, @RequestParam(defaultValue = "") String rules, Authentication auth,
                Model model, Locale locale, RedirectAttributes flash, HttpServletResponse response) {
        try {
            incentives.update(code, rules, ScholarApiController.access(auth), auth.getName());
        } catch (IncentiveRuleException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            List<String> errors = e.problems().stream()
                    .map(p -> messages.getMessage(p.code(), p.arguments(), p.code(), locale)).toList();
            return render(auth, model, locale, code, rules, errors);
        }
        flash.addFlashAttribute("message", messages.getMessage("monitoring.incentive.saved", new Object[] {code},
                locale));
        return "redirect:/registry/incentives";
    }

    @PostMapping("/registry/incentives/{code}/active")
    @PreAuthorize(WorklistPageController.EDITORS)
    String active(@PathVariable String code, @RequestParam boolean active, Authentication auth, Locale locale,
                  RedirectAttributes flash) {
        incentives.setActive(code, active, ScholarApiController.access(auth), auth.getName());
        flash.addFlashAttribute("message", messages.getMessage(active ? "monitoring.incentive.activated"
                : "monitoring.incentive.deactivated", new Object[] {code}, locale));
        return "redirect:/registry/incentives";
    }

    private String render(Authentication auth, Model model, Locale locale, String failedCode, String failedText,
                          List<String> errors) {
        Access access = ScholarApiController.access(auth);
        model.addAttribute("costs", incentives.costs(access));
        model.addAttribute("editor", access.mayEdit());
        model.addAttribute("today", monitoring.today());
        model.addAttribute("locale", locale);
        model.addAttribute("failedCode", failedCode);
        model.addAttribute("failedText", failedText);
        model.addAttribute("errors", errors);
        return "registry-incentives";
    }
}
