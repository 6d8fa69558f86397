package kz.agyn.registry.imports.web;

import java.util.Locale;
import java.util.UUID;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.imports.RegistryFiles;
import kz.agyn.registry.imports.RegistryImportJobs;
import kz.agyn.registry.imports.RegistryImportStatus;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The officer's bulk import: up to three files (scholars, awards, jobs) checked row by row, and written in one
 * transaction only when the officer asks and nothing is wrong. The work runs in the background; the page shows
 * its progress, polled with htmx, and a button to cancel it. Nothing is kept between the check and the import:
 * the files hold personal data in clear, so the officer sends them again to import.
 */
@Controller
@PreAuthorize(Access.EDITORS)
class RegistryImportPageController {

    /** How many of the latest imports the page lists. */
    private static final int RECENT = 10;

    private final RegistryImportJobs jobs;
    private final MessageSource messages;
    private final RegistryUpload upload;

    RegistryImportPageController(RegistryImportJobs jobs, MessageSource messages, RegistryUpload upload) {
        this.jobs = jobs;
        this.messages = messages;
        this.upload = upload;
    }

    /** The largest file the form takes, each, in MB, for the hint beside it. */
    @ModelAttribute("uploadLimitMb")
    double uploadLimitMb() {
        return UploadTooLargeException.megabytes(upload.maxSize());
    }

    @GetMapping("/registry/import")
    String page(Model model) {
        model.addAttribute("recent", jobs.recent(RECENT));
        return "registry-import";
    }

    @PostMapping("/registry/import")
    String run(@RequestParam(required = false) MultipartFile scholars,
               @RequestParam(required = false) MultipartFile awards,
               @RequestParam(required = false) MultipartFile employments,
               @RequestParam(defaultValue = "check") String action, Authentication auth, Model model,
               HttpServletResponse response, Locale locale) {
        if (!RegistryUpload.any(scholars, awards, employments)) {
            model.addAttribute("error", messages.getMessage("registry.import.noFiles", null, locale));
            model.addAttribute("recent", jobs.recent(RECENT));
            return "registry-import";
        }
        RegistryFiles files;
        try {
            files = upload.stage(scholars, awards, employments);
        } catch (UploadTooLargeException e) {
            response.setStatus(UploadTooLargeException.STATUS);
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            return "registry-import";
        }
        UUID id = jobs.start(files, "import".equals(action), Access.of(auth), auth.getName());
        return "redirect:/registry/import/" + id;
    }

    @GetMapping("/registry/import/{id}")
    String job(@PathVariable UUID id, Model model) {
        model.addAttribute("job", status(id));
        model.addAttribute("recent", jobs.recent(RECENT));
        return "registry-import";
    }

    /** The bar while the import runs; the report once it has ended (htmx stops polling then). */
    @GetMapping("/registry/import/{id}/status")
    String poll(@PathVariable UUID id, Model model) {
        model.addAttribute("job", status(id));
        return "registry-import :: job";
    }

    /** From htmx, the fragment in place; from a plain form (no script), back to the page. */
    @PostMapping("/registry/import/{id}/cancel")
    String cancel(@PathVariable UUID id, @RequestHeader(name = "HX-Request", required = false) String htmx,
                  Model model) {
        model.addAttribute("job", jobs.cancel(id)
                .orElseThrow(() -> RegistryException.notFound("registry.import.notFound")));
        return htmx == null ? "redirect:/registry/import/" + id : "registry-import :: job";
    }

    private RegistryImportStatus status(UUID id) {
        return jobs.status(id).orElseThrow(() -> RegistryException.notFound("registry.import.notFound"));
    }
}
