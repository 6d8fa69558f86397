package kz.agyn.registry.cohorts.web;

import java.time.LocalDate;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.registry.Access;
import kz.agyn.registry.cohorts.Breakdown;
import kz.agyn.registry.cohorts.CohortReport;
import kz.agyn.registry.cohorts.CohortService;
import kz.agyn.registry.cohorts.SectorBasis;
import org.springframework.format.annotation.DateTimeFormat;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

@RestController
@RequestMapping("/api/v1")
@Tag(name = "Scholar registry")
class CohortApiController {

    private final CohortService cohorts;

    CohortApiController(CohortService cohorts) {
        this.cohorts = cohorts;
    }

    @GetMapping("/cohorts")
    @Operation(summary = "Cohort analytics: the note's Table 3 from records, a breakdown table, return curves",
            description = "Aggregates only, for every signed-in role. Shares carry Wilson 95% intervals; groups "
                    + "under 5 graduates (and the groups that would give them away) are blanked for viewers. "
                    + "`synthetic` counts awards from the synthetic demonstration registry. A scholar who lost the "
                    + "scholarship during study is not a graduate: counted apart in `lostDuringStudy`.")
    CohortReport cohorts(
            @Parameter(description = "Programme code, e.g. BOLASHAK; all when empty")
            @RequestParam(required = false) String programme,
            @Parameter(description = "GRADUATION_YEAR, CALL_YEAR, HOST_COUNTRY, FIELD, DEGREE or SEX")
            @RequestParam(defaultValue = "GRADUATION_YEAR") Breakdown breakdown,
            @Parameter(description = "FIRST_JOB (the first job after return) or CURRENT_JOB (the latest job)")
            @RequestParam(defaultValue = "CURRENT_JOB") SectorBasis basis,
            @Parameter(description = "The day to describe (YYYY-MM-DD). By default the demonstration day while "
                    + "every award held is synthetic, else today; `asOfBasis` in the answer says which "
                    + "(ASKED, DEMONSTRATION, TODAY) and `demonstrationDay` gives the demonstration day")
            @RequestParam(required = false) @DateTimeFormat(iso = DateTimeFormat.ISO.DATE) LocalDate asOf,
            Authentication auth) {
        return cohorts.report(blankToNull(programme), breakdown, basis, asOf, mayseeSmallCells(auth));
    }

    static boolean mayseeSmallCells(Authentication auth) {
        return Access.of(auth) != Access.NONE;
    }

    static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
