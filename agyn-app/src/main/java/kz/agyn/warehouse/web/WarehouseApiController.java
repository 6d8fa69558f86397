package kz.agyn.warehouse.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.account.Role;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.CurrentChange;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.DatasetVersion;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.ImportException;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.IndicatorKind;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.VersionComparison;
import kz.agyn.warehouse.Warehouse;
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
@RequestMapping("/api/v1")
@Tag(name = "Warehouse", description = "Datasets, indicators and observations with their sources and versions")
class WarehouseApiController {

    private final Warehouse warehouse;

    WarehouseApiController(Warehouse warehouse) {
        this.warehouse = warehouse;
    }

    record NewDataset(String code, String titleKk, String titleRu, String titleEn, String publisher,
                      String citation, String url, String licence, Boolean synthetic) {
    }

    record NewIndicator(String code, String nameKk, String nameRu, String nameEn, String unit, String per,
                        String definitionKk, String definitionRu, String definitionEn, String kind, String source) {

        /** The indicator described, under {@code code} (the path's, for a change). */
        Indicator indicator(String code) {
            IndicatorKind k = null;
            if (kind != null && !kind.isBlank()) {
                k = IndicatorKind.parse(kind).orElseThrow(() -> new ImportException("warehouse.indicator.badKind",
                        kind));
            }
            return new Indicator(code, new Names(nameKk, nameRu, nameEn), unit, per,
                    new Names(definitionKk, definitionRu, definitionEn), k, source);
        }
    }

    /** The observations asked for and, for every dataset version among them, where they come from and under what licence. */
    record Page(List<ObservationView> items, long total, int page, int size, List<SourceView> sources) {
    }

    record Versions(String dataset, Integer current, List<DatasetVersion> versions, List<CurrentChange> history) {
    }

    @GetMapping("/datasets")
    @Operation(summary = "Datasets with their current version")
    List<DatasetInfo> datasets() {
        return warehouse.datasets();
    }

    @PostMapping("/datasets")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Register a dataset before importing into it")
    ResponseEntity<DatasetInfo> createDataset(@RequestBody NewDataset d) {
        return ResponseEntity.status(HttpStatus.CREATED).body(warehouse.createDataset(d.code(),
                new Names(d.titleKk(), d.titleRu(), d.titleEn()), d.publisher(), d.citation(), d.url(), d.licence(),
                Boolean.TRUE.equals(d.synthetic())));
    }

    @GetMapping("/indicators")
    @Operation(summary = "Indicators the warehouse holds")
    List<Indicator> indicators() {
        return warehouse.indicators();
    }

    @GetMapping("/indicators/{code}")
    @Operation(summary = "One indicator")
    Indicator indicator(@PathVariable String code) {
        return warehouse.indicator(code).orElseThrow(() -> new ImportException("warehouse.indicator.notFound", code));
    }

