package kz.agyn.survey.web;

import java.io.IOException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.agyn.kernel.UserException;
import kz.agyn.survey.Estimates;
import kz.agyn.survey.FormService;
import kz.agyn.survey.ProfileField;
import kz.agyn.survey.Question;
import kz.agyn.survey.ResponseImportService;
import kz.agyn.survey.ResponseMapping;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyService;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

/** The survey pages: the list, a survey's results (ranking table, chart, breakdown) and its import page. */
@Controller
class SurveyPageController {

    private final SurveyService surveys;
    private final ResponseImportService imports;
    private final FormService forms;
    private final MessageSource messages;
    private final JsonMapper json;

    SurveyPageController(SurveyService surveys, ResponseImportService imports, FormService forms,
                         MessageSource messages, JsonMapper json) {
        this.surveys = surveys;
        this.imports = imports;
        this.forms = forms;
        this.messages = messages;
        this.json = json;
    }

    @GetMapping("/surveys")
    String list(Model model, Locale locale) {
        model.addAttribute("surveys", surveys.surveys());
        model.addAttribute("locale", locale);
        return "surveys";
    }

    @GetMapping("/surveys/{id}")
    String results(@PathVariable int id, @RequestParam(defaultValue = "reasons_main") String question,
                   @RequestParam(required = false) String by,
                   @RequestHeader(name = "HX-Request", required = false) String htmx, Model model, Locale locale) {
        Survey survey = surveys.survey(id);
        List<Question> questions = surveys.questions(id).stream()
                .filter(q -> q.type() != kz.agyn.survey.QuestionType.TEXT).toList();
        String code = questions.stream().anyMatch(q -> q.code().equals(question)) ? question
                : questions.isEmpty() ? question : questions.get(0).code();
        String dimension = by == null || by.isBlank() ? null : ProfileField.parse(by).map(ProfileField::code)
                .orElse(null);
        model.addAttribute("survey", survey);
        model.addAttribute("questions", questions);
        model.addAttribute("question", code);
        model.addAttribute("by", dimension);
        model.addAttribute("dimensions", ProfileField.values());
        model.addAttribute("locale", locale);
        try {
            Estimates e = surveys.estimates(id, code, dimension, locale);
            model.addAttribute("estimates", e);
            model.addAttribute("option", json.writeValueAsString(chart(e, locale)));
            if (e.weighting().raked()) {
                List<String> names = e.weighting().variables().stream()
                        .map(v -> messages.getMessage("survey.dimension." + v, null, v, locale)).toList();
                model.addAttribute("weighting", messages.getMessage("survey.results.weighting", new Object[] {
                        String.join(", ", names), e.weighting().iterations(), e.weighting().kishDesignEffect(),
                        e.weighting().marginSource()}, locale));
            }
        } catch (UserException ex) {
            model.addAttribute("error", messages.getMessage(ex.code(), ex.args(), ex.code(), locale));
            model.addAttribute("respondents", survey.respondents());
        }
        return htmx != null ? "survey :: results" : "survey";
    }

    /** Bars of the shares with their 95% intervals drawn as error bars (see agyn.js). */
    private Map<String, Object> chart(Estimates e, Locale locale) {
        List<String> names = new ArrayList<>();
        List<Object> shares = new ArrayList<>();
        List<Object> bars = new ArrayList<>();
        for (int i = 0; i < e.options().size(); i++) {
            Estimates.OptionEstimate o = e.options().get(i);
            names.add(o.text());
            shares.add(round(o.share()));
            bars.add(List.of(i, round(o.ciLow()), round(o.ciHigh())));
        }
        Map<String, Object> option = new LinkedHashMap<>();
        option.put("tooltip", Map.of("trigger", "axis"));
        option.put("grid", Map.of("left", 50, "right", 20, "top", 30, "bottom", 90));
        option.put("xAxis", Map.of("type", "category", "data", names, "axisLabel", Map.of("interval", 0,
                "rotate", names.size() > 5 ? 30 : 0, "width", 110, "overflow", "break")));
        option.put("yAxis", Map.of("type", "value", "name", messages.getMessage("survey.results.chartShare", null,
                locale)));
        option.put("series", List.of(
                Map.of("type", "bar", "data", shares, "name", messages.getMessage("survey.results.share", null,
                        locale), "label", Map.of("show", true, "position", "insideBottom")),
                Map.of("type", "custom", "data", bars, "agynErrorBars", true, "z", 10, "name",
                        messages.getMessage("survey.results.interval", null, locale))));
        return option;
    }

    private static double round(double share) {
        return Math.round(share * 1000) / 10.0;
    }

    @PostMapping("/surveys/{id}/links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String issueLink(@PathVariable int id, Authentication auth, RedirectAttributes redirect) {
        String token = forms.issue(id, auth.getName());
        // Shown once, to the analyst who issued it; it is not stored in a readable form.
        redirect.addFlashAttribute("link", ServletUriComponentsBuilder.fromCurrentContextPath()
                .path("/s/{token}").buildAndExpand(token).toUriString());
        return "redirect:/surveys/" + id;
    }

    @GetMapping("/surveys/{id}/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String importPage(@PathVariable int id, Model model, Locale locale) {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("locale", locale);
        return "survey-import";
    }

    @PostMapping("/surveys/{id}/import")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String upload(@PathVariable int id, @RequestParam("file") MultipartFile file,
                  @RequestParam(required = false) String mapping, Authentication auth, Model model, Locale locale)
            throws IOException {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("locale", locale);
        try {
            ResponseMapping m = mapping == null || mapping.isBlank() ? ResponseMapping.empty()
                    : json.readValue(mapping, ResponseMapping.class);
            model.addAttribute("report", imports.upload(id, file.getOriginalFilename(), file.getBytes(), m,
                    auth.getName(), locale));
        } catch (JacksonException e) {
            model.addAttribute("error", messages.getMessage("survey.import.badMapping", null, locale));
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "survey-import";
    }

    @PostMapping("/surveys/{id}/import/{importId}/accept")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String accept(@PathVariable int id, @PathVariable UUID importId, Authentication auth, Model model,
                  Locale locale) {
        model.addAttribute("survey", surveys.survey(id));
        model.addAttribute("locale", locale);
        try {
            model.addAttribute("report", imports.accept(id, importId, auth.getName(), locale));
        } catch (UserException e) {
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            model.addAttribute("report", imports.report(id, importId, locale));
        }
        return "survey-import";
    }
}
