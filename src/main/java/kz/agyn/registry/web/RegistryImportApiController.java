package kz.agyn.registry.web;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.stream.Stream;

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
        // The import reads files by path (XLSX needs random access); the copies hold personal data, so they live
        // in an owner-only temporary folder that is removed whatever happens.
        Path dir = Files.createTempDirectory("agyn-registry-import");
        try {
            List<RegistryImport.Input> inputs = new ArrayList<>();
            add(inputs, RegistryImport.Kind.SCHOLARS, scholars, dir, "scholars.csv");
            add(inputs, RegistryImport.Kind.AWARDS, awards, dir, "awards.csv");
            add(inputs, RegistryImport.Kind.EMPLOYMENTS, employments, dir, "employments.csv");
            return imports.run(inputs, accept, ScholarApiController.access(auth), auth.getName(), locale);
        } finally {
            try (Stream<Path> files = Files.list(dir)) {
                for (Path f : files.toList()) {
                    Files.deleteIfExists(f);
                }
            }
            Files.deleteIfExists(dir);
        }
    }

    private static void add(List<RegistryImport.Input> inputs, RegistryImport.Kind kind, MultipartFile part,
                            Path dir, String fallbackName) throws IOException {
        if (part == null || part.isEmpty()) {
            return;
        }
        String original = part.getOriginalFilename();
        // The user's name for the file shows in the report and tells XLSX from CSV; the copy is named by its kind.
        String name = original == null || original.isBlank() ? fallbackName : original.replaceAll(".*[/\\\\]", "");
        Path copy = dir.resolve(kind.name().toLowerCase(Locale.ROOT));
        part.transferTo(copy);
        inputs.add(new RegistryImport.Input(kind, name, copy));
    }
}
