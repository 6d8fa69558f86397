package kz.agyn.registry.incentives.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.registry.Access;
import kz.agyn.registry.DemonstrationDay;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.incentives.Eligibility;
import kz.agyn.registry.incentives.IncentiveCost;
import kz.agyn.registry.incentives.IncentiveRule;
import kz.agyn.registry.incentives.IncentiveRuleException;
import kz.agyn.registry.incentives.IncentiveService;
import kz.agyn.registry.monitoring.MonitoringService;
import kz.agyn.registry.obligation.Sector;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
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
    private final ReferenceData reference;

    IncentivePageController(IncentiveService incentives, MonitoringService monitoring, MessageSource messages,
                            DemonstrationDay demonstration, ProblemMessages problems, ReferenceData reference) {
        this.incentives = incentives;
        this.reference = reference;
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
        model.addAttribute("day", day);
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

    /**
     * Saves an incentive's rules from the editor's fields (each key of the rule its own labelled field); a client
     * that sends the whole text as {@code rules}, as the page did before it had fields, is still served.
     */
    @PostMapping("/registry/incentives/{code}")
    @PreAuthorize(Access.EDITORS)
    String save(@PathVariable String code, @RequestParam(required = false) String rules,
                @RequestParam MultiValueMap<String, String> form, Authentication auth, Model model, Locale locale,
                RedirectAttributes flash, HttpServletResponse response) {
        LocalDate today = day(null, model, locale, response);
        Map<String, String> values = rules == null ? values(form) : IncentiveRule.values(rules);
        try {
            if (rules != null) {
                incentives.update(code, rules, Access.of(auth), auth.getName());
            } else {
                incentives.updateValues(code, values, Access.of(auth), auth.getName());
            }
        } catch (IncentiveRuleException e) {
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
            List<String> errors = e.problems().stream().map(p -> problems.message(p, locale)).toList();
            Map<String, List<String>> byField = new LinkedHashMap<>();
            for (Problem p : e.problems()) {
                String field = p.columnName() != null && IncentiveRule.KEYS.contains(p.columnName())
                        ? p.columnName() : "";
                String fieldCode = p.code().replace("monitoring.rule.", "monitoring.ruleField.");
                String text = field.isEmpty() ? problems.message(p, locale) : problems.message(
                        new Problem(null, null, 0, 0, field, fieldCode, p.args()), locale);
                byField.computeIfAbsent(field, k -> new ArrayList<>()).add(text);
            }
            // A whole text sent as such is answered line by line, as before; the fields get their own errors.
            model.addAttribute("fieldErrors", rules == null ? byField : Map.of());
            model.addAttribute("failedValues", values);
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

    /** The editor's fields as rule values: the sectors and regions ticked (none ticked: any), the rest as typed. */
    private static Map<String, String> values(MultiValueMap<String, String> form) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String key : IncentiveRule.KEYS) {
            List<String> given = form.getOrDefault(key, List.of()).stream().filter(v -> v != null && !v.isBlank())
                    .toList();
            if (key.equals("sectors") || key.equals("regions")) {
                values.put(key, given.isEmpty() ? "*" : String.join(", ", given));
            } else {
                values.put(key, given.isEmpty() ? "" : given.get(0));
            }
        }
        return values;
    }

    private String render(Authentication auth, Model model, Locale locale, LocalDate day, String failedCode,
                          String failedText, List<String> errors) {
        Access access = Access.of(auth);
        List<IncentiveCost> costs = incentives.costs(access, day);
        model.addAttribute("costs", costs);
        Map<String, Map<String, String>> fields = new LinkedHashMap<>();
        for (IncentiveCost c : costs) {
            fields.put(c.code(), IncentiveRule.values(c.rules()));
        }
        model.addAttribute("fields", fields);
        model.addAttribute("keys", IncentiveRule.KEYS);
        model.addAttribute("texts", IncentiveRule.TEXTS);
        model.addAttribute("bands", IncentiveRule.BANDS);
        model.addAttribute("sectors", Sector.values());
        model.addAttribute("regions", reference.currentRegions().stream()
                .sorted(Comparator.comparing(Region::kato)).toList());
        model.addAttribute("kinds", IncentiveRule.Kind.values());
        model.addAttribute("basisOptions", IncentiveRule.Basis.values());
        if (!model.containsAttribute("fieldErrors")) {
            model.addAttribute("fieldErrors", Map.of());
        }
        model.addAttribute("editor", access.mayEdit());
        model.addAttribute("today", day);
        model.addAttribute("locale", locale);
        model.addAttribute("failedCode", failedCode);
        model.addAttribute("failedText", failedText);
        model.addAttribute("errors", errors);
        return "registry-incentives";
    }
}
