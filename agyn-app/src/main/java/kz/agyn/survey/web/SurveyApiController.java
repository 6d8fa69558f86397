package kz.agyn.survey.web;

import java.time.OffsetDateTime;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

import io.swagger.v3.oas.annotations.Operation;
import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.tags.Tag;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.survey.CrossTable;
import kz.agyn.survey.FormService;
import kz.agyn.survey.NewSurvey;
import kz.agyn.survey.SurveyCreationService;
import kz.agyn.survey.SurveyDesignDeclaration;
import kz.agyn.survey.SurveyDesignService;
import kz.agyn.survey.Estimates;
import kz.agyn.survey.MarginService;
import kz.agyn.survey.MarginSources;
import kz.agyn.survey.Question;
import kz.agyn.survey.ResponseImportReport;
import kz.agyn.survey.ResponseImportService;
import kz.agyn.survey.ResponseMapping;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyException;
import kz.agyn.survey.SurveyLink;
import kz.agyn.survey.SurveyLinks;
import kz.agyn.survey.SurveyService;
import kz.agyn.survey.WaveChanges;
import org.springframework.http.MediaType;
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
import org.springframework.web.bind.annotation.RequestPart;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.multipart.MultipartFile;
import org.springframework.web.servlet.support.ServletUriComponentsBuilder;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.json.JsonMapper;

@RestController
@RequestMapping("/api/v1/surveys")
@Tag(name = "Surveys", description = "Questionnaires, response imports and weighted estimates")
class SurveyApiController {

    private final SurveyService surveys;
    private final ResponseImportService imports;
    private final MarginService margins;
    private final JsonMapper json;
    private final SurveyCreationService creation;
    private final Uploads uploads;
    private final FormService forms;
    private final SurveyDesignService designs;

    SurveyApiController(SurveyService surveys, ResponseImportService imports, MarginService margins,
                        JsonMapper json, SurveyCreationService creation, Uploads uploads,
                        FormService forms, SurveyDesignService designs) {
        this.surveys = surveys;
        this.designs = designs;
        this.forms = forms;
        this.uploads = uploads;
        this.creation = creation;
        this.imports = imports;
        this.margins = margins;
        this.json = json;
    }

    @GetMapping
    @Operation(summary = "Surveys", description = "`synthetic` marks generated demonstration data.")
    List<Survey> list() {
        return surveys.surveys();
    }

    @PostMapping(consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Create a survey (a wave of a questionnaire version)",
            description = "Body: `code` (lower-case letters, digits, `.`, `_`, `-`; unique), `titleKk`, `titleRu`, "
                    + "`titleEn`, `wave` (e.g. 2026), optional `questionnaire` and `questionnaireVersion` (default: "
                    + "the latest version of the standard instrument migration-intentions), optional "
                    + "`marginDataset` with `marginPeriod` (a warehouse dataset holding POP_YOUNG_SPECIALISTS; "
                    + "omitted: the demonstration survey's warehouse margins when the questionnaire has profile "
                    + "questions for them, else none; \"\": none), or instead `previousWave`: the code of the survey "
                    + "this is the next wave of, weighted to its own margins, whose margins, calibration method and "
                    + "kind of targets the new survey takes (same questionnaire; margins of a profile question the "
                    + "new version asks with other options are left behind). Never synthetic. Answers 201 with Location "
                    + "and the survey; 400 problem+json listing every problem in `errors` (`path`, `code`, "
                    + "`message`) when refused, and nothing is written. ADMIN and ANALYST only; audited.")
    ResponseEntity<Survey> create(@RequestBody NewSurvey survey, Authentication auth) {
        Survey created = creation.create(survey, auth.getName());
        return ResponseEntity.created(ServletUriComponentsBuilder.fromCurrentRequestUri().path("/{id}")
                .buildAndExpand(created.id()).toUri()).body(created);
    }

