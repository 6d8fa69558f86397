package kz.agyn.note.writer.web;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import kz.agyn.kernel.UserException;
import kz.agyn.note.writer.NoteIssues;
import kz.agyn.note.writer.NoteTemplates;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import org.springframework.context.MessageSource;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Issuing notes and their history: a form (template and version, region or the country, year, language) that
 * starts the job; the issued notes with their parameters and data versions, their files as they went out, "write
 * again" comparing the bytes, and the consistency check of one note. ADMIN and ANALYST only.
 */
@Controller
class NoteIssuedController {

    private final NoteIssues issues;
    private final NoteTemplates templates;
    private final ReferenceData reference;
    private final MessageSource messages;
    private final kz.agyn.note.writer.ScenarioRuns scenarios;

    NoteIssuedController(NoteIssues issues, NoteTemplates templates, ReferenceData reference,
                         MessageSource messages, kz.agyn.note.writer.ScenarioRuns scenarios) {
        this.issues = issues;
        this.templates = templates;
        this.reference = reference;
        this.messages = messages;
        this.scenarios = scenarios;
    }

    /** A choice of the region list: the country first, then the current regions by name. */
    record RegionChoice(String code, String name) {
    }

    /**
     * A scenario the form offers: a shipped one by its code (as templates name them), a user's by its number; its
     * name in the reader's language.
     */
    record ScenarioChoice(String code, String name) {
    }

    @GetMapping("/note/issued")
    String page(@RequestParam(required = false) UUID note, @RequestParam(required = false) Boolean identical,
                Model model, Locale locale) {
        fill(model, locale);
        if (note != null) {
            issues.find(note).ifPresent(n -> {
                model.addAttribute("note", n);
                if (n.written()) {
                    model.addAttribute("checkText", issues.text(n.id()));
                }
            });
        }
        model.addAttribute("identical", identical);
        return "note-issued";
    }

    /** The history alone, for htmx to refresh while a note is being written. */
    @GetMapping("/note/issued/table")
    String table(Model model, Locale locale) {
        fill(model, locale);
        return "note-issued :: history";
    }

    @PostMapping("/note/issued")
    String issue(@RequestParam String template, @RequestParam(required = false) Integer version,
                 @RequestParam(required = false) String region, @RequestParam(required = false) String period,
                 @RequestParam(required = false) List<String> scenarios,
                 @RequestParam(defaultValue = "kk") String language, Model model, Locale locale,
                 Authentication user) {
        try {
            String chosen = scenarios == null ? null : String.join(",", scenarios.stream().map(String::trim)
                    .filter(c -> !c.isEmpty()).toList());
            UUID id = issues.issue(template, version, region, period, chosen, language, LocalDate.now(),
                    user.getName());
            return "redirect:/note/issued?note=" + id;
        } catch (UserException e) {
            fill(model, locale);
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            return "note-issued";
        }
    }

    @PostMapping("/note/issued/{id}/regenerate")
    String regenerate(@PathVariable UUID id) {
        return "redirect:/note/issued?note=" + id + "&identical=" + issues.regenerate(id).identical();
    }

    @GetMapping("/note/issued/{id}.{format}")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable String format) {
        return IssuedDownload.of(issues, id, format);
    }

    private void fill(Model model, Locale locale) {
        model.addAttribute("templates", templates.all());
        List<RegionChoice> regions = new ArrayList<>();
        regions.add(new RegionChoice("KZ", messages.getMessage("note.write.parameters.country", null, locale)));
        reference.currentRegions().stream().filter(r -> r.kind().equals("OBLAST") || r.kind().equals("CITY"))
                .sorted(java.util.Comparator.comparing((Region r) -> r.names().in(locale)))
                .forEach(r -> regions.add(new RegionChoice(r.kato(), r.names().in(locale))));
        model.addAttribute("regions", regions);
        model.addAttribute("scenarios", scenarios.scenarios().stream().map(s -> s.shipped() != null
                ? new ScenarioChoice(s.shipped(), messages.getMessage("scenario.shipped." + s.shipped() + ".name",
                null, s.shipped(), locale)) : new ScenarioChoice(String.valueOf(s.id()), s.name())).toList());
        // The history names templates and regions in the reader's language, not by their codes.
        java.util.Map<String, String> regionNames = new java.util.HashMap<>();
        regions.forEach(r -> regionNames.put(r.code(), r.name()));
        model.addAttribute("regionNames", regionNames);
        java.util.Map<String, String> templateNames = new java.util.HashMap<>();
        templates.all().forEach(t -> templateNames.put(t.code(), t.name().in(locale)));
        model.addAttribute("templateNames", templateNames);
        model.addAttribute("issued", issues.issued());
        model.addAttribute("locale", locale);
        // The year a template proposes (the last one its data hold when shipped), not one guessed from the clock.
        model.addAttribute("year", templates.all().stream().map(t -> t.parameters().get("period"))
                .filter(java.util.Objects::nonNull).findFirst().orElse(""));
    }
}
