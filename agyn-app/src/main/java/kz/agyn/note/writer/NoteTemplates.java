package kz.agyn.note.writer;

import java.io.IOException;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import kz.agyn.kernel.UserException;
import kz.agyn.reference.Names;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.stereotype.Component;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The note templates Agyn ships ({@code classpath:note-templates/*.json}), read once. A template that cannot be
 * read is refused with what is wrong and where (block and field), never half-read.
 */
@Component
public class NoteTemplates {

    private final JsonMapper json = JsonMapper.builder().build();
    private volatile Map<String, NoteTemplate> shipped;

    public List<NoteTemplate> all() {
        return List.copyOf(shipped().values());
    }

    public Optional<NoteTemplate> find(String code) {
        return Optional.ofNullable(shipped().get(code));
    }

    private Map<String, NoteTemplate> shipped() {
        Map<String, NoteTemplate> s = shipped;
        if (s == null) {
            s = new LinkedHashMap<>();
            try {
                for (Resource r : new PathMatchingResourcePatternResolver()
                        .getResources("classpath:note-templates/*.json")) {
                    try (InputStream in = r.getInputStream()) {
                        NoteTemplate t = read(in.readAllBytes());
                        s.put(t.code(), t);
                    }
                }
            } catch (IOException e) {
                throw new IllegalStateException("The shipped note templates cannot be read", e);
            }
            shipped = s;
        }
        return s;
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
        LocalDate date;
        try {
            date = LocalDate.parse(text(h, "date", "header"));
        } catch (DateTimeParseException e) {
            throw new UserException(UserException.Kind.INVALID, "note.write.template.field", "header", "date");
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
                case "contradictions" -> new NoteTemplate.Contradictions();
                case "references" -> new NoteTemplate.References();
                default -> throw new UserException(UserException.Kind.INVALID, "note.write.template.type", where,
                        type);
            });
        }
        return new NoteTemplate(code, version, names(root, "name", "header"), header, blocks);
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
