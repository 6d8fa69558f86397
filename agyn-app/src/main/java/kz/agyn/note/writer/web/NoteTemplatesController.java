package kz.agyn.note.writer.web;

import java.util.Locale;
import kz.agyn.kernel.UserException;
import kz.agyn.note.writer.HtmlNote;
import kz.agyn.note.writer.NoteTemplate;
import kz.agyn.note.writer.NoteTemplates;
import kz.agyn.note.writer.NoteWriter;
import org.springframework.context.MessageSource;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;

/**
 * Editing note templates: the JSON of a version in a text area, a preview written through htmx as the analyst
 * types (or the located error: the block and the field, the placeholder, the JSON line), saving as the next
 * version, the versions listed. ADMIN and ANALYST only ({@link NoteWriterWebConfiguration}).
 */
@Controller
class NoteTemplatesController {

    private final NoteTemplates templates;
    private final NoteWriter writer;
    private final MessageSource messages;

    NoteTemplatesController(NoteTemplates templates, NoteWriter writer, MessageSource messages) {
        this.templates = templates;
        this.writer = writer;
        this.messages = messages;
    }

    @GetMapping("/note/templates")
    String list(Model model, Locale locale) {
        model.addAttribute("templates", templates.all());
        model.addAttribute("locale", locale);
        return "note-templates";
    }

    @GetMapping("/note/templates/{code}")
    String edit(@PathVariable String code, @RequestParam(required = false) Integer version,
                @RequestParam(required = false) Integer saved, Model model, Locale locale) {
        String body = templates.body(code, version).orElseThrow(() -> new UserException(
                UserException.Kind.NOT_FOUND, "note.write.unknownTemplate", code));
        fill(model, code, body, locale.getLanguage(), locale);
        model.addAttribute("saved", saved);
        return "note-template-edit";
    }

    @PostMapping("/note/templates/{code}")
    String save(@PathVariable String code, @RequestParam String body, @RequestParam(defaultValue = "kk") String
            language, Model model, Locale locale, Authentication user) {
        try {
            NoteTemplate t = templates.save(code, body, user.getName());
            return "redirect:/note/templates/" + code + "?saved=" + t.version();
        } catch (UserException e) {
            fill(model, code, body, language, locale);
            model.addAttribute("error", messages.getMessage(e.code(), e.args(), e.code(), locale));
            return "note-template-edit";
        }
    }

    /** The preview of what is typed, or where it is wrong; a fragment for htmx. */
    @PostMapping("/note/templates/preview")
    String preview(@RequestParam String body, @RequestParam(defaultValue = "kk") String language, Model model,
                   Locale locale) {
        preview(model, body, language, locale);
        return "note-template-edit :: preview";
    }

    private void fill(Model model, String code, String body, String language, Locale locale) {
        model.addAttribute("code", code);
        model.addAttribute("body", body);
        model.addAttribute("versions", templates.versions(code));
        model.addAttribute("locale", locale);
        preview(model, body, language, locale);
    }

    private void preview(Model model, String body, String language, Locale locale) {
        String l = java.util.List.of("kk", "ru", "en").contains(language) ? language : "kk";
        model.addAttribute("language", l);
        try {
            NoteTemplate t = templates.read(body.getBytes(java.nio.charset.StandardCharsets.UTF_8));
            model.addAttribute("preview", HtmlNote.body(writer.write(t, Locale.forLanguageTag(l))));
        } catch (UserException e) {
            model.addAttribute("previewError", messages.getMessage(e.code(), e.args(), e.code(), locale));
        } catch (RuntimeException e) {
            // A template may name a dataset or a version that is not there: said, not a stack trace.
            model.addAttribute("previewError", messages.getMessage("note.template.cannotWrite",
                    new Object[] {e.getClass().getSimpleName()}, locale));
        }
    }
}
