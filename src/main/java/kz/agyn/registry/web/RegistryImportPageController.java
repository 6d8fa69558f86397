package kz.agyn.registry.web;

import java.io.IOException;
import java.util.Locale;

import kz.agyn.registry.RegistryImport;
import kz.agyn.registry.RegistryImportReport;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;

/**
 * The officer's bulk import: up to three files (scholars, awards, jobs) checked row by row, and written in one
 * transaction only when the officer asks and nothing is wrong. Nothing is kept between the check and the
 * import: the files hold personal data in clear, so the officer sends them again to import.
 */
@Controller
class RegistryImportPageController {

    private final RegistryImport imports;
    private final MessageSource messages;

    RegistryImportPageController(RegistryImport imports, MessageSource messages) {
        this.imports = imports;
        this.messages = messages;
    }

    @GetMapping("/registry/import")
    @PreAuthorize(WorklistPageController.EDITORS)
    String page() {
        return "registry-import";
    }

    @PostMapping("/registry/import")
    @PreAuthorize(WorklistPageController.EDITORS)
    String run(@RequestParam(required = false) MultipartFile scholars,
               @RequestParam(required = false) MultipartFile awards,
               @RequestParam(required = false) MultipartFile employments,
               @RequestParam(defaultValue = "check") String action, Authentication auth, Model model, Locale locale)
            throws IOException {
        if (!RegistryUpload.any(scholars, awards, employments)) {
            model.addAttribute("error", messages.getMessage("registry.import.noFiles", null, locale));
            return "registry-import";
        }
        RegistryImportReport report = RegistryUpload.run(imports, scholars, awards, employments,
                "import".equals(action), ScholarApiController.access(auth), auth.getName(), locale);
        model.addAttribute("report", report);
        return "registry-import";
    }
}
