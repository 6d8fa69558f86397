package kz.agyn.measure.web;

import java.net.URI;
import java.time.LocalDate;
import java.util.List;
import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.measure.KpiPoint;
import kz.agyn.measure.KpiReport;
import kz.agyn.measure.KpiUnit;
import kz.agyn.measure.Measure;
import kz.agyn.measure.MeasureDraft;
import kz.agyn.measure.MeasureService;
import kz.agyn.measure.MeasureStatus;
import kz.agyn.measure.TrafficLight;
import kz.agyn.reference.Names;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RestController;

/**
 * Measures for scripts: the board, one measure, its KPI (actual values, projection, light), and for analysts and
 * administrators creating and replacing one. A mistake is a problem+json in the caller's language.
 */
@RestController
@RequestMapping("/api/v1/measures")
@Tag(name = "Measures", description = "Adopted measures and their KPIs: actual values drawn live from the warehouse, "
        + "the registry or reported values, a trend to the deadline and a traffic light (decision 0039). Reading for "
        + "every signed-in user; ADMIN and ANALYST create and edit; every change is audited.")
class MeasureApiController {

    private final MeasureService measures;

    MeasureApiController(MeasureService measures) {
        this.measures = measures;
    }

    /**
     * One line of the board.
     *
     * @param latest     the latest actual value, or null
     * @param latestYear its year, or null
     */
    record BoardLine(long id, Names names, Names owner, KpiUnit unit, Measure.YearValue baseline,
                     Measure.YearValue target, LocalDate deadline, MeasureStatus status, boolean fromNote,
                     Double latest, Integer latestYear, TrafficLight light) {
    }

    @GetMapping
    @Operation(summary = "The board: every measure with its latest actual value and light")
    List<BoardLine> board(Locale locale) {
        return measures.board(locale).stream().map(MeasureApiController::line).toList();
    }

    private static BoardLine line(KpiReport r) {
        Measure m = r.measure();
        KpiPoint latest = r.latest();
        return new BoardLine(m.id(), m.names(), m.owner(), m.unit(), m.baseline(), m.target(), m.deadline(),
                m.status(), m.fromNote(), latest == null ? null : latest.value(),
                latest == null ? null : latest.year(), r.light());
    }

    @GetMapping("/{id}")
    @Operation(summary = "One measure")
    Measure measure(@PathVariable long id) {
        return measures.measure(id);
    }

    @GetMapping("/{id}/kpi")
    @Operation(summary = "The KPI: actual values (one a year, with how each was obtained), the projection to the "
            + "deadline with its 80% interval, the light and why (verdict.reason), and the sources")
    KpiReport kpi(@PathVariable long id, Locale locale) {
        return measures.kpi(id, locale);
    }

    @PostMapping
    @Operation(summary = "Create a measure", description = "Body: nameKk/Ru/En, ownerKk/Ru/En, legalBasis, budgetKzt, "
            + "kpiSource (WAREHOUSE with indicator, optional dataset and filters \"OCCUPATION=21, REGION=…\"; REGISTRY "
            + "with registryFormula RETURN_RATE or WORKING_OFF_SHARE; MANUAL), kpiUnit (PERCENT, KZT, COUNT), "
            + "baselineValue, baselineYear, targetValue, targetYear, deadline, status. A mistake is a 400 problem+json "
            + "naming it in the caller's language (code measure.error.*).")
    @PreAuthorize(MeasureWebConfiguration.EDITORS)
    ResponseEntity<Measure> create(@RequestBody MeasureDraft draft, Authentication auth) {
        Measure m = measures.create(draft, auth.getName());
        return ResponseEntity.created(URI.create("/api/v1/measures/" + m.id())).body(m);
    }

    @PutMapping("/{id}")
    @Operation(summary = "Replace a measure's fields (body as for POST); each changed field is kept in its history")
    @PreAuthorize(MeasureWebConfiguration.EDITORS)
    Measure update(@PathVariable long id, @RequestBody MeasureDraft draft, Authentication auth) {
        return measures.update(id, draft, auth.getName());
    }
}
