package kz.agyn.note.writer;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Locale;
import java.util.concurrent.ConcurrentHashMap;
import java.nio.charset.StandardCharsets;
import java.time.OffsetDateTime;
import kz.agyn.note.writer.internal.NoteWriterRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.transaction.annotation.Transactional;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.Dimension;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The note templates, stored and versioned (V240): the ones Agyn ships ({@code classpath:note-templates/*.json})
 * are stored at first use under the version their file gives; an analyst's edit is saved as the next version,
 * never over an earlier one, so a note issued from any version can be written again from it. The version stored
 * is the template's version whatever its JSON says. A template that cannot be read is refused with what is wrong
 * and where (block and field), never half-read; one that reads but cannot be written (an unknown placeholder, a
 * query finding nothing for its default region and period) is refused on saving too.
 */
@Component
public class NoteTemplates {

    private final JsonMapper json = JsonMapper.builder().build();
    private final NoteWriterRepository repository;
    private final NoteWriter writer;
    private final Map<String, NoteTemplate> parsed = new ConcurrentHashMap<>();
    private volatile boolean seeded;

    public NoteTemplates(NoteWriterRepository repository, NoteWriter writer) {
        this.repository = repository;
        this.writer = writer;
    }

    /** A stored version: who saved it and when; {@code shipped} when it came with Agyn. */
    public record Version(String code, int version, boolean shipped, String createdBy, OffsetDateTime createdAt) {
    }

    /** The latest version of each template, the shipped seed note first. */
    public List<NoteTemplate> all() {
        seed();
        return repository.latest().stream().map(this::parse).toList();
    }

    /** The latest version of a template. */
    public Optional<NoteTemplate> find(String code) {
        return find(code, null);
    }

    /** A version of a template (the latest when {@code version} is null). */
    public Optional<NoteTemplate> find(String code, Integer version) {
        seed();
        return repository.template(code, version).map(this::parse);
    }

    /** A version's JSON as it was saved, for the editor. */
    public Optional<String> body(String code, Integer version) {
        seed();
        return repository.template(code, version).map(NoteWriterRepository.TemplateRow::body);
    }

    public List<Version> versions(String code) {
        seed();
        return repository.versions(code).stream().map(r -> new Version(r.code(), r.version(), r.shipped(),
                r.createdBy(), r.createdAt())).toList();
    }

    /**
     * Saves an edit as the template's next version, after reading it and writing it in the three languages with
     * its default parameters: what would fail at issuing fails here, with the same located message.
     */
    @Transactional
    public NoteTemplate save(String code, String body, String by) {
        seed();
        NoteTemplate read = read(body.getBytes(StandardCharsets.UTF_8));
        if (!read.code().equals(code)) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.code", read.code(), code);
        }
        check(body);
        int version = repository.nextVersion(code);
        repository.insertTemplate(code, version, body, false, by);
        return find(code, version).orElseThrow();
    }

    /** A template read and written in kk, ru and en, or the first thing wrong with it. */
    public NoteTemplate check(String body) {
        NoteTemplate t = read(body.getBytes(StandardCharsets.UTF_8));
        for (String language : List.of("kk", "ru", "en")) {
            writer.write(t, Locale.forLanguageTag(language));
        }
        return t;
    }

    private NoteTemplate parse(NoteWriterRepository.TemplateRow row) {
        return parsed.computeIfAbsent(row.code() + "@" + row.version(), k -> {
            NoteTemplate t = read(row.body().getBytes(StandardCharsets.UTF_8));
            return new NoteTemplate(row.code(), row.version(), t.name(), t.parameters(), t.header(), t.blocks());
        });
    }

    /** The shipped templates stored under their file's version, once per process; a version stored is kept. */
    private void seed() {
        if (seeded) {
            return;
        }
        synchronized (this) {
            if (seeded) {
                return;
            }
            try {
                for (Resource r : new PathMatchingResourcePatternResolver()
                        .getResources("classpath:note-templates/*.json")) {
                    try (InputStream in = r.getInputStream()) {
                        byte[] bytes = in.readAllBytes();
                        NoteTemplate t = read(bytes);
                        if (!repository.hasTemplate(t.code(), t.version())) {
                            try {
                                repository.insertTemplate(t.code(), t.version(),
                                        new String(bytes, StandardCharsets.UTF_8), true, "agyn");
                            } catch (DuplicateKeyException e) {
                                // Another process stored it first: the same file.
                            }
                        }
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("The shipped note templates cannot be read", e);
            }
            seeded = true;
        }
    }

    /** A template from its JSON; an error names the block and the field that are wrong. */
    public NoteTemplate read(byte[] bytes) {
        JsonNode root;
        try {
            root = json.readTree(bytes);
        } catch (JacksonException e) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.json",
                    e.getLocation() == null ? 0 : e.getLocation().getLineNr());
        }
        String code = text(root, "code", "header");
        int version = root.path("version").asInt(1);
        JsonNode h = root.path("header");
        // No date, or "issued": the note is dated the day it is issued (a regional note written again next year).
        LocalDate date = null;
        String dateText = h.path("date").asString("issued");
        if (!dateText.equals("issued")) {
            try {
                date = LocalDate.parse(dateText);
            } catch (DateTimeParseException e) {
                throw new UserException(UserException.Kind.INVALID, "note.write.template.field", "header", "date");
            }
        }
        Map<String, String> parameters = new LinkedHashMap<>();
        JsonNode ps = root.path("parameters");
        for (String name : ps.propertyNames()) {
            if (!NoteParameters.NAMES.contains(name) || !ps.path(name).isString()) {
                throw new UserException(UserException.Kind.INVALID, "note.write.template.parameter", name,
                        String.join(", ", NoteParameters.NAMES));
            }
            parameters.put(name, ps.path(name).asString());
        }
        NoteTemplate.Header header = new NoteTemplate.Header(names(h, "addressee", "header"),
                names(h, "author", "header"), date, names(h, "kind", "header"), names(h, "title", "header"),
                names(h, "keywords", "header"));
        List<NoteTemplate.Block> blocks = new ArrayList<>();
        int n = 0;
        for (JsonNode b : root.path("blocks")) {
            n++;
            String where = String.valueOf(n);
            String type = text(b, "type", where);
            blocks.add(switch (type) {
                case "heading" -> new NoteTemplate.Heading(names(b, "text", where));
                case "paragraph" -> new NoteTemplate.Paragraph(names(b, "text", where));
                case "list" -> new NoteTemplate.Items(namesList(b.path("items"), where, "items"));
                case "table" -> table(b, where);
                case "pivot" -> pivot(b, where);
                case "chart" -> chart(b, where);
                case "scenario" -> scenario(b, where);
                case "kpi" -> kpi(b, where);
                case "contradictions" -> new NoteTemplate.Contradictions();
                case "references" -> new NoteTemplate.References();
                default -> throw new UserException(UserException.Kind.INVALID, "note.write.template.type", where,
                        type);
            });
        }
        return new NoteTemplate(code, version, names(root, "name", "header"), parameters, header, blocks);
    }

    private static NoteTemplate.Chart chart(JsonNode b, String where) {
        String kind = b.path("chart").asString("line");
        NoteTemplate.ChartKind k;
        try {
            k = NoteTemplate.ChartKind.valueOf(kind.toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, "chart");
        }
        if (k == NoteTemplate.ChartKind.MAP) {
            // A map's rows are the regions, in one period ("period", or "from".."to" of which the last is drawn).
            NoteTemplate.Pivot p = pivot(b, where, Dimension.REGION);
            Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
            filters.putAll(p.filters());
            filters.remove(Dimension.REGION);
            return new NoteTemplate.Chart(new NoteTemplate.Pivot(p.id(), p.caption(), p.indicator(), Dimension.REGION,
                    filters, p.from(), p.to(), p.dataset()), k, 0);
        }
        if (k == NoteTemplate.ChartKind.FAN) {
            JsonNode h = b.path("horizon");
            int horizon = h.isMissingNode() ? 5 : h.asInt(-1);
            if (horizon < 1 || horizon > 10) {
                throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, "horizon");
            }
            return new NoteTemplate.Chart(pivot(b, where, Dimension.REGION), k, horizon);
        }
        return new NoteTemplate.Chart(pivot(b, where), k);
    }

    private static NoteTemplate.Scenarios scenario(JsonNode b, String where) {
        List<String> measures = new ArrayList<>();
        b.path("measures").forEach(m -> measures.add(m.asString()));
        if (measures.isEmpty() || measures.stream().anyMatch(m -> m == null || m.isBlank())) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, "measures");
        }
        String year = b.path("year").isMissingNode() || b.path("year").isNull() ? null : b.path("year").asString();
        return new NoteTemplate.Scenarios(b.path("id").asString(""), names(b, "caption", where),
                text(b, "scenarios", where), measures, year);
    }

    private static NoteTemplate.Kpi kpi(JsonNode b, String where) {
        NoteTemplate.KpiForm form;
        try {
            form = NoteTemplate.KpiForm.valueOf(b.path("form").asString("table").toUpperCase(java.util.Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, "form");
        }
        JsonNode m = b.path("measure");
        if (!(m.isString() && !m.asString().isBlank()) && !m.isIntegralNumber()) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, "measure");
        }
        Names caption = form == NoteTemplate.KpiForm.TABLE ? names(b, "caption", where) : new Names("", "", "");
        return new NoteTemplate.Kpi(b.path("id").asString(""), caption, m.isIntegralNumber()
                ? String.valueOf(m.asLong()) : m.asString(), form);
    }

    private static NoteTemplate.Pivot pivot(JsonNode b, String where) {
        return pivot(b, where, null);
    }

    /** A pivot; {@code rows} given: its rows whatever the block says, and "period" may stand for from = to. */
    private static NoteTemplate.Pivot pivot(JsonNode b, String where, Dimension fixedRows) {
        Dimension rows = fixedRows;
        if (rows == null) {
            try {
                rows = Dimension.of(text(b, "rows", where));
            } catch (IllegalArgumentException e) {
                throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, "rows");
            }
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        JsonNode f = b.path("filters");
        for (String name : f.propertyNames()) {
            Dimension d;
            try {
                d = Dimension.of(name);
            } catch (IllegalArgumentException e) {
                throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where,
                        "filters." + name);
            }
            filters.put(d, f.path(name).asString());
        }
        String dataset = b.path("dataset").isString() ? b.path("dataset").asString() : null;
        boolean onePeriod = fixedRows != null && b.path("period").isString() && !b.has("from");
        String from = onePeriod ? text(b, "period", where) : text(b, "from", where);
        String to = onePeriod ? from : text(b, "to", where);
        return new NoteTemplate.Pivot(b.path("id").asString(""), names(b, "caption", where),
                text(b, "indicator", where), rows, filters, from, to, dataset);
    }

    private NoteTemplate.Table table(JsonNode b, String where) {
        List<Names> columns = namesList(b.path("columns"), where, "columns");
        List<List<Names>> rows = new ArrayList<>();
        for (JsonNode row : b.path("rows")) {
            List<Names> cells = namesList(row, where, "rows");
            if (cells.size() != columns.size()) {
                throw new UserException(UserException.Kind.INVALID, "note.write.template.cells", where,
                        rows.size() + 1, cells.size(), columns.size());
            }
            rows.add(cells);
        }
        NoteTemplate.Total total = null;
        if (b.has("total")) {
            List<String> figures = new ArrayList<>();
            b.path("total").path("of").forEach(f -> figures.add(f.asString()));
            total = new NoteTemplate.Total(b.path("total").path("column").asInt(), figures);
        }
        return new NoteTemplate.Table(b.path("id").asString(""), names(b, "caption", where), columns, rows, total);
    }

    private static List<Names> namesList(JsonNode array, String where, String field) {
        if (!array.isArray() || array.isEmpty()) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, field);
        }
        List<Names> out = new ArrayList<>();
        for (JsonNode cell : array) {
            out.add(cell.isString() ? new Names(cell.asString(), cell.asString(), cell.asString())
                    : namesOf(cell, where, field));
        }
        return out;
    }

    private static Names names(JsonNode node, String field, String where) {
        return namesOf(node.path(field), where, field);
    }

    /** A text in the three languages; a missing language is an error, not an English fallback on a kk page. */
    private static Names namesOf(JsonNode n, String where, String field) {
        if (!n.isObject() || !n.path("kk").isString() || !n.path("ru").isString() || !n.path("en").isString()) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, field);
        }
        return new Names(n.path("kk").asString(), n.path("ru").asString(), n.path("en").asString());
    }

    private static String text(JsonNode node, String field, String where) {
        JsonNode v = node.path(field);
        if (!v.isString() || v.asString().isBlank()) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", where, field);
        }
        return v.asString();
    }
}
