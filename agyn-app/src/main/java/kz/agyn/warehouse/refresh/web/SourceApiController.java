package kz.agyn.warehouse.refresh.web;

import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.warehouse.ImportReport;
import kz.agyn.warehouse.refresh.Agency;
import kz.agyn.warehouse.refresh.DatasetSource;
import kz.agyn.warehouse.refresh.RefreshOutcome;
import kz.agyn.warehouse.refresh.RefreshService;
import kz.agyn.warehouse.refresh.SourceException;
import org.springframework.context.MessageSource;
import org.springframework.http.HttpStatus;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;

@RestController
@PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
@Tag(name = "Sources", description = "Where a dataset is refreshed from (an agency's SDMX web service or the World "
        + "Bank API), and refreshing it: the message is imported as a new version through the import's validation")
class SourceApiController {

    private final RefreshService refresh;
    private final MessageSource messages;

    SourceApiController(RefreshService refresh, MessageSource messages) {
        this.refresh = refresh;
        this.messages = messages;
    }

    @GetMapping("/api/v1/source-agencies")
    @Operation(summary = "The agencies known by name, with their connector and base address (sdmx-dl's catalogue)")
    List<Agency> agencies() {
        return refresh.agencies();
    }

    @GetMapping("/api/v1/datasets/{code}/source")
    @Operation(summary = "The dataset's source, with the address a refresh fetches")
    SourceView source(@PathVariable String code) {
        DatasetSource s = refresh.require(code);
        return SourceView.of(s, refresh.address(s), refresh.structureAddress(s));
    }

    @PutMapping("/api/v1/datasets/{code}/source")
    @Operation(summary = "Set the dataset's source", description = "Body: {\"kind\": \"SDMX_REST\", \"agency\": "
            + "\"ESTAT\", \"flow\": \"migr_emi1ctz\", \"key\": \"A.NR.T.TOTAL.KZ\", \"startPeriod\": \"2010\", "
            + "\"format\": \"GENERIC_21\", \"template\": \"NAME\"} or {\"kind\": \"WORLD_BANK\", \"flow\": "
            + "\"SP.POP.TOTL\", \"key\": \"KAZ;RUS\", \"startPeriod\": \"2000\"}. `baseUrl` replaces the agency's "
            + "address. Every agency and field: docs/sources.md.")
    SourceView save(@PathVariable String code, @RequestBody SourceRequest body, Authentication auth) {
        DatasetSource s = refresh.save(code, body.toSource(code), auth.getName());
        return SourceView.of(s, refresh.address(s), refresh.structureAddress(s));
    }

    @DeleteMapping("/api/v1/datasets/{code}/source")
    @ResponseStatus(HttpStatus.NO_CONTENT)
    @Operation(summary = "Remove the dataset's source (its data stay)")
    void delete(@PathVariable String code) {
        refresh.delete(code);
    }

    /** What a refresh answers: the outcome in the reader's language, and the import's report. */
    record RefreshAnswer(String dataset, RefreshOutcome.Result result, String message, String url, UUID importId,
                         Integer version, Integer currentVersion, List<String> leftOut, ImportReport report) {
    }

    @PostMapping("/api/v1/datasets/{code}/refresh")
    @Operation(summary = "Fetch the source and import it as a new version",
            description = "Waits for the fetch, the check and the write. `result`: NEW_VERSION, NOTHING_NEW (the "
                    + "source holds the current version's data), EARLIER_VERSION, CHECKED (with accept=false), "
                    + "INVALID (see `report.problems`; nothing written; fix the template and accept the import with "
                    + "POST /api/v1/imports/{importId}/accept), CANCELLED. A source that cannot be read answers 502 "
                    + "(an error status, quoted in `agencyText`; an unreachable host; not a data message) or 504 "
                    + "(no answer within agyn.refresh.read-timeout), as problem+json with the address in `url`.")
    RefreshAnswer refresh(@PathVariable String code, @RequestParam(defaultValue = "true") boolean accept,
                          Authentication auth, Locale locale) {
        RefreshOutcome o = refresh.refresh(code, auth.getName(), accept, locale);
        return new RefreshAnswer(o.dataset(), o.result(), message(o, messages, locale), o.url(), o.importId(),
                o.version(), o.currentVersion(), o.leftOut(), o.report());
    }

    static String message(RefreshOutcome o, MessageSource messages, Locale locale) {
        ImportReport r = o.report();
        return messages.getMessage("refresh.result." + o.result().name(), new Object[] {o.url(),
                o.version() == null ? "" : o.version(), o.currentVersion() == null ? "" : o.currentVersion(),
                r == null ? 0L : r.rows(), r == null ? 0 : r.problemCount()}, locale);
    }

    @ExceptionHandler(SourceException.class)
    ResponseEntity<ProblemDetail> sourceFailed(SourceException e, Locale locale) {
        HttpStatus status = HttpStatus.valueOf(e.gatewayStatus());
        ProblemDetail p = ProblemDetail.forStatusAndDetail(status,
                messages.getMessage(e.code(), e.args(), e.code(), locale));
        p.setProperty("code", e.code());
        p.setProperty("url", e.url());
        if (e.sourceStatus() != null) {
            p.setProperty("sourceStatus", e.sourceStatus());
        }
        if (e.agencyText() != null) {
            p.setProperty("agencyText", e.agencyText());
        }
        return ResponseEntity.status(status).contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
                .body(p);
    }
}
