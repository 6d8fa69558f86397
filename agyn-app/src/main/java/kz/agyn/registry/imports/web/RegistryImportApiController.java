package kz.agyn.registry.imports.web;

import java.net.URI;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.RegistryException;
import kz.agyn.registry.imports.RegistryImportJobs;
import kz.agyn.registry.imports.RegistryImportReport;
import kz.agyn.registry.imports.RegistryImportStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

@RestController
@RequestMapping("/api/v1/registry")
@PreAuthorize(Access.EDITORS)
@Tag(name = "Scholar registry", description = "State scholars, awards, jobs and the work-off obligation.")
class RegistryImportApiController {

    private final RegistryImportJobs jobs;
    private final RegistryUpload upload;

    RegistryImportApiController(RegistryImportJobs jobs, RegistryUpload upload) {
        this.jobs = jobs;
        this.upload = upload;
    }

    @PostMapping(path = "/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Import scholars, awards and jobs in bulk", description = "Parts scholars, awards, "
            + "employments (CSV or XLSX as in docs/formats/registry.md; any may be left out). Every row is checked "
            + "first; with accept=true a clean set is written, and every obligation re-evaluated, in one "
            + "transaction, otherwise nothing is written. Rows already present (same scholar_ref, award_ref, or "
            + "scholar and seq) are skipped, so a repeated import changes nothing. status: VALID, INVALID, "
            + "IMPORTED, or CANCELLED or FAILED (nothing written). With async=true the answer is 202 and the "
            + "import's status, to follow with GET /api/v1/registry/imports/{id}. A file larger than "
            + "agyn.registry.import.max-size (100 MB by default) is refused with 413 problem+json (`code` "
            + "upload.tooLarge, `limit` in bytes) and nothing is checked.")
    RegistryImportReport run(@RequestPart(required = false) MultipartFile scholars,
                             @RequestPart(required = false) MultipartFile awards,
                             @RequestPart(required = false) MultipartFile employments,
                             @RequestParam(defaultValue = "false") boolean accept,
                             Authentication auth, Locale locale) {
        return jobs.run(upload.stage(scholars, awards, employments), accept,
                Access.of(auth), auth.getName(), locale);
    }

    @PostMapping(path = "/imports", params = "async=true", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Start a bulk import in the background", description = "As the plain POST, but answers "
            + "202 at once with the import's status and its address in Location.")
    ResponseEntity<RegistryImportStatus> start(@RequestPart(required = false) MultipartFile scholars,
                                               @RequestPart(required = false) MultipartFile awards,
                                               @RequestPart(required = false) MultipartFile employments,
                                               @RequestParam(defaultValue = "false") boolean accept,
                                               Authentication auth) {
        UUID id = jobs.start(upload.stage(scholars, awards, employments), accept,
                Access.of(auth), auth.getName());
        return ResponseEntity.accepted().location(URI.create("/api/v1/registry/imports/" + id)).body(status(id));
    }

    @GetMapping("/imports/{id}")
    @Operation(summary = "A bulk import's progress and, once it has ended, its report", description = "phase: "
            + "QUEUED, READING (done and total in bytes), CHECKING, WRITING (rows), OBLIGATIONS, DONE; percent is "
            + "-1 while a phase's size is unknown. status is RUNNING until the report is there.")
    RegistryImportStatus status(@PathVariable UUID id) {
        return jobs.status(id).orElseThrow(() -> RegistryException.notFound("registry.import.notFound"));
    }

    @PostMapping("/imports/{id}/cancel")
    @Operation(summary = "Stop a bulk import", description = "An import stopped before it commits writes nothing "
            + "and ends CANCELLED; one already committing or finished is not affected. Answers the status.")
    RegistryImportStatus cancel(@PathVariable UUID id) {
        return jobs.cancel(id).orElseThrow(() -> RegistryException.notFound("registry.import.notFound"));
    }
}
