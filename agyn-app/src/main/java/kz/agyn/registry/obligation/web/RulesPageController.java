package kz.agyn.registry.obligation.web;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.agyn.kernel.UserException;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.obligation.ObligationRules;
import kz.agyn.registry.obligation.ObligationService;
import kz.agyn.registry.obligation.Rebinding;
import kz.agyn.registry.obligation.RebindingPreview;
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
 * earlier keep theirs). Analysts read the rules; viewers are refused. Administrators also see how many awards are
 * bound to each version and may re-bind the awards of a version to the version in force on their award date, after a
 * preview (decision 0027).
 */
@Controller
class RulesPageController {

    /** Lines of a re-binding preview drawn on the page; the API gives them all. */
    static final int PREVIEW_LINES = 200;

    private final ObligationService obligations;
    private final MessageSource messages;
    private final Rebinding rebinding;

    RulesPageController(ObligationService obligations, MessageSource messages, Rebinding rebinding) {
        this.obligations = obligations;
        this.messages = messages;
        this.rebinding = rebinding;
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
        // Awards bound to each version, keyed "PROGRAMME/version": counts only, for every reader of the rules.
        Map<String, Long> bound = new HashMap<>();
        rebinding.boundCounts().forEach((p, byVersion) -> byVersion.forEach((v, n) -> bound.put(p + "/" + v, n)));
        model.addAttribute("bound", bound);
        model.addAttribute("mayRebind", isAdmin(auth));
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

    @GetMapping("/registry/rules/rebinding")
    @PreAuthorize("hasRole('ADMIN')")
    String preview(@RequestParam String version, Authentication auth, Model model, Locale locale) {
        // "PROGRAMME/version", as the form's options are written.
        String[] parts = version.split("/", 2);
        try {
            if (parts.length != 2) {
                throw RegistryException.invalid("registry.rebind.badVersion", version);
            }
            int v;
            try {
                v = Integer.parseInt(parts[1].strip());
            } catch (NumberFormatException e) {
                throw RegistryException.invalid("registry.rebind.badVersion", version);
            }
            RebindingPreview preview = rebinding.preview(parts[0].strip(), v);
            model.addAttribute("preview", preview);
            model.addAttribute("previewLines", preview.lines().subList(0, Math.min(PREVIEW_LINES,
                    preview.lines().size())));
        } catch (UserException e) {
            model.addAttribute("rebindError", message(e, locale));
        }
        return rules(auth, model);
    }

    @PostMapping("/registry/rules/rebinding")
    @PreAuthorize("hasRole('ADMIN')")
    String rebind(@RequestParam String programme, @RequestParam int fromVersion, Authentication auth, Model model,
                  Locale locale, RedirectAttributes redirect) {
        try {
            UUID job = rebinding.start(programme, fromVersion, auth.getName());
            redirect.addFlashAttribute("rebindJob", job.toString());
        } catch (UserException e) {
            model.addAttribute("rebindError", message(e, locale));
            return rules(auth, model);
        }
        // Back to the section, where the message says the job started.
        return "redirect:/registry/rules#rebinding";
    }

    private static boolean isAdmin(Authentication auth) {
        return auth.getAuthorities().stream().anyMatch(a -> a.getAuthority().equals("ROLE_ADMIN"));
    }

    private String message(UserException e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }
}
