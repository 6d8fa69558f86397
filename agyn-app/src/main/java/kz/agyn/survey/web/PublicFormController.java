package kz.agyn.survey.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.survey.FormService;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.util.MultiValueMap;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The public form behind a one-time link, open without signing in (see the security configuration). Errors
 * are shown on the form page in the respondent's language, never as a bare error page.
 */
@Controller
class PublicFormController {

    private final FormService forms;
    private final MessageSource messages;
    private final ProblemMessages problems;

    PublicFormController(FormService forms, MessageSource messages, ProblemMessages problems) {
        this.forms = forms;
        this.messages = messages;
        this.problems = problems;
    }

    @GetMapping("/s/{token}")
    String form(@PathVariable String token, Model model, Locale locale, HttpServletResponse response) {
        model.addAttribute("locale", locale);
        model.addAttribute("token", token);
        model.addAttribute("answers", Map.of());
        model.addAttribute("fieldErrors", Map.of());
        try {
            model.addAttribute("form", forms.open(token));
        } catch (UserException e) {
            return closed(e, model, locale, response);
        }
        return "survey-form";
    }

    @PostMapping("/s/{token}")
    String submit(@PathVariable String token, @RequestParam MultiValueMap<String, String> params, Model model,
                  Locale locale, HttpServletResponse response) {
        model.addAttribute("locale", locale);
        model.addAttribute("token", token);
        try {
            List<Problem> errors = forms.submit(token, params, locale);
            if (errors.isEmpty()) {
                model.addAttribute("done", true);
                return "survey-form";
            }
            response.setStatus(400);
            model.addAttribute("errors", errors.stream().map(e -> problems.message(e, locale)).toList());
            // Each message also stands next to its question (field q_CODE); the first one per question is enough.
            Map<String, String> byField = new LinkedHashMap<>();
            errors.forEach(e -> byField.putIfAbsent(e.columnName(), problems.message(e, locale)));
            model.addAttribute("fieldErrors", byField);
            model.addAttribute("form", forms.open(token));
            model.addAttribute("answers", params);
            return "survey-form";
        } catch (UserException e) {
            return closed(e, model, locale, response);
        }
    }

    /** A link that takes no answers: unknown 404, used 409, expired or revoked 410 Gone — each with its sentence. */
    private String closed(UserException e, Model model, Locale locale, HttpServletResponse response) {
        response.setStatus(switch (e.kind()) {
            case NOT_FOUND -> HttpServletResponse.SC_NOT_FOUND;
            case GONE -> HttpServletResponse.SC_GONE;
            default -> HttpServletResponse.SC_CONFLICT;
        });
        model.addAttribute("closed", messages.getMessage(e.code(), e.args(), e.code(), locale));
        return "survey-form";
    }
}
