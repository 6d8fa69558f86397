package kz.agyn.survey.web;

import java.util.Locale;

import io.swagger.v3.oas.annotations.Operation;
import kz.agyn.survey.Microdata;
import kz.agyn.survey.MicrodataService;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;

/**
 * A survey's microdata (respondents, weights, design variables, answers) with the R and Stata scripts that
 * declare its design, as a ZIP: the same download from the survey's page and from the API. Respondent-level data:
 * ADMIN and ANALYST only, as pseudonymised records are (see {@code Role}); audited by the service.
 */
@RestController
class MicrodataController {

    private final MicrodataService microdata;

    MicrodataController(MicrodataService microdata) {
        this.microdata = microdata;
    }

    @GetMapping({"/surveys/{id}/microdata", "/api/v1/surveys/{id}/microdata"})
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "The survey's microdata with R and Stata scripts (ZIP)",
            description = "A ZIP holding `<code>.csv` (one row per respondent: `respondent` numbered 1..n, "
                    + "`weight_base`, `weight` after raking, the declared design columns `stratum`, `psu`, `ssu`, "
                    + "`fpc1`, `fpc2`, or the replicate weights `repw_1` … `repw_R` before calibration, the raking "
                    + "variables `cal_<variable>`, then one column per single-choice, "
                    + "Likert and number question, the first rank and one rank column per option of a ranking "
                    + "question, one 0/1 column per option of a multiple-choice question, empty when skipped), "
                    + "`<code>-codebook.csv` in the caller's language, `<code>.R` (svydesign or svrepdesign, calibrate as Agyn "
                    + "rakes, and every share with its SE and interval, written to `<code>-estimates.csv`) and "
                    + "`<code>.do` (svyset). No response ids, no free-text answers. ADMIN and ANALYST only; "
                    + "audited.")
    ResponseEntity<byte[]> download(@PathVariable int id, Locale locale) {
        Microdata m = microdata.export(id, locale);
        return ResponseEntity.ok().contentType(MediaType.parseMediaType("application/zip"))
                .header(HttpHeaders.CONTENT_DISPOSITION, ContentDisposition.attachment().filename(m.fileName())
                        .build().toString())
                .header(HttpHeaders.CACHE_CONTROL, "no-store")
                .body(m.zip());
    }
}
