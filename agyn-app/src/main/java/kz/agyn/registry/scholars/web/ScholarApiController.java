package kz.agyn.registry.scholars.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.obligation.NewDecision;
import kz.agyn.registry.obligation.ObligationStatus;
import kz.agyn.registry.scholars.NewAward;
import kz.agyn.registry.scholars.NewEmployment;
import kz.agyn.registry.scholars.NewScholar;
import kz.agyn.registry.scholars.ScholarService;
import kz.agyn.registry.scholars.ScholarSummary;
import kz.agyn.registry.scholars.SearchResult;
import kz.agyn.registry.scholars.ScholarView;
import org.springframework.format.annotation.DateTimeFormat;
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
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Scholar registry", description = "State scholars, awards, jobs and the work-off obligation. Personal "
        + "data for registry officers and administrators only; analysts get pseudonymised records; every read is "
        + "audited. An IIN never travels in a URL: search with POST.")
class ScholarApiController {

    private final ScholarService scholars;

    ScholarApiController(ScholarService scholars) {
        this.scholars = scholars;
    }

    record Created(long id) {
    }

    record Search(String iin, String name, Integer page, Integer size) {
    }

    @PostMapping("/scholars")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Record a scholar", description = "JSON iin, lastName, firstName, patronymic, nameRu, "
            + "nameLatin, email, phone; birth date and sex are read from the IIN (and checked if given).")
    ResponseEntity<Created> create(@RequestBody NewScholar body, Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED).body(new Created(scholars.create(body, Access.of(auth))));
    }

    @GetMapping("/scholars/{id}")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "A scholar's record", description = "Analysts receive it pseudonymised: without IIN, names, "
            + "contacts, employers, BINs, evidence, guarantee references or any officer's reason or note; "
            + "`reasonHidden` / `noteHidden` say that one was written and withheld.")
    ScholarView get(@PathVariable long id, Authentication auth) {
        return scholars.view(id, Access.of(auth));
    }

    @PostMapping("/scholars/search")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "Find scholars", description = "JSON {\"iin\": \"…\"} or {\"name\": \"Last [First]\"} "
            + "(officers), or {\"name\": \"S-…\"} by pseudonym (analysts too). A name matches in any script "
            + "and common spelling (Mamyrova finds Мамырова). Paged: optional `page` (from 0) and `size` (1–200, "
            + "default 200); the body is the page's scholars, the header `X-Total-Count` the true number found.")
    ResponseEntity<List<ScholarSummary>> search(@RequestBody Search body, Authentication auth) {
        // The list stays the body, as scripts already read it; the total travels beside it.
        SearchResult found = scholars.search(body == null ? null : body.iin(), body == null ? null : body.name(),
                body == null || body.page() == null ? 0 : body.page(),
                body == null || body.size() == null ? ScholarService.SEARCH_LIMIT : body.size(), Access.of(auth));
        return ResponseEntity.ok().header("X-Total-Count", String.valueOf(found.total())).body(found.rows());
    }

    @PostMapping("/scholars/{id}/awards")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Add an award", description = "programme (BOLASHAK), ruleVersion (optional: the version "
            + "in force on awardedOn), callYear, degree (BACHELOR, MASTER, PHD, INTERNSHIP), field (ISCED-F), "
            + "university, country, fundingKzt, guaranteeRef, awardedOn, studyStart, plannedEnd, actualEnd; "
            + "optional foreignGrant and honours (true/false, default false: the 2025 reductions) and spentKzt (what "
            + "was spent so far; not recorded: the budget is used for repayment).")
    ResponseEntity<Created> award(@PathVariable long id, @RequestBody NewAward body, Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(new Created(scholars.addAward(id, body, Access.of(auth), auth.getName())));
    }

    @PostMapping("/scholars/{id}/employments")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Record a job", description = "employer, employerBin, sector (PUBLIC, QUASI_PUBLIC, "
            + "PRIVATE, RESEARCH_HE, NGO), region (KATO, for Kazakhstan), country, isco, start, end, salaryBand, "
            + "evidence. The obligation is re-evaluated at once.")
    ResponseEntity<Map<String, Object>> employment(@PathVariable long id, @RequestBody NewEmployment body,
                                                   Authentication auth) {
        long jobId = scholars.addEmployment(id, body, Access.of(auth), auth.getName());
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(Map.of("id", jobId, "obligations", scholars.obligations(id, Access.of(auth))));
    }

    @GetMapping("/scholars/{id}/obligation")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "Where each award stands in the work-off obligation, today or as of a day",
            description = "asOf (optional, yyyy-mm-dd): evaluate as of that day; decisions dated later are left out. "
                    + "Each status has termYears, stateSince (the day the state took effect), calendarDaysWorked, "
                    + "repayment (in a debt state) and owedIfDeclaredToday (what a breach declared on asOf would "
                    + "cost, where one can still be declared).")
    List<ObligationStatus> obligation(@PathVariable long id,
                                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                                      LocalDate asOf, Authentication auth) {
        return scholars.obligations(id, Access.of(auth), asOf);
    }

    @PostMapping("/awards/{id}/decisions")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Record an officer's decision", description = "type: RETURN_CONFIRMED, BREACH_DECLARED, "
            + "BREACH_CANCELLED, REPAYMENT_STARTED, REPAID, WRITTEN_OFF, or DEFERRAL with from/to; date; reason "
            + "(required). Refused when the obligation's state machine has no such move.")
    ObligationStatus decide(@PathVariable long id, @RequestBody NewDecision body, Authentication auth) {
        return scholars.decide(id, body, Access.of(auth), auth.getName());
    }

    @GetMapping("/scholars/{id}/subject-access")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Everything held about the scholar, as a file for the scholar (subject access request)")
    ResponseEntity<ScholarView> subjectAccess(@PathVariable long id, Authentication auth) {
        return ResponseEntity.ok().header(HttpHeaders.CONTENT_DISPOSITION,
                "attachment; filename=\"scholar-" + id + ".json\"").body(scholars.subjectAccess(id, Access.of(auth)));
    }

    @PostMapping("/scholars/{id}/anonymise")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Erase the scholar's personal data for good (statistics and the pseudonym stay)")
    ResponseEntity<Void> anonymise(@PathVariable long id, Authentication auth) {
        scholars.anonymise(id, Access.of(auth));
        return ResponseEntity.noContent().build();
    }
}
