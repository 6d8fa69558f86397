package kz.agyn.warehouse.web;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import kz.agyn.kernel.UserException;
import kz.agyn.warehouse.Withdrawals;
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
 * Taking back what was accepted into the warehouse, for ADMIN only (decision 0033): withdraw an accepted import or
 * a version, retire or reinstate a dataset. Each act has a confirmation page that says what will happen and asks
 * for the reason the history keeps; each is audited.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class WithdrawalController {

    private final Withdrawals withdrawals;
    private final MessageSource messages;

    WithdrawalController(Withdrawals withdrawals, MessageSource messages) {
        this.withdrawals = withdrawals;
        this.messages = messages;
    }

    @GetMapping("/warehouse/imports/{id}/withdraw")
    String confirmImport(@PathVariable UUID id, Model model, Locale locale) {
        return confirm(withdrawals.planImport(id), "/warehouse/imports/" + id + "/withdraw", "/warehouse/imports/" + id,
                model, locale);
    }

    @PostMapping("/warehouse/imports/{id}/withdraw")
    String withdrawImport(@PathVariable UUID id, @RequestParam(required = false) String reason, Authentication auth,
                          Model model, RedirectAttributes redirect, Locale locale) {
        try {
            return done(withdrawals.withdrawImport(id, reason, auth.getName()), redirect, locale);
        } catch (UserException e) {
            model.addAttribute("error", text(e, locale));
            return confirmImport(id, model, locale);
        }
    }

    @GetMapping("/warehouse/datasets/{code}/versions/{version}/withdraw")
    String confirmVersion(@PathVariable String code, @PathVariable int version, Model model, Locale locale) {
        return confirm(withdrawals.planVersion(code, version), "/warehouse/datasets/" + code + "/versions/" + version
                + "/withdraw", "/warehouse/datasets/" + code, model, locale);
    }

    @PostMapping("/warehouse/datasets/{code}/versions/{version}/withdraw")
    String withdrawVersion(@PathVariable String code, @PathVariable int version,
                           @RequestParam(required = false) String reason, Authentication auth, Model model,
                           RedirectAttributes redirect, Locale locale) {
        try {
            return done(withdrawals.withdrawVersion(code, version, reason, auth.getName()), redirect, locale);
        } catch (UserException e) {
            model.addAttribute("error", text(e, locale));
            return confirmVersion(code, version, model, locale);
        }
    }

    @GetMapping("/warehouse/datasets/{code}/retire")
    String confirmRetire(@PathVariable String code, Model model, Locale locale) {
        model.addAttribute("confirmTitle", msg("undo.retire.title", locale, code));
        model.addAttribute("effects", List.of(msg("undo.retire.effect", locale), msg("undo.retire.reversible", locale)));
        model.addAttribute("action", "/warehouse/datasets/" + code + "/retire");
        model.addAttribute("back", "/warehouse/datasets/" + code);
        model.addAttribute("askReason", true);
        model.addAttribute("confirmButton", msg("undo.retire.button", locale));
        return "confirm";
    }

    @PostMapping("/warehouse/datasets/{code}/retire")
    String retire(@PathVariable String code, @RequestParam(required = false) String reason, Authentication auth,
                  Model model, RedirectAttributes redirect, Locale locale) {
        try {
            withdrawals.retire(code, reason, auth.getName());
        } catch (UserException e) {
            model.addAttribute("error", text(e, locale));
            return confirmRetire(code, model, locale);
        }
        redirect.addFlashAttribute("message", msg("undo.retire.done", locale, code));
        return "redirect:/warehouse/datasets/" + code;
    }

    @PostMapping("/warehouse/datasets/{code}/reinstate")
    String reinstate(@PathVariable String code, RedirectAttributes redirect, Locale locale) {
        try {
            withdrawals.reinstate(code);
            redirect.addFlashAttribute("message", msg("undo.reinstate.done", locale, code));
        } catch (UserException e) {
            redirect.addFlashAttribute("error", text(e, locale));
        }
        return "redirect:/warehouse/datasets/" + code;
    }

    private String confirm(Withdrawals.Plan plan, String action, String back, Model model, Locale locale) {
        List<String> effects = new ArrayList<>();
        effects.add(msg("undo.withdraw.effect", locale, plan.version(), plan.dataset(), plan.fileName(),
                plan.rows()));
        effects.add(!plan.current() ? msg("undo.withdraw.notCurrent", locale)
                : plan.restoredFrom() == null ? msg("undo.withdraw.currentEmpty", locale)
                : msg("undo.withdraw.current", locale, plan.restoredFrom(), plan.restoredRows()));
        effects.add(msg("undo.withdraw.kept", locale));
        model.addAttribute("confirmTitle", msg("undo.withdraw.title", locale, plan.dataset(), plan.version()));
        model.addAttribute("effects", effects);
        model.addAttribute("action", action);
        model.addAttribute("back", back);
        model.addAttribute("askReason", true);
        model.addAttribute("confirmButton", msg("undo.withdraw.button", locale));
        return "confirm";
    }

    private String done(Withdrawals.Outcome o, RedirectAttributes redirect, Locale locale) {
        redirect.addFlashAttribute("message", o.newVersion() == null
                ? msg("undo.withdraw.done", locale, o.withdrawnVersion())
                : msg("undo.withdraw.doneCurrent", locale, o.withdrawnVersion(), o.newVersion()));
        return "redirect:/warehouse/datasets/" + o.dataset();
    }

    private String text(UserException e, Locale locale) {
        return messages.getMessage(e.code(), e.args(), e.code(), locale);
    }

    private String msg(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }
}
