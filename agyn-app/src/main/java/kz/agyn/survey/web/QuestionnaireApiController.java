package kz.agyn.survey.web;

import java.io.IOException;
import java.io.InputStream;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletRequest;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.survey.Questionnaire;
import kz.agyn.survey.QuestionnaireDefinition;
import kz.agyn.survey.QuestionnaireService;
import kz.agyn.survey.QuestionnaireUpload;
import org.springframework.context.MessageSource;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;

@RestController
@RequestMapping("/api/v1/questionnaires")
@Tag(name = "Questionnaires", description = "Versioned questionnaire definitions (docs/formats/questionnaire.md)")
class QuestionnaireApiController {

    private final QuestionnaireService questionnaires;
    private final MessageSource messages;

    QuestionnaireApiController(QuestionnaireService questionnaires, MessageSource messages) {
        this.questionnaires = questionnaires;
        this.messages = messages;
    }

    /** What an upload did, with the sentence saying so in the reader's language. */
    record UploadAnswer(String code, int version, boolean created, int questions, String message) {
    }

    @GetMapping
    @Operation(summary = "Questionnaires and their versions",
            description = "For each version: `title` in kk, ru and en, the number of `questions`, and the codes of "
                    + "the `surveys` fielded with it.")
    List<Questionnaire> list() {
        return questionnaires.questionnaires();
    }

    @GetMapping("/{code}/versions/{version}")
    @Operation(summary = "A questionnaire version's full definition",
            description = "Questions in order, each with `code`, `type` (SINGLE, MULTIPLE, RANKING, LIKERT, NUMBER, "
                    + "TEXT), `required`, `maxLength` (TEXT only), `profileField`, `textKk`, `textRu`, `textEn` "
                    + "and its `options` in order (`code`, `textKk`, `textRu`, `textEn`). This is also the format "
                    + "POST takes.")
    QuestionnaireDefinition definition(@PathVariable String code, @PathVariable int version) {
        return questionnaires.definition(code, version);
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Upload a questionnaire definition: a new questionnaire, or the next version of one",
            description = "The body is a definition as GET .../versions/{version} answers it (`version` is "
                    + "ignored). A new `code` becomes version 1; an existing one its next version, since versions "
                    + "are never changed (answers refer to the wording respondents saw). 201 with Location when a "
                    + "version was created; 200 with `created: false` when the definition equals the latest "
                    + "version, which then stays the latest. 400 problem+json listing every problem in `errors` "
                    + "(`path` such as questions[3].options[1].textRu, `code`, `message`) when the definition is "
                    + "not valid; nothing is written then. 413 problem+json (`code` upload.tooLarge.unnamed, `limit` "
                    + "in bytes) for a body over 1 MB, refused before it is parsed. ADMIN and ANALYST only; audited.")
    @io.swagger.v3.oas.annotations.parameters.RequestBody(content = @io.swagger.v3.oas.annotations.media.Content(
            mediaType = MediaType.APPLICATION_JSON_VALUE,
            schema = @io.swagger.v3.oas.annotations.media.Schema(implementation = QuestionnaireDefinition.class)))
    ResponseEntity<UploadAnswer> upload(HttpServletRequest request, Authentication auth, Locale locale)
            throws IOException {
        // The body is streamed into a temporary file under the limit, not read whole by a message converter.
        if (request.getContentLengthLong() > QuestionnaireService.MAX_BYTES) {
            throw new UploadTooLargeException(null, QuestionnaireService.MAX_BYTES);
        }
        QuestionnaireUpload u;
        try (InputStream body = request.getInputStream()) {
            u = questionnaires.upload(body, null, auth.getName());
        }
        UploadAnswer answer = new UploadAnswer(u.code(), u.version(), u.created(), u.questions(),
                message(u, messages, locale));
        if (!u.created()) {
            return ResponseEntity.ok(answer);
        }
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri()
                .path("/{code}/versions/{version}").buildAndExpand(u.code(), u.version()).toUri()).body(answer);
    }

    static String message(QuestionnaireUpload u, MessageSource messages, Locale locale) {
        return messages.getMessage(u.created() ? "survey.definition.created" : "survey.definition.unchanged",
                new Object[] {u.code(), u.version(), u.questions()}, locale);
    }
}