    @GetMapping("/{id}")
    @Operation(summary = "A survey", description = "`respondents`: how many are stored; `synthetic` marks "
            + "generated demonstration data.")
    Survey survey(@PathVariable int id) {
        return surveys.survey(id);
    }

    @GetMapping("/{id}/questions")
    @Operation(summary = "A survey's questions with their options in kk, ru and en")
    List<Question> questions(@PathVariable int id) {
        return surveys.questions(id);
    }

    @GetMapping("/{id}/estimates")
    @Operation(summary = "Weighted shares with 95% intervals and ranks",
            description = "Design weights raked to the survey's population margins; variances by linearization "
                    + "under the declared design (see /design), accounting for the raking. For each option: `share`, "
                    + "`ciLow`, `ciHigh` (always within [0, 1]), `n` (unweighted), `rank`, `rankProbability` (the "
                    + "probability that the rank is right), `standardError`, `designEffect`, `effectiveSampleSize`, "
                    + "`degreesOfFreedom` and `weightedTotal`. `intervals` states how the intervals were made "
                    + "(`method`, `level`, `degreesOfFreedom`, and a `statement` such as \"95% logit interval, 187 "
                    + "degrees of freedom\"); `base` states who the shares are of (`answered`, `skipped`, and for a "
                    + "multiple-choice question `chosenNone`, who answered none of the options and are in the "
                    + "base). For a ranking question (e.g. `reasons_main`) the share is that of "
                    + "respondents who put the option first. `by`: age_group, sex, region, education, occupation, "
                    + "sector or studied_abroad; groups and cells of fewer than 10 respondents are suppressed.")
    Estimates estimates(@PathVariable int id, @RequestParam String question,
                        @RequestParam(required = false) String by, Locale locale) {
        return surveys.estimates(id, question, by, locale);
    }

    @GetMapping("/{id}/crosstab")
    @Operation(summary = "Cross-tabulation of two questions with a design-based chi-square test",
            description = "Two single-choice, Likert or ranking questions (a ranking question by its first rank); "
                    + "profile questions (age_group, sex, region, education, occupation, sector, studied_abroad) "
                    + "count as questions. Over the respondents who answered both: for each cell the weighted "
                    + "`share` with its interval (`intervals`: the survey's method, level, the degrees of freedom "
                    + "of those who answered both and the `statement` in the caller's language), `rowShare` (row %), `columnShare` (column %) and `n` "
                    + "(unweighted); cells and totals of fewer than 10 respondents are suppressed (shares null). "
                    + "`test`: Pearson's `chiSquare` of the weighted table with `degreesOfFreedom`, and the "
                    + "design correction `RAO_SCOTT_SECOND_ORDER_F` (R's svychisq default): `statistic` (F), "
                    + "`numeratorDf`, `denominatorDf`, `pValue`, `significant` at 5%; also the first-order "
                    + "Rao–Scott `firstOrderChiSquare` and `firstOrderPValue`. 400 for a question that is not "
                    + "single-choice or the same question twice, 404 for an unknown question or survey.")
    CrossTable crossTable(@PathVariable int id,
                          @Parameter(description = "row question code, e.g. intend_leave") @RequestParam String row,
                          @Parameter(description = "column question code, e.g. education") @RequestParam
                          String column, Locale locale) {
        return surveys.crossTable(id, row, column, locale);
    }

    @GetMapping("/{id}/compare")
    @Operation(summary = "Change of a question's shares between two waves of the same questionnaire",
            description = "For each option: `share` in survey {id}, `withShare` in the survey `with`, "
                    + "`difference` = share − withShare, its 95% interval `ciLow`–`ciHigh`, the two-sided "
                    + "`pValue`, `adjustedPValue` (Holm, over the question's options) and `significant` (adjusted "
                    + "p-value below 0.05). The waves are independent samples, each weighted to "
                    + "its own margins. `intervalMethod` (`WALD_DIFFERENCE`: normal approximation) and "
                    + "`intervalStatement` say how the intervals are made. 400 when the surveys are of different questionnaires or the same survey.")
    WaveChanges compare(@PathVariable int id,
                        @Parameter(description = "id of the other wave") @RequestParam("with") int with,
                        @Parameter(description = "question code, e.g. reasons_main") @RequestParam String question,
                        Locale locale) {
        return surveys.compare(id, with, question, locale);
    }

