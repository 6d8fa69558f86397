package kz.agyn.warehouse.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.warehouse.ImportMapping;
import kz.agyn.warehouse.ImportTemplate;
import kz.agyn.warehouse.ImportTemplates;
import org.springframework.http.HttpStatus;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/import-templates")
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
@Tag(name = "Import templates", description = "Mappings saved under a name: the next edition of a publication "
        + "loads with `template=NAME` (docs/formats/import-mapping.md)")
class ImportTemplateApiController {

    private final ImportTemplates templates;
    private final kz.agyn.warehouse.ImportService imports;
    private final JsonMapper json;

    ImportTemplateApiController(ImportTemplates templates, kz.agyn.warehouse.ImportService imports, JsonMapper json) {
        this.templates = templates;
        this.imports = imports;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Saved mapping templates")
    List<ImportTemplate> all() {
        return templates.all();
    }

    @GetMapping("/{name}")
    @Operation(summary = "One template")
    ImportTemplate one(@PathVariable String name) {
        return templates.get(name);
    }

    @PutMapping("/{name}")
    @Operation(summary = "Save a template (created or replaced)", description = "Body: {\"description\": …, "
            + "\"dataset\": …, \"mapping\": {…}}; the mapping is read as an import's mapping is, and refused with a "
            + "precise message when it cannot be.")
    ImportTemplate save(@PathVariable String name, @RequestBody String body, Authentication auth) {
        JsonNode node = body == null || body.isBlank() ? json.createObjectNode() : parse(body);
        JsonNode mapping = node.get("mapping");
        ImportMapping m = imports.parseMapping(mapping == null || mapping.isNull() ? null : mapping.toString());
        return templates.save(name, text(node, "description"), text(node, "dataset"), m, auth.getName());
    }

    /** Saves the mapping an import was last checked with. Body: {"name": …, "description": …}. */
    @PostMapping("/from-import/{id}")
    @ResponseStatus(HttpStatus.CREATED)
    @Operation(summary = "Save the mapping of an import as a template")
    ImportTemplate fromImport(@PathVariable UUID id, @RequestBody String body, Authentication auth, Locale locale) {
        JsonNode node = parse(body);
        return templates.saveFromImport(id, text(node, "name"), text(node, "description"), auth.getName(), locale);
    }

    @DeleteMapping("/{name}")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Delete a template")
    void delete(@PathVariable String name) {
        templates.delete(name);
    }

    private JsonNode parse(String body) {
        try {
            return json.readTree(body);
        } catch (tools.jackson.core.JacksonException e) {
            // A body that is not JSON gets the same precise answer (line and column) as a bad mapping.
            imports.parseMapping(body);
            throw e;
        }
    }

    private static String text(JsonNode node, String field) {
        JsonNode v = node.get(field);
        return v == null || v.isNull() ? null : v.asString();
    }
}
