package kz.agyn.warehouse.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.warehouse.ImportException;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportProgress;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.ImportService;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/imports")
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
@Tag(name = "Imports", description = "Validate a file, then accept it: nothing is written before acceptance")
class ImportApiController {

    private final ImportService imports;
    private final JsonMapper json;
    private final Uploads uploads;
    private final kz.agyn.warehouse.Warehouse warehouse;
    private final org.springframework.context.MessageSource messages;

    private final kz.agyn.warehouse.ImportTemplates templates;

    ImportApiController(ImportService imports, JsonMapper json, Uploads uploads,
                        kz.agyn.warehouse.ImportTemplates templates, kz.agyn.warehouse.Warehouse warehouse,
                        org.springframework.context.MessageSource messages) {
        this.templates = templates;
        this.imports = imports;
        this.warehouse = warehouse;
        this.messages = messages;
        this.uploads = uploads;
        this.json = json;
    }

    @PostMapping(consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @Operation(summary = "Upload and validate a file", description = "Answers the validation report with the "
            + "import id; writes no observation. `format`: csv, xlsx, sdmx-csv or sdmx-ml (detected if absent). "
            + "`mapping`: optional JSON, e.g. {\"columns\":{\"REGION\":\"Регион\"},\"constants\":{\"INDICATOR\":"
            + "\"EMIGRANTS\"},\"wide\":true} (every option: docs/formats/import-mapping.md). `template`: the name "
            + "of a saved mapping template, used when no mapping is given; its dataset is taken when no dataset is "
            + "given. The report names the sheet read and lists the workbook's sheets. A file larger than agyn.imports.max-size (200 MB by default) is "
            + "refused with 413 problem+json (`code` upload.tooLarge, `limit` in bytes) before anything is read. "
            + "`structure`: optionally, the dataflow's SDMX-ML 2.1/3.0 structure message (an agency's /datastructure/… "
            + "or /dataflow/…?references=all answer): the report then names the codes (`codeNames`), an area code "
            + "list (ISO alpha-2/alpha-3, M49, or the agency's own codes) reads the country, and a unit code list "
            + "the units (docs/formats/sdmx.md).")
    ImportReport upload(@RequestPart("file") MultipartFile file,
                        @RequestPart(name = "structure", required = false) MultipartFile structure,
                        UploadParams params, Authentication auth, Locale locale) {
        Target t = target(params);
        try (Upload received = uploads.receive(file, imports.maxSize());
             Upload dsd = structure == null || structure.isEmpty() ? null
                     : uploads.receive(structure, imports.maxSize())) {
            return imports.upload(t.dataset(), received, dsd, params.format(), t.mapping(), auth.getName(), locale);
        }
    }

    @PostMapping(consumes = {"text/*", MediaType.APPLICATION_OCTET_STREAM_VALUE, MediaType.APPLICATION_XML_VALUE,
            "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"})
    @Operation(summary = "Upload and validate a file sent as the request's body", description = "As the form "
            + "upload, for scripts: the file is the whole body (`curl --data-binary @obs.csv -H 'Content-Type: "
            + "text/csv'`), its name in `name`; the other parameters are the form upload's, without a structure "
            + "message. The file is received in one pass with no multipart parsing: for a million rows about a third "
            + "of a second less. The same limit (413 beyond it) and the same report.")
    ImportReport uploadBody(jakarta.servlet.http.HttpServletRequest request,
                            @Parameter(description = "the file's name, as the report and the versions show it")
                            @RequestParam(required = false) String name, UploadParams params,
                            Authentication auth, Locale locale) {
        Target t = target(params);
        try (Upload received = uploads.receive(request, name, imports.maxSize())) {
            return imports.upload(t.dataset(), received, null, params.format(), t.mapping(), auth.getName(), locale);
        }
    }

    /** The dataset and mapping an upload asks for: a template's where none is given, the sheet on top. */
    private Target target(UploadParams params) {
        String dataset = params.dataset();
        String mapping = params.mapping();
        String template = params.template();
        String sheet = params.sheet();
        ImportMapping m = parse(mapping);
        if (template != null && !template.isBlank()) {
            kz.agyn.warehouse.ImportTemplate t = templates.get(template);
            if (mapping == null || mapping.isBlank()) {
                m = t.mapping();
            }
            if ((dataset == null || dataset.isBlank()) && t.dataset() != null) {
                dataset = t.dataset();
            }
        }
        if (sheet != null && !sheet.isBlank()) {
            m = m.withSheet(sheet.trim());
        }
        return new Target(dataset, m);
    }

    private record Target(String dataset, ImportMapping mapping) {
    }

    @GetMapping
    @Operation(summary = "Recent imports")
    List<ImportReport> recent(Locale locale) {
        return imports.recent(50, locale);
    }

    @GetMapping("/{id}")
    @Operation(summary = "An import's report")
    ImportReport report(@PathVariable UUID id, Locale locale) {
        return imports.report(id, locale);
    }

    @PostMapping("/{id}/mapping")
    @Operation(summary = "Validate again with a corrected mapping or dataset",
            description = "Body: {\"dataset\": …, \"mapping\": {…}} or {\"template\": \"NAME\"}.")
    ImportReport remap(@PathVariable UUID id, @RequestBody String body, Locale locale) {
        tools.jackson.databind.JsonNode node;
        try {
            node = json.readTree(body == null || body.isBlank() ? "{}" : body);
        } catch (tools.jackson.core.JacksonException e) {
            imports.parseMapping(body);
            throw e;
        }
        tools.jackson.databind.JsonNode mappingNode = node.get("mapping");
        tools.jackson.databind.JsonNode templateNode = node.get("template");
        tools.jackson.databind.JsonNode datasetNode = node.get("dataset");
        String dataset = datasetNode == null || datasetNode.isNull() ? null : datasetNode.asString();
        ImportMapping m;
        if (templateNode != null && !templateNode.isNull() && (mappingNode == null || mappingNode.isNull())) {
            kz.agyn.warehouse.ImportTemplate t = templates.get(templateNode.asString());
            m = t.mapping();
            if (dataset == null && t.dataset() != null) {
                dataset = t.dataset();
            }
        } else {
            m = imports.parseMapping(mappingNode == null || mappingNode.isNull() ? null : mappingNode.toString());
        }
        return imports.remap(id, dataset, m, locale);
    }

    @PostMapping("/{id}/accept")
    @Operation(summary = "Write a clean import as a new version of its dataset",
            description = "One transaction. Accepting a file already imported into the dataset writes nothing: "
                    + "`newVersion` is false then, `current` says whether that version is the current one, and "
                    + "`message` says so; make it current with POST /api/v1/datasets/{code}/versions/{n}/current.")
    AcceptOutcome accept(@PathVariable UUID id, Authentication auth, Locale locale) {
        return AcceptOutcome.of(imports.accept(id, auth.getName(), locale), warehouse, messages, locale);
    }

    @GetMapping("/{id}/progress")
    @Operation(summary = "Progress of a running validation or write")
    ImportProgress progress(@PathVariable UUID id) {
        return imports.progress(id).orElseThrow(() -> new ImportException("warehouse.import.notFound", id));
    }

    @PostMapping("/{id}/discard")
    @Operation(summary = "Throw away a checked import instead of accepting it",
            description = "A VALID import (or one interrupted while writing) becomes CANCELLED and the rows its check "
                    + "staged are dropped; answers its report. Any other state is a 409 problem saying which.")
    ImportReport discard(@PathVariable UUID id, Authentication auth, Locale locale) {
        return imports.discardChecked(id, auth.getName(), locale);
    }

    @PostMapping("/{id}/cancel")
    @Operation(summary = "Stop a running validation or write; a write is rolled back whole")
    ImportProgress cancel(@PathVariable UUID id) {
        imports.cancel(id);
        return progress(id);
    }

    private ImportMapping parse(String mapping) {
        return imports.parseMapping(mapping);
    }
}