    @GetMapping("/{id}/design")
    @Operation(summary = "The survey's declared sample design and interval method",
            description = "`strata`: respondents carry a `stratum`; `stages`: 0 (respondents drawn one by one), 1 "
                    + "(clusters: `psu`) or 2 (clusters then units: `psu`, `ssu`); `fpc`: population sizes are given "
                    + "(`fpc1`: PSUs in the stratum's population; `fpc2`: units in the PSU's population), otherwise "
                    + "the first stage counts as drawn with replacement; `intervals`: LOGIT (default, R's "
                    + "svyciprop), WALD (clipped to [0, 1]) or BETA (Korn–Graubard). The respondents' values come "
                    + "with the response import as columns of those names. `replicates` (null: none): replicate "
                    + "weights instead of strata and clusters, R's svrepdesign with combined weights — `type` JK1, "
                    + "JKN, BOOTSTRAP, BRR or FAY; `scale` and `rscales` (null: R's defaults for the type; JKn's "
                    + "rscales, when null, from the declared `stratum` and `psu`); `mse` (centre on the full-sample "
                    + "estimate); `rho` (Fay only). The weights come as columns `repw_1` … `repw_R` (decision 0048).")
    SurveyDesignDeclaration design(@PathVariable int id) {
        return surveys.design(id);
    }

    /**
     * A design as the API is sent it: checked here rather than while the JSON is read, so that a bad value is told
     * with its field in the user's language, not as an unreadable body.
     */
    record DesignRequest(Boolean strata, Integer stages, Boolean fpc, String intervals, Double trimLower,
                         Double trimUpper, ReplicateRequest replicates) {

        SurveyDesignDeclaration declaration() {
            kz.agyn.survey.estimation.IntervalMethod method = intervals == null
                    ? kz.agyn.survey.estimation.IntervalMethod.LOGIT
                    : java.util.Arrays.stream(kz.agyn.survey.estimation.IntervalMethod.values())
                    .filter(m -> m.name().equals(intervals)).findFirst()
                    .orElseThrow(() -> kz.agyn.survey.SurveyException.invalid("survey.design.badIntervals",
                            intervals));
            return new SurveyDesignDeclaration(Boolean.TRUE.equals(strata), stages == null ? 0 : stages,
                    Boolean.TRUE.equals(fpc), method, trimLower, trimUpper,
                    replicates == null ? null : replicates.declaration());
        }
    }

    /** The replicate part of {@link DesignRequest}; {@code type} a name of {@code ReplicateType}. */
    record ReplicateRequest(String type, Double scale, List<Double> rscales, Boolean mse, Double rho) {

        kz.agyn.survey.ReplicateDeclaration declaration() {
            kz.agyn.survey.estimation.ReplicateType t = java.util.Arrays.stream(
                            kz.agyn.survey.estimation.ReplicateType.values())
                    .filter(x -> x.name().equalsIgnoreCase(String.valueOf(type))
                            || x.rName().equalsIgnoreCase(String.valueOf(type))).findFirst()
                    .orElseThrow(() -> kz.agyn.survey.SurveyException.invalid("survey.replicates.badType",
                            type == null ? "—" : type));
            return new kz.agyn.survey.ReplicateDeclaration(t, scale, rscales, Boolean.TRUE.equals(mse), rho);
        }
    }

