package kz.agyn.survey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyClosing;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/** The API of {@link SurveyClosingController}: close, reopen, delete a survey without responses (ADMIN). */
@RestController
@RequestMapping("/api/v1/surveys")
@PreAuthorize("hasRole('ADMIN')")
@Tag(name = "Surveys", description = "Questionnaires, response imports and weighted estimates")
class SurveyClosingApiController {

    private final SurveyClosing closing;

    SurveyClosingApiController(SurveyClosing closing) {
        this.closing = closing;
    }

    /** Why: required, kept with the survey and in the audit log. */
    record Reason(String reason) {
    }

    @PostMapping("/{id}/close")
    @Operation(summary = "Close a survey (ADMIN)", description = "No new links; the public form and response files "
            + "are refused; the results stay readable. Reversible with /reopen. Audited.")
    Survey close(@PathVariable int id, @RequestBody(required = false) Reason body, Authentication auth) {
        return closing.close(id, body == null ? null : body.reason(), auth.getName());
    }

    @PostMapping("/{id}/reopen")
    @Operation(summary = "Reopen a closed survey (ADMIN)", description = "Audited.")
    Survey reopen(@PathVariable int id) {
        return closing.reopen(id);
    }

    @DeleteMapping("/{id}")
    @Operation(summary = "Delete a survey without responses (ADMIN)", description = "With its links, response files "
            + "and margins. A survey with responses is refused (409) with the number of responses: close it instead. "
            + "Audited.")
    ResponseEntity<Void> delete(@PathVariable int id, @RequestParam(required = false) String reason) {
        closing.delete(id, reason);
        return ResponseEntity.noContent().build();
    }
}
