package kz.agyn.warehouse;

import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.agyn.warehouse.internal.TemplateRepository;
import org.springframework.stereotype.Service;
import tools.jackson.databind.json.JsonMapper;

/**
 * Mappings saved under a name. A publication keeps its layout from one edition to the next, so the mapping that
 * made one edition load (sheet, header rows, columns, constants, recoded values) loads the next as it is.
 */
@Service
public class ImportTemplates {

    /** Names a user can type on the command line without quoting trouble, and read back in a list. */
    private static final Pattern NAME = Pattern.compile("[\\p{L}\\p{N} ._()\\-]{1,100}");

    private final TemplateRepository repository;
    private final ImportService imports;
    private final JsonMapper json;

    public ImportTemplates(TemplateRepository repository, ImportService imports, JsonMapper json) {
        this.repository = repository;
        this.imports = imports;
        this.json = json;
    }

    public List<ImportTemplate> all() {
        return repository.all().stream().map(this::template).toList();
    }

    public Optional<ImportTemplate> find(String name) {
        return name == null ? Optional.empty() : repository.find(name.trim()).map(this::template);
    }

    /** The template, or an {@link ImportException} saying there is none (404 in the API). */
    public ImportTemplate get(String name) {
        return find(name).orElseThrow(() -> new ImportException("warehouse.template.notFound", name));
    }

    /** Saves (or replaces) a template; the mapping is checked by reading it back as a mapping. */
    public ImportTemplate save(String name, String description, String dataset, ImportMapping mapping, String user) {
        String n = name == null ? "" : name.trim();
        if (!NAME.matcher(n).matches()) {
            throw new ImportException("warehouse.template.badName");
        }
        repository.save(n, blank(description), blank(dataset), json.writeValueAsString(
                mapping == null ? ImportMapping.empty() : mapping), user);
        return get(n);
    }

    /** Saves the mapping an import was last checked with, so that what worked for this file works for the next. */
    public ImportTemplate saveFromImport(java.util.UUID importId, String name, String description, String user,
                                         java.util.Locale locale) {
        ImportReport report = imports.report(importId, locale);
        return save(name, description, report.dataset(), report.mapping(), user);
    }

    public void delete(String name) {
        if (!repository.delete(name == null ? "" : name.trim())) {
            throw new ImportException("warehouse.template.notFound", name);
        }
    }

    private ImportTemplate template(TemplateRepository.Stored s) {
        return new ImportTemplate(s.name(), s.description(), s.dataset(), imports.parseMapping(s.mappingJson()),
                s.updatedBy(), s.updatedAt());
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