    @PutMapping(value = "/{id}/design", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Declare the survey's sample design and interval method",
            description = "Body as GET answers, e.g. `{\"strata\": true, \"stages\": 2, \"fpc\": true, "
                    + "\"intervals\": \"LOGIT\"}` or `{\"replicates\": {\"type\": \"JK1\"}}`. Refused with 400 "
                    + "problem+json when stored respondents lack a declared variable (`survey.design.missingValue`, "
                    + "also for `repw_1`) or the design cannot be estimated, e.g. a stratum with a single PSU "
                    + "(`survey.design.invalid`), replicate weights of different counts, a single replicate, rscales "
                    + "not one per replicate, JKn without rscales or strata, or a replicate that cannot be calibrated "
                    + "to the margins (`survey.replicates.*`); nothing is saved then. ADMIN and ANALYST only; "
                    + "audited. Answers the new declaration.")
    SurveyDesignDeclaration declareDesign(@PathVariable int id, @RequestBody DesignRequest declaration) {
        return designs.declare(id, declaration.declaration());
    }

    @GetMapping("/{id}/margins")
    @Operation(summary = "Where the survey's weights take their population margins from, and the choices",
            description = "`current.kind`: OWN (the survey's own margins), WAREHOUSE (`dataset` and `period` of "
                    + "the indicator warehouse, with the dataset's `title`, `publisher`, current `version` and "
                    + "`synthetic` flag) or NONE (no margins: design weights as they are). `ownMargins` tells "
                    + "whether the survey has margins of its own to go back to. `choices`: the warehouse datasets "
                    + "holding the margin indicator POP_YOUNG_SPECIALISTS, each with the `periods` it holds, "
                    + "latest first.")
    MarginSources margins(@PathVariable int id) {
        return margins.sources(id);
    }

    @PutMapping(value = "/{id}/margins", consumes = MediaType.APPLICATION_JSON_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Choose the population margins the survey's weights are raked to",
            description = "`{\"dataset\": \"synthetic-population\", \"period\": \"2024\"}` weights the survey "
                    + "to that dataset's young specialists of 2024; `{\"dataset\": null}` goes back to the "
                    + "survey's own margins, or, when it has none, to its design weights unraked. The choice is tried with the raking the estimates use before it is "
                    + "saved; nothing is saved when it is refused with 400 problem+json (`code` says why): an "
                    + "unknown dataset (`survey.margins.choice.noDataset`), a period without margin figures "
                    + "(`survey.margins.warehouse.empty`), a category respondents gave that the dataset does not "
                    + "count (`survey.margins.warehouse.categoryAbsent`), margins the weights cannot be raked to "
                    + "(`survey.margins.choice.rakingWarehouse`, `survey.margins.choice.rakingOwn`). ADMIN and "
                    + "ANALYST only; the "
                    + "change is audited. Answers the new state, as GET does.")
    MarginSources chooseMargins(@PathVariable int id, @RequestBody MarginChoice choice) {
        return margins.choose(id, choice.dataset(), choice.period());
    }

