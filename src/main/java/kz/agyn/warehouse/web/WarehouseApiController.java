package kz.agyn.warehouse.web;

import java.io.IOException;
import java.io.Writer;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import jakarta.servlet.http.HttpServletResponse;
import kz.agyn.reference.Names;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Disclosure;
import kz.agyn.warehouse.Indicator;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
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
                        String definitionKk, String definitionRu, String definitionEn) {
    }

    record Page(List<ObservationView> items, long total, int page, int size) {
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

    @PostMapping("/indicators")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Define an indicator", description = "unit: PERSONS, PERCENT, PERCENT_GDP, KZT, USD, EUR, "
            + "LCU_PER_USD, LCU_PER_INTL_DOLLAR, RATIO, COUNT; per: MONTH, YEAR or empty")
    ResponseEntity<Indicator> createIndicator(@RequestBody NewIndicator i) {
        Names definition = i.definitionEn() == null ? null
                : new Names(i.definitionKk(), i.definitionRu(), i.definitionEn());
        return ResponseEntity.status(HttpStatus.CREATED).body(warehouse.createIndicator(new Indicator(i.code(),
                new Names(i.nameKk(), i.nameRu(), i.nameEn()), i.unit(), i.per() == null || i.per().isBlank()
                ? null : i.per(), definition)));
    }

    @GetMapping(path = "/observations", produces = "application/json")
    @Operation(summary = "Observations", description = "Filters are codes ('_T' for a total). `period` is one "
            + "period or a range `2015:2022`. `asOf` (a date) gives the data as published then. JSON, or CSV with "
            + "Accept: text/csv. Counts of 1–4 persons are suppressed for the VIEWER role.")
    Page observations(@RequestParam(required = false) String indicator,
                      @Parameter(description = "2022, 2022-Q3, 2022-07 or a range 2015:2022")
                      @RequestParam(required = false) String period,
                      @RequestParam(required = false) String region,
                      @RequestParam(required = false) String occupation,
                      @RequestParam(required = false) String education,
                      @RequestParam(required = false) String country,
                      @RequestParam(required = false) String sex,
                      @RequestParam(required = false) String age,
                      @RequestParam(required = false) String flow,
                      @RequestParam(required = false) String dataset,
                      @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                      @RequestParam(defaultValue = "0") int page,
                      @RequestParam(defaultValue = "1000") int size,
                      Authentication auth) {
        ObservationQuery q = query(indicator, period, region, occupation, education, country, sex, age, flow,
                dataset, asOf, page, size);
        boolean full = Disclosure.seesSmallCells(WebRoles.of(auth));
        Map<String, String> units = units();
        List<ObservationView> items = warehouse.observations(q).stream()
                .map(o -> ObservationView.of(o, !full && Disclosure.suppressed(units.get(o.indicator()), o.value())))
                .toList();
        return new Page(items, warehouse.count(q), q.page(), q.size());
    }

    @GetMapping(path = "/observations", produces = "text/csv")
    void observationsCsv(@RequestParam(required = false) String indicator,
                         @RequestParam(required = false) String period,
                         @RequestParam(required = false) String region,
                         @RequestParam(required = false) String occupation,
                         @RequestParam(required = false) String education,
                         @RequestParam(required = false) String country,
                         @RequestParam(required = false) String sex,
                         @RequestParam(required = false) String age,
                         @RequestParam(required = false) String flow,
                         @RequestParam(required = false) String dataset,
                         @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
                         @RequestParam(defaultValue = "0") int page,
                         @RequestParam(defaultValue = "10000") int size,
                         Authentication auth, HttpServletResponse response) throws IOException {
        ObservationQuery q = query(indicator, period, region, occupation, education, country, sex, age, flow,
                dataset, asOf, page, size);
        boolean full = Disclosure.seesSmallCells(WebRoles.of(auth));
        Map<String, String> units = units();
        response.setContentType("text/csv;charset=UTF-8");
        response.setCharacterEncoding(StandardCharsets.UTF_8.name());
        Writer w = response.getWriter();
        w.write(CanonicalCsv.HEADER + ",DATASET,VERSION\n");
        for (Observation o : warehouse.observations(q)) {
            boolean hide = !full && Disclosure.suppressed(units.get(o.indicator()), o.value());
            w.write(CanonicalCsv.line(o, hide) + "," + o.dataset() + "," + o.version() + "\n");
        }
    }

    private Map<String, String> units() {
        Map<String, String> units = new java.util.HashMap<>();
        warehouse.indicators().forEach(i -> units.put(i.code(), i.unit()));
        return units;
    }

    static ObservationQuery query(String indicator, String period, String region, String occupation,
                                  String education, String country, String sex, String age, String flow,
                                  String dataset, LocalDate asOf, int page, int size) {
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        put(filters, Dimension.REGION, region);
        put(filters, Dimension.OCCUPATION, occupation);
        put(filters, Dimension.EDUCATION, education);
        put(filters, Dimension.COUNTRY, country);
        put(filters, Dimension.SEX, sex);
        put(filters, Dimension.AGE, age);
        put(filters, Dimension.FLOW, flow);
        String from = null;
        String to = null;
        if (period != null && !period.isBlank()) {
            String[] range = period.split(":", 2);
            from = range[0].isBlank() ? null : range[0].trim();
            to = range.length == 1 ? from : range[1].isBlank() ? null : range[1].trim();
        }
        return new ObservationQuery(Params.blank(indicator), filters, from, to, Params.blank(dataset), asOf, page, size);
    }

    private static void put(Map<Dimension, String> filters, Dimension d, String value) {
        if (value != null && !value.isBlank()) {
            filters.put(d, value.trim());
        }
    }
}
