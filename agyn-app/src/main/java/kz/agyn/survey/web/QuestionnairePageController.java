package kz.agyn.survey.web;

import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.util.Locale;

import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.survey.InvalidFieldsException;
import kz.agyn.survey.QuestionnaireService;
import kz.agyn.survey.QuestionnaireUpload;
import kz.agyn.survey.QuestionnaireVersion;
import org.springframework.context.MessageSource;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.stereotype.Controller;
import org.springframework.ui.Model;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ModelAttribute;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.mvc.support.RedirectAttributes;
import org.springframework.web.util.UriComponentsBuilder;

/** The questionnaire pages: the list with the upload form, and one version's questions and options. */
@Controller
class QuestionnairePageController {

    private final QuestionnaireService questionnaires;
    private final MessageSource messages;
    private final Uploads uploads;
    private final FieldProblems fieldProblems;

    QuestionnairePageController(QuestionnaireService questionnaires, MessageSource messages, Uploads uploads,
                                FieldProblems fieldProblems) {
        this.questionnaires = questionnaires;
        this.fieldProblems = fieldProblems;
        this.uploads = uploads;
        this.messages = messages;
    }

    /** The largest definition the form takes, in MB, for the hint beside it. */
    @ModelAttribute("uploadLimitMb")
    double uploadLimitMb() {
        return UploadTooLargeException.megabytes(QuestionnaireService.MAX_BYTES);
    }

    @GetMapping("/surveys/questionnaires")
    String list(Model model, Locale locale) {
        model.addAttribute("questionnaires", questionnaires.questionnaires());
        model.addAttribute("locale", locale);
        return "questionnaires";
    }

    /**
     * An uploaded definition, as a file or pasted: stored, it redirects to the new (or equal) version's page;
     * refused, the list is shown again with 400, every problem with its path, and the pasted text kept.
     */
    @PostMapping("/surveys/questionnaires")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    String upload(@RequestParam(required = false) MultipartFile file,
                  @RequestParam(defaultValue = "") String definition, Authentication auth, Model model,
                  RedirectAttributes redirect, HttpServletResponse response, Locale locale) {
        try {
            QuestionnaireUpload u;
            if (file != null && !file.isEmpty()) {
                try (Upload received = uploads.receive(file, QuestionnaireService.MAX_BYTES)) {
                    u = questionnaires.upload(received, auth.getName());
                }
            } else {
                // A pasted text is a form field, already held by the container within its form limit (2 MB).
                u = questionnaires.upload(new ByteArrayInputStream(definition.getBytes(StandardCharsets.UTF_8)),
                        null, auth.getName());
            }
            redirect.addFlashAttribute("uploaded", QuestionnaireApiController.message(u, messages, locale));
            return "redirect:" + UriComponentsBuilder.fromPath("/surveys/questionnaires/{code}/versions/{version}")
                    .encode().buildAndExpand(u.code(), u.version()).toUriString();
        } catch (InvalidFieldsException e) {
            model.addAttribute("uploadError", messages.getMessage(e.code(), e.args(), e.code(), locale));
            // Each with its JSON path as its column.
            model.addAttribute("problems", fieldProblems.shown(e, locale));
            response.setStatus(HttpServletResponse.SC_BAD_REQUEST);
        } catch (UploadTooLargeException e) {
            model.addAttribute("uploadError", messages.getMessage(e.code(), e.args(), e.code(), locale));
            response.setStatus(UploadTooLargeException.STATUS);
            // Not shown again: a text over the limit would only be sent back over it.
            definition = "";
        } catch (UserException e) {
            model.addAttribute("uploadError", messages.getMessage(e.code(), e.args(), e.code(), locale));
            response.setStatus(HttpServletResponse.SC_CONFLICT);
        }
        model.addAttribute("definition", definition);
        return list(model, locale);
    }

    @GetMapping("/surveys/questionnaires/{code}/versions/{version}")
    String version(@PathVariable String code, @PathVariable int version, Model model, Locale locale) {
        QuestionnaireVersion v = questionnaires.version(code, version);
        model.addAttribute("version", v);
        model.addAttribute("questions", questionnaires.questions(code, version));
        model.addAttribute("versions", questionnaires.questionnaires().stream()
                .filter(q -> q.code().equals(code)).findFirst().orElseThrow().versions());
        model.addAttribute("locale", locale);
        return "questionnaire";
    }
}
