package kz.agyn.reference.web;

import java.util.Locale;
import java.util.Set;

import kz.agyn.reference.ReferenceData;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;

/** The classifications as pages: one tab each, swapped in by htmx. */
@Controller
class ReferencePageController {

    private static final Set<String> TABS = Set.of("regions", "occupations", "education", "countries", "currencies");

    private final ReferenceData reference;

    ReferencePageController(ReferenceData reference) {
        this.reference = reference;
    }

    @GetMapping("/reference")
    String page(@RequestParam(defaultValue = "regions") String tab,
                @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        String selected = TABS.contains(tab) ? tab : "regions";
        model.addAttribute("tab", selected);
        model.addAttribute("locale", locale);
        model.addAttribute("sources", reference.sources());
        switch (selected) {
            case "occupations" -> model.addAttribute("rows", reference.occupations());
            case "education" -> model.addAttribute("rows", reference.educationLevels());
            case "countries" -> model.addAttribute("rows", reference.countries());
            case "currencies" -> model.addAttribute("rows", reference.currencies());
            default -> model.addAttribute("rows", reference.regionHistory());
        }
        return htmx != null ? "reference :: tab" : "reference";
    }
}
