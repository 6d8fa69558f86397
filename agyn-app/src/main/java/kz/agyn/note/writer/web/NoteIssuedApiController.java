package kz.agyn.note.writer.web;

import io.swagger.v3.oas.annotations.Operation;
import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import kz.agyn.kernel.UserException;
import kz.agyn.note.writer.NoteIssues;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;

/**
 * Issuing notes from a script, as the /note/issued page does: the same job, history, files as they went out and
 * "write again". ADMIN and ANALYST only (NoteWriterWebConfiguration).
 */
@RestController
class NoteIssuedApiController {

    private final NoteIssues issues;

    NoteIssuedApiController(NoteIssues issues) {
        this.issues = issues;
    }

    /**
     * What to issue; {@code version} null for the template's current one, {@code region} a KATO code or KZ and
     * {@code period} a year where the template takes them (its defaults otherwise), {@code scenarios} the codes of
     * the scenarios a template comparing scenarios compares (its own choice otherwise), {@code language} kk, ru or
     * en.
     */
    record IssueRequest(String template, Integer version, String region, String period, List<String> scenarios,
                        String language) {
    }

    record Started(UUID id, URI status) {
    }

    /** Whether each file came out as issued, and all three. */
    record WrittenAgain(boolean docx, boolean pdf, boolean html, boolean identical) {
    }

    @GetMapping("/api/v1/notes/issued")
    @Operation(summary = "Issued notes, newest first (at most 200), with their parameters, data versions and job")
    List<NoteIssues.Issued> list() {
        return issues.issued();
    }

    @PostMapping("/api/v1/notes/issued")
    @Operation(summary = "Issue a note: written at once, laid out as DOCX, PDF and HTML by a job",
            description = "Body: {\"template\": \"regional-note\", \"region\": \"330000000\", \"period\": \"2024\", "
                    + "\"language\": \"kk\"}; a note comparing scenarios also takes \"scenarios\": [\"CODE\", …]. "
                    + "Answers 202 with the note's id; GET /api/v1/notes/issued/{id} shows its "
                    + "job, and its files are at /api/v1/notes/issued/{id}.docx, .pdf and .html once written. A "
                    + "template, region or language that does not exist, or a query that finds nothing, is a 4xx "
                    + "problem in the caller's language.")
    ResponseEntity<Started> issue(@RequestBody IssueRequest request, Authentication user) {
        if (request == null || request.template() == null || request.template().isBlank()) {
            throw new UserException(UserException.Kind.INVALID, "note.write.unknownTemplate", "");
        }
        String scenarios = request.scenarios() == null ? null : String.join(",", request.scenarios().stream()
                .filter(java.util.Objects::nonNull).map(String::trim).filter(c -> !c.isEmpty()).toList());
        UUID id = issues.issue(request.template(), request.version(), request.region(), request.period(), scenarios,
                request.language() == null ? "kk" : request.language(), LocalDate.now(), user.getName());
        URI status = URI.create("/api/v1/notes/issued/" + id);
        return ResponseEntity.accepted().location(status).body(new Started(id, status));
    }

    // The id alone, so that "{id}.pdf" goes to file(): a bare {id} would be the more specific match and fail on ".pdf".
    @GetMapping("/api/v1/notes/issued/{id:[0-9a-fA-F-]+}")
    @Operation(summary = "One issued note: parameters, data versions read, and its job's state and progress")
    NoteIssues.Issued one(@PathVariable UUID id) {
        return issues.find(id).orElseThrow(() -> new UserException(UserException.Kind.NOT_FOUND,
                "note.issue.notFound"));
    }

    @GetMapping("/api/v1/notes/issued/{id}.{format}")
    @Operation(summary = "A file of an issued note as it went out: docx, pdf or html")
    ResponseEntity<byte[]> file(@PathVariable UUID id, @PathVariable String format) {
        return IssuedDownload.of(issues, id, format);
    }

    @PostMapping("/api/v1/notes/issued/{id}/regenerate")
    @Operation(summary = "Write an issued note again from the same template version, parameters and data versions",
            description = "Answers whether each file came out byte for byte as issued.")
    WrittenAgain regenerate(@PathVariable UUID id) {
        NoteIssues.Regenerated r = issues.regenerate(id);
        return new WrittenAgain(r.docx(), r.pdf(), r.html(), r.identical());
    }
}
