package kz.agyn.registry.web;

import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.account.Role;
import kz.agyn.registry.Access;
import kz.agyn.registry.NewAward;
import kz.agyn.registry.NewDecision;
import kz.agyn.registry.NewEmployment;
import kz.agyn.registry.NewScholar;
import kz.agyn.registry.ObligationService;
import kz.agyn.registry.ScholarService;
import kz.agyn.registry.ScholarSummary;
import kz.agyn.registry.ScholarView;
import kz.agyn.registry.obligation.ObligationStatus;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Scholar registry", description = "State scholars, awards, jobs and the work-off obligation. Personal "
        + "data for registry officers and administrators only; analysts get pseudonymised records; every read is "
        + "audited. An IIN never travels in a URL: search with POST.")
class ScholarApiController {

    private static final String EDITORS = "hasAnyRole('ADMIN', 'REGISTRY_OFFICER')";
    private static final String READERS = "hasAnyRole('ADMIN', 'REGISTRY_OFFICER', 'ANALYST')";

    private final ScholarService scholars;
    private final ObligationService obligations;

    ScholarApiController(ScholarService scholars, ObligationService obligations) {
        this.scholars = scholars;
        this.obligations = obligations;
    }

    record Created(long id) {
    }

    record Search(String iin, String name) {
    }

    @PostMapping("/scholars")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Record a scholar", description = "JSON iin, lastName, firstName, patronymic, nameRu, "
            + "nameLatin, email, phone; birth date and sex are read from the IIN (and checked if given).")
    ResponseEntity<Created> create(@RequestBody NewScholar body, Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(scholars.create(body, access(auth))));
    }

    @GetMapping("/scholars/{id}")
    @PreAuthorize(READERS)
    @Operation(summary = "A scholar's record", description = "Analysts receive it pseudonymised: without IIN, names, "
            + "contacts, employers, BINs, evidence, guarantee references or any officer's reason or note; "
            + "`reasonHidden` / `noteHidden` say that one was written and withheld.")
    ScholarView get(@PathVariable long id, Authentication auth) {
        return scholars.view(id, access(auth));
    }

    @PostMapping("/scholars/search")
    @PreAuthorize(READERS)
    @Operation(summary = "Find scholars", description = "JSON {\"iin\": \"…\"} or {\"name\": \"Last [First]\"} "
            + "(officers), or {\"name\": \"S-…\"} by pseudonym (analysts too). Exact matches only.")
    List<ScholarSummary> search(@RequestBody Search body, Authentication auth) {
        return scholars.search(body == null ? null : body.iin(), body == null ? null : body.name(), access(auth));
    }

    @PostMapping("/scholars/{id}/awards")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Add an award", description = "programme (BOLASHAK), ruleVersion (optional: the version "
            + "in force on awardedOn), callYear, degree (BACHELOR, MASTER, PHD, INTERNSHIP), field (ISCED-F), "
            + "university, country, fundingKzt, guaranteeRef, awardedOn, studyStart, plannedEnd, actualEnd.")
    ResponseEntity<Created> award(@PathVariable long id, @RequestBody NewAward body, Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(scholars.addAward(id, body, access(auth), auth.getName())));
    }

    @PostMapping("/scholars/{id}/employments")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Record a job", description = "employer, employerBin, sector (PUBLIC, QUASI_PUBLIC, "
            + "PRIVATE, RESEARCH_HE, NGO), region (KATO, for Kazakhstan), country, isco, start, end, salaryBand, "
            + "evidence. The obligation is re-evaluated at once.")
    ResponseEntity<Map<String, Object>> employment(@PathVariable long id, @RequestBody NewEmployment body,
                                                   Authentication auth) {
        long jobId = scholars.addEmployment(id, body, access(auth), auth.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", jobId, "obligations", scholars.obligations(id, access(auth))));
    }

    @GetMapping("/scholars/{id}/obligation")
    @PreAuthorize(READERS)
    @Operation(summary = "Where each award stands in the work-off obligation, today")
    List<ObligationStatus> obligation(@PathVariable long id, Authentication auth) {
        return scholars.obligations(id, access(auth));
    }

    @PostMapping("/awards/{id}/decisions")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Record an officer's decision", description = "type: RETURN_CONFIRMED, BREACH_DECLARED, "
            + "BREACH_CANCELLED, REPAYMENT_STARTED, REPAID, WRITTEN_OFF, or DEFERRAL with from/to; date; reason "
            + "(required). Refused when the obligation's state machine has no such move.")
    ObligationStatus decide(@PathVariable long id, @RequestBody NewDecision body, Authentication auth) {
        return scholars.decide(id, body, access(auth), auth.getName());
    }

    @GetMapping("/scholars/{id}/subject-access")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Everything held about the scholar, as a file for the scholar (subject access request)")
    ResponseEntity<ScholarView> subjectAccess(@PathVariable long id, Authentication auth) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"scholar-" + id + ".json\"").body(scholars.subjectAccess(id, access(auth)));
    }

    @PostMapping("/scholars/{id}/anonymise")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Erase the scholar's personal data for good (statistics and the pseudonym stay)")
    ResponseEntity<Void> anonymise(@PathVariable long id, Authentication auth) {
        scholars.anonymise(id, access(auth));
        return ResponseEntity.noContent().build();
    }

    @PostMapping("/registry/recompute")
    @PreAuthorize(EDITORS)
    @Operation(summary = "Re-evaluate every award's obligation as of today")
    ObligationService.Recomputation recompute() {
        return obligations.recomputeAll();
    }

    static Access access(Authentication auth) {
        return Access.of(Role.namesOf(auth));
    }
}