    @PostMapping("/indicators")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Define an indicator", description = "unit: PERSONS, PERCENT, PERCENT_GDP, KZT, USD, EUR, "
            + "LCU (the currency of the country column), LCU_PER_USD, LCU_PER_INTL_DOLLAR, RATIO, COUNT; kind: STOCK (a count at a date), FLOW (events over "
            + "a period), BALANCE (net of two flows; may be negative), LEVEL (wage, price, share), CHANGE (growth; "
            + "may be negative), inferred when left out; per: MONTH, YEAR or empty (never for STOCK or CHANGE); "
            + "definitionKk/Ru/En and source optional.")
    ResponseEntity<Indicator> createIndicator(@RequestBody NewIndicator i) {
        return ResponseEntity.status(HttpStatus.CREATED).body(warehouse.createIndicator(i.indicator(i.code())));
    }

    @PutMapping("/indicators/{code}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Change an indicator", description = "Names, definition and source can always change; "
            + "unit, kind and per only while no observation uses the indicator. The body is as for POST; its code "
            + "is ignored.")
    Indicator updateIndicator(@PathVariable String code, @RequestBody NewIndicator i) {
        return warehouse.updateIndicator(i.indicator(code));
    }

    @GetMapping(path = "/observations", produces = "application/json")
    @Operation(summary = "Observations", description = "Filters are codes ('_T' for a total). `period` is one "
            + "period or a range `2015:2022`; `region=KZ` is Kazakhstan as a whole. `version` (with `dataset`) reads "
            + "that version; `asOf` (a date, or a date and time) the versions current then. JSON with the source, "
            + "publisher and licence of every dataset version in `sources`, or Agyn's own CSV "
            + "(docs/formats/observations.md) with Accept: text/csv, the same in its last columns. Counts of 1–4 "
            + "persons are suppressed for the VIEWER role.")
    Page observations(ObservationParams params, Authentication auth) {
        ObservationQuery q = params.query(1000);
        boolean full = Disclosure.seesSmallCells(Role.namesOf(auth));
        Map<String, String> units = units();
        List<Observation> found = warehouse.observations(q);
        List<ObservationView> items = found.stream()
                .map(o -> ObservationView.of(o, !full && Disclosure.suppressed(units.get(o.indicator()), o.scaledValue())))
                .toList();
        return new Page(items, warehouse.count(q), q.page(), q.size(), SourceView.of(found, warehouse.datasets()));
    }

    @GetMapping(path = "/observations", produces = "text/csv")
    void observationsCsv(ObservationParams params, Authentication auth, HttpServletResponse response, Locale locale)
            throws IOException {
        ObservationQuery q = params.query(ObservationQuery.MAX_PAGE_SIZE);
        boolean full = Disclosure.seesSmallCells(Role.namesOf(auth));
        Map<String, String> units = units();
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Map<String, DatasetInfo> datasets = new java.util.HashMap<>();
        warehouse.datasets().forEach(d -> datasets.put(d.code(), d));
        Writer w = response.getWriter();
        w.write(CanonicalCsv.AGYN_HEADER + "," + CanonicalCsv.PROVENANCE_HEADER + "\n");
        for (Observation o : warehouse.observations(q)) {
            String unit = units.get(o.indicator());
            boolean hide = !full && Disclosure.suppressed(unit, o.scaledValue());
            w.write(CanonicalCsv.agynLine(o, unit, hide) + "," + CanonicalCsv.provenance(o, datasets.get(o.dataset()),
                    locale) + "\n");
        }
    }

    @GetMapping("/datasets/{code}/versions")
    @Operation(summary = "Every version of a dataset", description = "The versions, latest first, the current one "
            + "marked, and when each became current (by its import, or made current again).")
    Versions versions(@PathVariable String code) {
        List<DatasetVersion> versions = warehouse.versions(code);
        return new Versions(code, versions.stream().filter(DatasetVersion::current).map(DatasetVersion::version)
                .findFirst().orElse(null), versions, warehouse.currentChanges(code));
    }

    @PostMapping("/datasets/{code}/versions/{version}/current")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Make a version current again", description = "What the explorer, the observations and "
            + "the metrics read by default from then on. Audited. `asOf` an earlier instant still gives what was "
            + "current then.")
    DatasetVersion makeCurrent(@PathVariable String code, @PathVariable int version, Authentication auth) {
        return warehouse.makeCurrent(code, version, auth.getName());
    }

    @GetMapping("/datasets/{code}/compare")
    @Operation(summary = "Compare two versions of a dataset", description = "Observations added, removed and "
            + "changed (value or status) from version `from` to version `to`, matched on indicator, period and "
            + "every dimension; the differences are listed up to 1,000. Counts of 1–4 persons are withheld for the "
            + "VIEWER role.")
    VersionComparison compare(@PathVariable String code, @RequestParam int from, @RequestParam int to,
                              Authentication auth, Locale locale) {
        VersionComparison c = warehouse.compare(code, from, to, Disclosure.seesSmallCells(Role.namesOf(auth)));
        // The region of the whole country as every other answer writes it.
        return new VersionComparison(c.dataset(), c.from(), c.to(), c.added(), c.removed(), c.changed(),
                c.unchanged(), c.differences().stream().map(WholeCountry::shownIn).toList(), c.truncated());
    }

    private Map<String, String> units() {
        Map<String, String> units = new java.util.HashMap<>();
        warehouse.indicators().forEach(i -> units.put(i.code(), i.unit()));
        return units;
    }
}
