package kz.agyn.survey.web;

import java.util.List;
import java.util.Locale;

import kz.agyn.kernel.UserException;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyClosing;
import kz.agyn.survey.SurveyService;
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
 * Closing, reopening and deleting a survey, for ADMIN only (issue 16): a confirmation page that says what will
 * happen and asks for the reason, then the act (audited). A survey with responses cannot be deleted; the page says
 * why and offers to close it instead.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class SurveyClosingController {

    private final SurveyClosing closing;
    private final SurveyService surveys;
    private final MessageSource messages;

    SurveyClosingController(SurveyClosing closing, SurveyService surveys, MessageSource messages) {
        this.closing = closing;
        this.surveys = surveys;
        this.messages = messages;
    }

    @GetMapping("/surveys/{id}/close")
    String confirmClose(@PathVariable int id, Model model, Locale locale) {
        Survey s = surveys.survey(id);
        return confirm(s, "close", List.of(msg("survey.close.effect", locale),
                msg("survey.close.reversible", locale)), model, locale);
    }

    @PostMapping("/surveys/{id}/close")
    String close(@PathVariable int id, @RequestParam(required = false) String reason, Authentication auth,
                 Model model, RedirectAttributes redirect, Locale locale) {
        try {
            closing.close(id, reason, auth.getName());
        } catch (UserException e) {
            model.addAttribute("error", text(e, locale));
            return confirmClose(id, model, locale);
        }
        redirect.addFlashAttribute("undoMessage", msg("survey.close.done", locale));
        return "redirect:/surveys/" + id;
    }

    @PostMapping("/surveys/{id}/reopen")
    String reopen(@PathVariable int id, RedirectAttributes redirect, Locale locale) {
        try {
            closing.reopen(id);
            redirect.addFlashAttribute("undoMessage", msg("survey.reopen.done", locale));
        } catch (UserException e) {
            redirect.addFlashAttribute("undoError", text(e, locale));
        }
        return "redirect:/surveys/" + id;
    }

    @GetMapping("/surveys/{id}/delete")
    String confirmDelete(@PathVariable int id, Model model, RedirectAttributes redirect, Locale locale) {
        Survey s = surveys.survey(id);
        if (s.respondents() > 0) {
            redirect.addFlashAttribute("undoError", msg("survey.delete.hasResponses", locale, s.code(), s.respondents()));
            return "redirect:/surveys/" + id;
        }
        return confirm(s, "delete", List.of(msg("survey.delete.effect", locale, s.code())), model, locale);
    }

    @PostMapping("/surveys/{id}/delete")
    String delete(@PathVariable int id, @RequestParam(required = false) String reason, Model model,
                  RedirectAttributes redirect, Locale locale) {
        Survey s = surveys.survey(id);
        try {
            closing.delete(id, reason);
        } catch (UserException e) {
            if (s.respondents() > 0) {
                redirect.addFlashAttribute("undoError", text(e, locale));
                return "redirect:/surveys/" + id;
            }
            model.addAttribute("error", text(e, locale));
            return confirm(s, "delete", List.of(msg("survey.delete.effect", locale, s.code())), model, locale);
        }
        redirect.addFlashAttribute("undoMessage", msg("survey.delete.done", locale, s.code()));
        return "redirect:/surveys";
    }

    private String confirm(Survey s, String act, List<String> effects, Model model, Locale locale) {
        model.addAttribute("confirmTitle", msg("survey." + act + ".title", locale, s.title().in(locale)));
        model.addAttribute("effects", effects);
        model.addAttribute("action", "/surveys/" + s.id() + "/" + act);
        model.addAttribute("back", "/surveys/" + s.id());
        model.addAttribute("askReason", true);
        model.addAttribute("confirmButton", msg("survey." + act + ".button", locale));
        return "confirm";
    }

    private String text(UserException e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
