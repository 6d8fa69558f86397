package kz.agyn.note.writer.web;

import io.swagger.v3.oas.annotations.Operation;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import kz.agyn.kernel.UserException;
import kz.agyn.note.writer.DocxNote;
import kz.agyn.note.writer.HtmlNote;
import kz.agyn.note.writer.NoteDocument;
import kz.agyn.note.writer.NoteTemplate;
import kz.agyn.note.writer.NoteTemplates;
import kz.agyn.note.writer.NoteWriter;
import kz.agyn.note.writer.PdfNote;
import kz.agyn.note.writer.TextNote;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * The note as Agyn writes it: a page with the template and the note's language chosen (the page's own language
 * by default, though a Russian-speaking analyst may well write a Kazakh note) and the preview; the same note as
 * DOCX, PDF and HTML from the page and the API. Every signed-in user: a note is built from published figures.
 */
@Controller
class NoteWriterController {

    static final Set<String> LANGUAGES = Set.of("kk", "ru", "en");

    private final NoteTemplates templates;
    private final NoteWriter writer;
    private final org.springframework.context.MessageSource messages;

    NoteWriterController(NoteTemplates templates, NoteWriter writer,
                         org.springframework.context.MessageSource messages) {
        this.templates = templates;
        this.writer = writer;
        this.messages = messages;
    }

    @GetMapping("/note/write")
    String page(@RequestParam(required = false) String template, @RequestParam(required = false) String language,
                Model model, Locale locale, Authentication user) {
        List<NoteTemplate> all = templates.all();
        // The note of 06.11.2024 remade is what the page opens on; the others are a choice away.
        NoteTemplate t = template != null ? template(template) : templates.find("seed-note").orElse(all.get(0));
        Locale noteLanguage = language(language == null ? locale.getLanguage() : language);
        model.addAttribute("templates", all);
        model.addAttribute("template", t);
        model.addAttribute("language", noteLanguage.getLanguage());
        model.addAttribute("locale", locale);
        NoteDocument d;
        try {
            d = writer.write(t, noteLanguage);
        } catch (UserException e) {
            // A template that cannot be written now (its scenarios not yet run, a query finding nothing): said on
            // the page, where another template can be chosen, not an error page.
            model.addAttribute("writeError", messages.getMessage(e.code(), e.args(), e.code(), locale));
            return "note-write";
        }
        model.addAttribute("preview", HtmlNote.body(d));
        // The consistency check (ADMIN, ANALYST) reads the note as text: the page hands it over in one click.
        model.addAttribute("mayCheck", user != null && user.getAuthorities().stream().anyMatch(a ->
                a.getAuthority().equals("ROLE_ADMIN") || a.getAuthority().equals("ROLE_ANALYST")));
        model.addAttribute("checkText", TextNote.render(d));
        model.addAttribute("fileName", fileName(d, ""));
        model.addAttribute("locale", locale);
        return "note-write";
    }

    @GetMapping({"/note/write/{template}.docx", "/api/v1/notes/{template}.docx"})
    @Operation(summary = "The note written from a template, as a Word document",
            description = "`language` kk (default), ru or en. Real Word styles (Title, Heading 1, Caption); "
                    + "numbered tables with their source lines; the reference list of the sources cited.")
    ResponseEntity<byte[]> docx(@PathVariable String template, @RequestParam(defaultValue = "kk") String language) {
        NoteTemplate t = template(template);
        Locale l = language(language);
        NoteDocument d = writer.write(t, l);
        return download(DocxNote.render(d), fileName(d, ".docx"),
                "application/vnd.openxmlformats-officedocument.wordprocessingml.document");
    }

    @GetMapping({"/note/write/{template}.pdf", "/api/v1/notes/{template}.pdf"})
    @Operation(summary = "The note written from a template, as PDF (DejaVu Sans embedded)",
            description = "`language` kk (default), ru or en.")
    ResponseEntity<byte[]> pdf(@PathVariable String template, @RequestParam(defaultValue = "kk") String language) {
        NoteTemplate t = template(template);
        Locale l = language(language);
        NoteDocument d = writer.write(t, l);
        return download(PdfNote.render(d), fileName(d, ".pdf"), "application/pdf");
    }

    @GetMapping({"/note/write/{template}.html", "/api/v1/notes/{template}.html"})
    @Operation(summary = "The note written from a template, as an HTML document", description = "`language` kk "
            + "(default), ru or en.")
    ResponseEntity<byte[]> html(@PathVariable String template, @RequestParam(defaultValue = "kk") String language) {
        NoteTemplate t = template(template);
        Locale l = language(language);
        NoteDocument d = writer.write(t, l);
        return download(HtmlNote.document(d).getBytes(StandardCharsets.UTF_8), fileName(d, ".html"),
                "text/html;charset=UTF-8");
    }

    private NoteTemplate template(String code) {
        return templates.find(code).orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND,
                "note.write.unknownTemplate", code));
    }

    private static Locale language(String code) {
        if (!LANGUAGES.contains(code)) {
            throw new UserException(UserException.Kind.INVALID, "note.write.unknownLanguage", code);
        }
        return Locale.forLanguageTag(code);
    }

    /** "agyn-seed-note-2024-11-06-kk.pdf": what it is, of when, in which language. */
    static String fileName(NoteDocument d, String extension) {
        return "agyn-" + d.templateCode() + "-" + d.date() + "-" + d.language().getLanguage() + extension;
    }

    private static ResponseEntity<byte[]> download(byte[] body, String fileName, String type) {
        return ResponseEntity.ok().contentType(MediaType.parseMediaType(type))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(fileName)
                        .build().toString())
                .body(body);
    }
}
