package kz.agyn.registry.casework.web;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.casework.InstalmentPlan;
import kz.agyn.registry.casework.Instalments;
import kz.agyn.registry.casework.NewAgreement;
import kz.agyn.registry.casework.NewPayment;
import kz.agyn.registry.casework.NewWorkReport;
import kz.agyn.registry.casework.NewGuarantor;
import kz.agyn.registry.casework.NewPledge;
import kz.agyn.registry.casework.ReportPeriod;
import kz.agyn.registry.casework.Securities;
import kz.agyn.registry.casework.Security;
import kz.agyn.registry.casework.WorkReports;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1/registry/awards/{awardId}")
@Tag(name = "Registry casework", description = "Six-monthly work reports, instalment agreements and the security "
        + "(pledge or guarantors) of one award. "
        + "Every answer is as of a day (`asOf`, today by default). Employers and positions only for registry "
        + "officers; every read is audited.")
class CaseworkApiController {

    private final WorkReports reports;
    private final Instalments instalments;

    private final Securities securities;

    CaseworkApiController(WorkReports reports, Instalments instalments, Securities securities) {
        this.reports = reports;
        this.instalments = instalments;
        this.securities = securities;
    }

    @GetMapping("/security")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "The award's security: a pledge (property, valueKzt, valuedOn, documentNo) or guarantors "
            + "(name, iin, contact); belowFullCost and a warning when the pledge is worth less than the full cost "
            + "of study. Officers only, every read audited; 404 when none is recorded")
    ResponseEntity<Security> security(@PathVariable long awardId, Authentication auth) {
        return ResponseEntity.of(securities.security(awardId, Access.of(auth)));
    }

    /** What the POST accepts: {@code kind} PLEDGE with the pledge's fields, or GUARANTOR with one guarantor's. */
    record NewSecurity(String kind, String property, java.math.BigDecimal valueKzt, LocalDate valuedOn,
                       String documentNo, String name, String iin, String contact) {
    }

    @PostMapping("/security")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Record the security: kind PLEDGE (property, valueKzt, valuedOn, documentNo) or GUARANTOR "
            + "(name, iin, contact, documentNo; one guarantor per call, joint liability). A pledge below the full "
            + "cost of study is recorded with a warning, not refused")
    ResponseEntity<Security> secure(@PathVariable long awardId, @RequestBody NewSecurity body, Authentication auth) {
        String kind = body == null || body.kind() == null ? "" : body.kind().strip().toUpperCase(java.util.Locale.ROOT);
        Security out = switch (kind) {
            case "PLEDGE" -> securities.pledge(awardId, new NewPledge(body.property(), body.valueKzt(),
                    body.valuedOn(), body.documentNo()), Access.of(auth), auth.getName());
            case "GUARANTOR", "GUARANTORS" -> securities.guarantor(awardId, new NewGuarantor(body.name(), body.iin(),
                    body.contact(), body.documentNo()), Access.of(auth), auth.getName());
            default -> throw kz.agyn.registry.RegistryException.invalid("registry.casework.security.kind");
        };
        return ResponseEntity.status(HttpStatus.CREATED).body(out);
    }

    /** A correction or a withdrawal carries its grounds, kept encrypted with the withdrawn record. */
    record Correction(String property, java.math.BigDecimal valueKzt, LocalDate valuedOn, String documentNo,
                      String name, String iin, String contact, String reason) {
    }

    @PutMapping("/security")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Correct the pledge in force (property, valueKzt, valuedOn, documentNo, reason): the old "
            + "record is withdrawn with the reason and kept; 409 when the award has no pledge in force")
    Security correctPledge(@PathVariable long awardId, @RequestBody Correction body, Authentication auth) {
        Correction c = body == null ? new Correction(null, null, null, null, null, null, null, null) : body;
        return securities.correctPledge(awardId, new NewPledge(c.property(), c.valueKzt(), c.valuedOn(),
                c.documentNo()), c.reason(), Access.of(auth), auth.getName());
    }

    @PostMapping("/security/withdrawal")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Withdraw the security in force (a pledge, or the guarantors with it) with a reason: marked "
            + "withdrawn and kept, never deleted; 409 when none is in force")
    ResponseEntity<Void> withdraw(@PathVariable long awardId, @RequestBody Correction body, Authentication auth) {
        securities.withdraw(awardId, body == null ? null : body.reason(), Access.of(auth), auth.getName());
        return ResponseEntity.noContent().build();
    }

    @PutMapping("/security/guarantors/{guarantorId}")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Correct a guarantor (name, iin — empty keeps the recorded one —, contact, reason): the old "
            + "record is withdrawn with the reason and kept")
    Security correctGuarantor(@PathVariable long awardId, @PathVariable long guarantorId,
                              @RequestBody Correction body, Authentication auth) {
        Correction c = body == null ? new Correction(null, null, null, null, null, null, null, null) : body;
        return securities.correctGuarantor(awardId, guarantorId, new NewGuarantor(c.name(), c.iin(), c.contact(),
                null), c.reason(), Access.of(auth), auth.getName());
    }

    @PostMapping("/security/guarantors/{guarantorId}/withdrawal")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Withdraw one guarantor with a reason; the last one withdraws the security. Answers the "
            + "security left in force, 204 when none is")
    ResponseEntity<Security> withdrawGuarantor(@PathVariable long awardId, @PathVariable long guarantorId,
                                               @RequestBody Correction body, Authentication auth) {
        return securities.withdrawGuarantor(awardId, guarantorId, body == null ? null : body.reason(),
                Access.of(auth), auth.getName()).map(ResponseEntity::ok)
                .orElseGet(() -> ResponseEntity.noContent().build());
    }

    @GetMapping("/security/withdrawn")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "What was withdrawn or corrected on the award's security, latest first, with the reasons")
    List<Security.Withdrawn> withdrawn(@PathVariable long awardId, Authentication auth) {
        return securities.withdrawn(awardId, Access.of(auth));
    }

    @GetMapping("/reports")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "The six-monthly report schedule: a period every 6 months from the start of work, each "
            + "RECEIVED, UPCOMING, DUE or OVERDUE on the day asked")
    List<ReportPeriod> reports(@PathVariable long awardId,
                               @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE)
                               LocalDate asOf, Authentication auth) {
        return reports.schedule(awardId, asOf, Access.of(auth));
    }

    @PostMapping("/reports")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Record a report received: period, receivedOn (today when empty), employer, position")
    ResponseEntity<Map<String, Long>> report(@PathVariable long awardId, @RequestBody NewWorkReport body,
                                             Authentication auth) {
        long id = reports.record(awardId, body, Access.of(auth), auth.getName());
        return ResponseEntity.status(HttpStatus.CREATED).body(Map.of("id", id));
    }

    @GetMapping("/instalments")
    @PreAuthorize(Access.READERS)
    @Operation(summary = "The instalment agreement with its monthly schedule, payments, balance and arrears; "
            + "404 when there is none")
    ResponseEntity<InstalmentPlan> plan(@PathVariable long awardId,
                                        @RequestParam(required = false)
                                        @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                                        Authentication auth) {
        return ResponseEntity.of(instalments.plan(awardId, asOf, Access.of(auth)));
    }

    @PostMapping("/instalments")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Agree instalments for an award in breach: months (1 to the rule's maxInstalmentYears × 12, "
            + "15 years as seeded), startsOn, agreedOn, reason. The amount is what is owed on the day agreed; recorded as REPAYMENT_STARTED")
    ResponseEntity<InstalmentPlan> agree(@PathVariable long awardId, @RequestBody NewAgreement body,
                                         Authentication auth) {
        return ResponseEntity.status(HttpStatus.CREATED)
                .body(instalments.agree(awardId, body, Access.of(auth), auth.getName()));
    }

    @PostMapping("/instalments/payments")
    @PreAuthorize(Access.EDITORS)
    @Operation(summary = "Record a payment: paidOn, amount (at most the balance); the last one records REPAID")
    InstalmentPlan pay(@PathVariable long awardId, @RequestBody NewPayment body, Authentication auth) {
        return instalments.pay(awardId, body, Access.of(auth), auth.getName());
    }
}
