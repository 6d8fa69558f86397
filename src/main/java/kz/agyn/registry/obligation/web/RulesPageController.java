package kz.agyn.registry.obligation.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

import kz.agyn.kernel.UserException;
import kz.agyn.registry.Access;
import kz.agyn.registry.obligation.ObligationRules;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.RuleText;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The rules editor: every programme's rule sets as stored, and a form for officers to add a version (awards made
 * earlier keep theirs). Analysts read the rules; viewers are refused.
 */
@Controller
class RulesPageController {

    private final ObligationService obligations;
    private final MessageSource messages;

    RulesPageController(ObligationService obligations, MessageSource messages) {
        this.obligations = obligations;
        this.messages = messages;
    }

    @GetMapping("/registry/rules")
    @PreAuthorize(Access.READERS)
    String rules(Authentication auth, Model model) {
        var sets = obligations.ruleSets();
        model.addAttribute("ruleSets", sets);
        if (!model.containsAttribute("text") && !sets.isEmpty()) {
            // A new version starts from the latest one, with its version number to be raised by the editor.
            model.addAttribute("text", RuleText.write(RuleText.read(sets.get(sets.size() - 1).rules())));
        }
        model.addAttribute("mayEdit", Access.of(auth).mayEdit());
        List<String> keys = new ArrayList<>(ObligationRules.KEYS);
        keys.add(ObligationRules.SPECIALTY_PREFIX + "NN");
        model.addAttribute("keys", keys);
        return "registry-rules";
    }

    @PostMapping("/registry/rules")
    @PreAuthorize(Access.EDITORS)
    String addRules(@RequestParam String text, @RequestParam(required = false) String note, Authentication auth,
                    Model model, Locale locale, RedirectAttributes redirect) {
        try {
            obligations.addRules(text, note == null || note.isBlank() ? null : note.strip(), auth.getName());
        } catch (UserException e) {
            model.addAttribute("rulesError", message(e, locale));
            model.addAttribute("text", text);
            model.addAttribute("note", note);
            return rules(auth, model);
        }
        redirect.addFlashAttribute("saved", true);
        return "redirect:/registry/rules";
    }

    private String message(UserException e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }
}
