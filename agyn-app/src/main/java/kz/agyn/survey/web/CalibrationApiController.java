package kz.agyn.survey.web;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import io.swagger.v3.oas.annotations.tags.Tag;
import java.io.IOException;
import java.util.List;
import java.util.Locale;

import kz.agyn.survey.CalibrationService;
import kz.agyn.survey.CalibrationSettings;
import kz.agyn.survey.MarginTarget;
import kz.agyn.survey.MarginTargets;
import kz.agyn.survey.SurveyException;
import kz.agyn.survey.estimation.CalibrationMethod;
import org.springframework.http.MediaType;
import org.springframework.security.access.prepost.PreAuthorize;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;

/** A survey's calibration over the API: the method and the margins the user gives (decision 0043). */
@RestController
@RequestMapping("/api/v1/surveys/{id}/calibration")
@Tag(name = "Surveys", description = "Questionnaires, response imports and weighted estimates")
class CalibrationApiController {

    /** A margins file is a few lines per profile question; anything larger is not one. */
    static final long MAX_FILE_BYTES = 1024 * 1024;

    private final CalibrationService calibration;

    CalibrationApiController(CalibrationService calibration) {
        this.calibration = calibration;
    }

    /** The calibration as the API receives it. */
    @Schema(description = "The calibration method and, optionally, the survey's own margins")
    record CalibrationRequest(
            @Schema(description = "RAKING (default) or LINEAR (GREG)", nullable = true) CalibrationMethod method,
            @Schema(description = "COUNT (default): targets are counts of persons; SHARE: shares summing to 1 per "
                    + "question, scaled to the sum of the design weights", nullable = true) MarginTargets targets,
            @Schema(description = "null: keep the own margins and set only the method; []: remove them; otherwise "
                    + "one entry per option of each question calibrated on", nullable = true)
            List<MarginTarget> margins) {
    }

    @GetMapping
    @Operation(summary = "The survey's calibration: method, source, and its own margins on every profile question",
            description = "`method`: RAKING or LINEAR; `targets`: COUNT or SHARE, how the own margins are given; "
                    + "`source`: OWN, WAREHOUSE or NONE, the margins the weights take now; `questions`: each profile "
                    + "question with options, its `variable` (profile field) and each category with its `target` "
                    + "(null where none is given).")
    CalibrationSettings settings(@PathVariable int id, Locale locale) {
        return calibration.settings(id, locale);
    }

    @PutMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Set the calibration method and the survey's own margins",
            description = "Body e.g. `{\"method\": \"LINEAR\", \"targets\": \"SHARE\", \"margins\": [{\"question\": "
                    + "\"sex\", \"category\": \"F\", \"target\": \"0.52\"}, {\"question\": \"sex\", \"category\": "
                    + "\"M\", \"target\": \"0.48\"}]}`. Margins given replace the survey's own and weight the survey "
                    + "to them (instead of a warehouse dataset). Refused with 400 problem+json, nothing saved: every "
                    + "problem in `errors` with its `path` (`margins[3].target`, or `margins` for a question as a "
                    + "whole): an unknown question or category, a target that is not a number or is negative, a "
                    + "category given twice, an option of a given question without a target, shares not summing to "
                    + "1 ± 1e-6, counts of two questions adding up to different totals (`survey.calibration.*`); "
                    + "or margins the weights cannot be calibrated to (`survey.calibration.refused`, with the "
                    + "reason). ADMIN and ANALYST only; audited. Answers the new state, as GET does.")
    CalibrationSettings save(@PathVariable int id, @RequestBody CalibrationRequest request, Locale locale) {
        return calibration.save(id, request.method(), request.targets(), request.margins(), locale);
    }

    @PostMapping(value = "/margins", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Set the survey's own margins from a CSV file",
            description = "`file`: CSV with the header `question,category,target` (',', ';' or tab; UTF-8 or "
                    + "Windows-1251; a decimal comma is read), one line per option of each question calibrated on. "
                    + "Problems as PUT, located by `path` \"file, line, column\". At most 1 MB.")
    CalibrationSettings upload(@PathVariable int id, @RequestPart("file") MultipartFile file,
                               @Parameter(description = "RAKING or LINEAR; omitted: unchanged")
                               @RequestParam(required = false) CalibrationMethod method,
                               @Parameter(description = "COUNT (default) or SHARE")
                               @RequestParam(required = false) MarginTargets targets, Locale locale) {
        return calibration.saveFile(id, method, targets, file.getOriginalFilename(), bytes(file), locale);
    }

    /** The file's content, refused when it is larger than a margins file can be. */
    static byte[] bytes(MultipartFile file) {
        if (file.getSize() > MAX_FILE_BYTES) {
            throw SurveyException.invalid("survey.calibration.file.tooLarge", MAX_FILE_BYTES / 1024);
        }
        try {
            return file.getBytes();
        } catch (IOException e) {
            throw SurveyException.invalid("survey.calibration.file.unreadable");
        }
    }
}
