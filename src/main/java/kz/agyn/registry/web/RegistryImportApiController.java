package kz.agyn.registry.web;

import java.io.IOException;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.RegistryImport;
import kz.agyn.registry.RegistryImportReport;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/registry")
@Tag(name = "Scholar registry", description = "State scholars, awards, jobs and the work-off obligation.")
class RegistryImportApiController {

    private final RegistryImport imports;

    RegistryImportApiController(RegistryImport imports) {
        this.imports = imports;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize(WorklistPageController.EDITORS)
    @Operation(summary = "Import scholars, awards and jobs in bulk", description = "Parts scholars, awards, "
            + "employments (CSV or XLSX as in docs/formats/registry.md; any may be left out). Every row is checked "
            + "first; with accept=true a clean set is written in one transaction and every obligation re-evaluated, "
            + "otherwise nothing is written. Rows already present (same scholar_ref, award_ref, or scholar and seq) "
            + "are skipped, so a repeated import changes nothing. status: VALID, INVALID or IMPORTED.")
    RegistryImportReport run(@RequestPart(required = false) MultipartFile scholars,
                             @RequestPart(required = false) MultipartFile awards,
                             @RequestPart(required = false) MultipartFile employments,
                             @RequestParam(defaultValue = "false") boolean accept,
                             Authentication auth, Locale locale) throws IOException {
        return RegistryUpload.run(imports, scholars, awards, employments, accept, ScholarApiController.access(auth),
                auth.getName(), locale);
    }
}
