package kz.agyn.reference.web;

import java.time.LocalDate;
import java.util.List;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.reference.Country;
import kz.agyn.reference.CurrencyInfo;
import kz.agyn.reference.EducationLevel;
import kz.agyn.reference.Occupation;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.ReferenceSource;
import kz.agyn.reference.Region;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Reference data", description = "Classifications: regions (KATO), ISCO-08, ISCED 2011, countries, currencies")
class ReferenceApiController {

    private final ReferenceData reference;

    ReferenceApiController(ReferenceData reference) {
        this.reference = reference;
    }

    @GetMapping("/regions")
    @Operation(summary = "First-level units of Kazakhstan",
            description = "The current 20 units by default; `at` gives the units as they were on a date, "
                    + "`history=true` every dated version (the 2018 and 2022 changes).")
    List<Region> regions(
            @Parameter(description = "a date, e.g. 2020-01-01") @RequestParam(required = false)
            @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate at,
            @RequestParam(defaultValue = "false") boolean history) {
        if (history) {
            return reference.regionHistory();
        }
        return at == null ? reference.currentRegions() : reference.regionsOn(at);
    }

    @GetMapping("/occupations")
    @Operation(summary = "ISCO-08 major and sub-major groups")
    List<Occupation> occupations() {
        return reference.occupations();
    }

    @GetMapping("/education-levels")
    @Operation(summary = "ISCED 2011 levels")
    List<EducationLevel> educationLevels() {
        return reference.educationLevels();
    }

    @GetMapping("/countries")
    @Operation(summary = "ISO 3166-1 countries with names in kk/ru/en")
    List<Country> countries() {
        return reference.countries();
    }

    @GetMapping("/currencies")
    @Operation(summary = "ISO 4217 currencies")
    List<CurrencyInfo> currencies() {
        return reference.currencies();
    }

    @GetMapping("/reference-sources")
    @Operation(summary = "Where each classification comes from")
    List<ReferenceSource> sources() {
        return reference.sources();
    }
}