    @PostMapping(value = "/{id}/responses/imports", consumes = MediaType.MULTIPART_FORM_DATA_VALUE)
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Upload and check a response file (CSV or XLSX)",
            description = "Writes nothing; answers the report with its id. `mapping`: optional JSON, e.g. "
                    + "{\"columns\":{\"reasons_main\":\"Main reason\"},\"idColumn\":\"Response ID\","
                    + "\"charset\":\"windows-1251\"}. Columns are question codes by default; options are given by "
                    + "code or by their text in kk, ru or en. A file larger than agyn.surveys.max-file-size (20 MB "
                    + "by default) is refused with 413 problem+json (`code` upload.tooLarge, `limit` in bytes).")
    ResponseImportReport upload(@PathVariable int id, @RequestPart("file") MultipartFile file,
                                @Parameter(description = "mapping as JSON") @RequestParam(required = false)
                                String mapping, Authentication auth, Locale locale) {
        ResponseMapping m = parse(mapping);
        try (Upload received = uploads.receive(file, imports.maxSize())) {
            return imports.upload(id, received, m, auth.getName(), locale);
        }
    }

    @GetMapping("/{id}/responses/imports/{importId}")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "An import's report")
    ResponseImportReport report(@PathVariable int id, @PathVariable UUID importId, Locale locale) {
        return imports.report(id, importId, locale);
    }

    @PostMapping("/{id}/responses/imports/{importId}/accept")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Write a clean file's respondents",
            description = "One transaction. A file the survey already holds (same SHA-256) changes nothing.")
    ResponseImportReport accept(@PathVariable int id, @PathVariable UUID importId, Authentication auth,
                                Locale locale) {
        return imports.accept(id, importId, auth.getName(), locale);
    }

    /** How many links to issue and for how long; both optional. */
    record LinkRequest(Integer count, Integer days) {
    }

    /** A link just issued: its address, shown this once. */
    record IssuedLinkAnswer(long id, String url, OffsetDateTime expiresAt) {
    }

    /** How many links a revocation reached. */
    record Revoked(int revoked) {
    }

    @GetMapping("/{id}/links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "The survey's one-time form links",
            description = "Counts by state (`open`, `used`, `expired` unused, `revoked`) and the latest 200 links, "
                    + "newest first: `id`, `hint` (the token's first characters; the token itself is never stored), "
                    + "`createdAt`, `createdBy`, `expiresAt`, `usedAt`, `revokedAt`, `revokedBy` and `state` (OPEN, "
                    + "USED, EXPIRED, REVOKED). `defaultDays` and `maxDays` say how long a link lasts.")
    SurveyLinks links(@PathVariable int id) {
        return forms.links(id);
    }

    @PostMapping("/{id}/links")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Issue one-time form links",
            description = "Body (all optional): `count` (1 to 500, default 1), `days` each link stays usable (1 to "
                    + "365, default agyn.surveys.links.default-days, 30). Answers 201 with each link's `id`, `url` and "
                    + "`expiresAt`: the only time the addresses are given out. A respondent opening an expired or "
                    + "revoked link gets a page saying so, with 410 Gone.")
    ResponseEntity<List<IssuedLinkAnswer>> issueLinks(@PathVariable int id,
                                                      @RequestBody(required = false) LinkRequest body,
                                                      Authentication auth) {
        LinkRequest r = body == null ? new LinkRequest(null, null) : body;
        List<IssuedLinkAnswer> issued = forms.issue(id, r.count() == null ? 1 : r.count(), r.days(), auth.getName())
                .stream().map(l -> new IssuedLinkAnswer(l.id(), ServletUriComponentsBuilder.fromCurrentContextPath()
                        .path("/s/{token}").buildAndExpand(l.token()).toUriString(), l.expiresAt())).toList();
        return ResponseEntity.status(201).body(issued);
    }

    @PostMapping("/{id}/links/{linkId}/revoke")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Revoke one link",
            description = "The link takes no answers from now on; answers sent through it before are kept. Answers "
                    + "the link (state REVOKED). Revoking it again changes nothing; 409 for a link already used, 404 "
                    + "for a link the survey does not have.")
    SurveyLink revokeLink(@PathVariable int id, @PathVariable long linkId, Authentication auth) {
        return forms.revoke(id, linkId, auth.getName());
    }

    @PostMapping("/{id}/links/revoke-open")
    @PreAuthorize("hasAnyRole('ADMIN', 'ANALYST')")
    @Operation(summary = "Revoke every open link of the survey",
            description = "Every link not used, not revoked and not expired stops taking answers, as when a wave "
                    + "closes or links leaked. Answers how many were revoked.")
    Revoked revokeOpenLinks(@PathVariable int id, Authentication auth) {
        return new Revoked(forms.revokeOpen(id, auth.getName()));
    }

    private ResponseMapping parse(String mapping) {
        if (mapping == null || mapping.isBlank()) {
            return ResponseMapping.empty();
        }
        try {
            return json.readValue(mapping, ResponseMapping.class);
        } catch (JacksonException e) {
            throw SurveyException.invalid("survey.import.badMapping");
        }
    }
}
