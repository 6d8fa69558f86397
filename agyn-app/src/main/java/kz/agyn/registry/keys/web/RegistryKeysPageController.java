package kz.agyn.registry.keys.web;

import java.util.Locale;

import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.keys.RegistryRekeyJobs;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;

/**
 * The registry's keys for administrators: which key is current, how many scholars' rows are still under a
 * retired key, and the re-key job that moves them, started, followed and cancelled here as over the API.
 */
@Controller
@PreAuthorize("hasRole('ADMIN')")
class RegistryKeysPageController {

    private final RegistryRekeyJobs jobs;
    private final MessageSource messages;

    RegistryKeysPageController(RegistryRekeyJobs jobs, MessageSource messages) {
        this.jobs = jobs;
        this.messages = messages;
    }

    @GetMapping("/admin/registry-keys")
    String page(Model model) {
        model.addAttribute("state", jobs.state());
        return "admin-registry-keys";
    }

    /** The job's card alone, which the page polls while a job runs. */
    @GetMapping("/admin/registry-keys/status")
    String status(Model model) {
        model.addAttribute("state", jobs.state());
        return "admin-registry-keys :: state";
    }

    @PostMapping("/admin/registry-keys/rekey")
    String start(Authentication auth, RedirectAttributes redirect, Locale locale) {
        try {
            jobs.start(Access.of(auth), auth.getName());
        } catch (RegistryException e) {
            // Another job runs: say so on the page, which shows that job's progress.
            redirect.addFlashAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
        }
        return "redirect:/admin/registry-keys";
    }

    @PostMapping("/admin/registry-keys/cancel")
    String cancel() {
        jobs.cancel();
        return "redirect:/admin/registry-keys";
    }
}
