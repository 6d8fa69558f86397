package kz.agyn.survey;

import java.io.InputStream;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

import kz.agyn.jobs.JobKind;
import kz.agyn.jobs.JobOutcome;
import kz.agyn.jobs.Jobs;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.problems.ProblemMessages;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.survey.internal.ResponseParser;
import kz.agyn.survey.internal.SurveyRepository.ImportRow;
import kz.agyn.survey.internal.SurveyRepository;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Response files in two steps, as warehouse imports: {@link #upload} keeps the file and checks every row,
 * writing no respondent; {@link #accept} writes a clean file's respondents in one transaction. A file whose
 * SHA-256 the survey already holds is recognised and changes nothing, so accepting twice is harmless.
 *
 * <p>Response files are small (a survey's thousands of rows), so the file itself is kept in the database until
 * the decision, and checked again on acceptance against what the survey holds by then. An upload is received
 * into a temporary file first (refused once it passes {@code agyn.surveys.max-file-size}), parsed from there and
 * streamed into the database; acceptance copies it back out to a temporary file to parse it again.
 */
@Service
public class ResponseImportService {

    private static final Logger log = LoggerFactory.getLogger(ResponseImportService.class);
    static final List<Locale> LANGUAGES = List.of(Locale.forLanguageTag("kk"), Locale.forLanguageTag("ru"),
            Locale.ENGLISH);

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final TransactionTemplate transactions;
    private final ProblemMessages problemMessages;
    private final JsonMapper json;
    private final long maxSize;
    private final Uploads uploads;
    private final Jobs jobs;

    public ResponseImportService(SurveyService surveys, SurveyRepository repository, TransactionTemplate transactions,
                                 ProblemMessages problemMessages, JsonMapper json,
                                 @Value("${agyn.surveys.max-file-size:20971520}") long maxSize, Uploads uploads,
                                 Jobs jobs) {
        this.jobs = jobs;
        this.uploads = uploads;
        this.surveys = surveys;
        this.repository = repository;
        this.transactions = transactions;
        this.problemMessages = problemMessages;
        this.json = json;
        this.maxSize = maxSize;
    }

    /**
     * The report as stored: problems untranslated, put into words when read. Reports stored before problems were
     * shared with the other imports named the column by its header in {@code column}; {@link #stored} reads them.
     */
    record StoredReport(List<String> columns, List<Problem> problems) {
    }

    /** The largest response file taken, in bytes ({@code agyn.surveys.max-file-size}). */
    public long maxSize() {
        return maxSize;
    }

    /**
     * Keeps the file and checks it; writes no respondent.
     *
     * @param content the file, read to its end (the caller closes it)
     * @throws UploadTooLargeException past {@link #maxSize()}; nothing is kept then
     */
    public ResponseImportReport upload(int surveyId, String fileName, InputStream content, ResponseMapping mapping,
                                       String user, Locale locale) {
        surveys.survey(surveyId);
        try (Upload file = uploads.receive(content, fileName, maxSize)) {
            return upload(surveyId, file, mapping, user, locale);
        }
    }

    /** As {@link #upload(int, String, InputStream, ResponseMapping, String, Locale)}, from a received file. */
    public ResponseImportReport upload(int surveyId, Upload file, ResponseMapping mapping, String user,
                                       Locale locale) {
        Survey survey = surveys.survey(surveyId);
        if (file.size() > maxSize) {
            throw new UploadTooLargeException(file.name(), maxSize);
        }
        ResponseMapping m = mapping == null ? ResponseMapping.empty() : mapping;
        String sha = file.sha256();
        // A file already written is expected to find its own respondents: it is reported as already imported.
        ResponseParser.Parsed parsed = parse(survey, file.file(), file.name(), m,
                !repository.fileWritten(surveyId, sha));
        UUID id = UUID.randomUUID();
        repository.insertImport(new ImportRow(id, surveyId, file.name(), parsed.format().name(), sha,
                json.writeValueAsString(m), parsed.problemCount() == 0 ? ResponseImportStatus.VALID : ResponseImportStatus.INVALID, (int) parsed.rows(),
                parsed.problemCount(), json.writeValueAsString(new StoredReport(parsed.columns(), parsed.problems())),
                null, user, null), file.file());
        return report(surveyId, id, locale);
    }

    /** Writes a clean file's respondents in one transaction; a file already written changes nothing. */
    public ResponseImportReport accept(int surveyId, UUID importId, String user, Locale locale) {
        ImportRow row = row(surveyId, importId);
        if (row.status() == ResponseImportStatus.ACCEPTED) {
            return report(surveyId, importId, locale);
        }
        if (row.status() != ResponseImportStatus.VALID) {
            throw SurveyException.invalid("survey.import.notAcceptable", row.status());
        }
        Survey survey = surveys.survey(surveyId);
        if (!survey.takesAnswers()) {
            throw new SurveyException(kz.agyn.kernel.UserException.Kind.CONFLICT, "survey.closed", survey.code());
        }
        try (Jobs.Handle job = jobs.start(JobKind.SURVEY_IMPORT, user, Map.of("survey", survey.code(),
                "file", row.fileName(), "import", importId.toString()))) {
            job.phase("WRITING", (long) row.rows());
            String link = "/surveys/" + surveyId;
            try {
                write(survey, row, user);
            } catch (org.springframework.dao.DuplicateKeyException e) {
                // Two acceptances raced: the unique index let one write; the other changes nothing.
                if (!repository.fileWritten(surveyId, row.sha256())) {
                    job.failed(JobOutcome.of("jobs.outcome.importRefused", row.fileName(), "survey.import.changed")
                            .linkedTo(link));
                    throw SurveyException.invalid("survey.import.changed");
                }
                repository.accepted(importId, 0);
            } catch (SurveyException e) {
                job.failed(JobOutcome.of("jobs.outcome.importRefused", row.fileName(), e.code()).linkedTo(link));
                throw e;
            }
            Integer written = row(surveyId, importId).written();
            job.done(written == null ? 0 : written);
            job.succeeded(JobOutcome.of("jobs.outcome.surveyWritten", row.fileName(), written == null ? 0 : written,
                    survey.code()).linkedTo(link));
        }
        return report(surveyId, importId, locale);
    }

    private void write(Survey survey, ImportRow row, String user) {
        int surveyId = survey.id();
        UUID importId = row.id();
        transactions.executeWithoutResult(status -> {
            if (repository.fileWritten(surveyId, row.sha256())) {
                repository.accepted(importId, 0);
                return;
            }
            ResponseMapping mapping = json.readValue(row.mappingJson(), ResponseMapping.class);
            ResponseParser.Parsed parsed;
            // The limit is the one in force now: a file kept before it was lowered is refused, not read whole.
            try (Upload file = repository.readImportContent(importId, in -> uploads.receive(in, row.fileName(),
                    maxSize))) {
                parsed = parse(survey, file.file(), row.fileName(), mapping, true);
            }
            if (parsed.problemCount() > 0) {
                // Another file or the form added one of these respondents since the check: write none of them.
                throw SurveyException.invalid("survey.import.changed");
            }
            int written = repository.insertResponses(surveyId, "IMPORT", importId,
                    repository.questions(survey.questionnaireId()), parsed.responses());
            repository.accepted(importId, written);
            log.info("Response import {} accepted by {}: {} respondents into survey {}", importId, user, written,
                    survey.code());
        });
    }

    public ResponseImportReport report(int surveyId, UUID importId, Locale locale) {
        ImportRow r = row(surveyId, importId);
        StoredReport stored = stored(r.reportJson());
        List<ResponseProblem> problems = stored.problems().stream().map(p -> {
            Map<String, String> all = new LinkedHashMap<>();
            for (Locale l : LANGUAGES) {
                all.put(l.getLanguage(), problemMessages.message(p, l));
            }
            return new ResponseProblem(problemMessages.shown(p, locale), all);
        }).toList();
        boolean already = r.status() == ResponseImportStatus.ACCEPTED ? r.written() != null && r.written() == 0
                : repository.fileWritten(surveyId, r.sha256());
        return new ResponseImportReport(r.id(), r.surveyId(), r.fileName(), r.format(), r.sha256(), r.status(),
                r.rows(), r.problemCount(), problems, stored.columns(), r.written(), already, r.createdAt());
    }

    private ResponseParser.Parsed parse(Survey survey, Path file, String name, ResponseMapping mapping,
                                        boolean checkExisting) {
        List<Question> questions = repository.questions(survey.questionnaireId());
        return new ResponseParser(questions, ids -> checkExisting ? repository.existingExternalIds(survey.id(), ids)
                : java.util.Set.of())
                .requireDesign(designColumns(repository.design(survey.id())))
                .requireReplicates(repository.design(survey.id()).replicated())
                .parse(file, name, mapping);
    }

    /** The columns the declared design needs in every row (see SurveyDesignDeclaration). */
    static List<String> designColumns(SurveyDesignDeclaration d) {
        List<String> columns = new java.util.ArrayList<>();
        if (d.strata()) {
            columns.add("stratum");
        }
        if (d.stages() >= 1) {
            columns.add("psu");
        }
        if (d.stages() == 2) {
            columns.add("ssu");
        }
        if (d.fpc()) {
            columns.add("fpc1");
            if (d.stages() == 2) {
                columns.add("fpc2");
            }
        }
        return columns;
    }

    private ImportRow row(int surveyId, UUID importId) {
        return repository.findImport(importId).filter(r -> r.surveyId() == surveyId)
                .orElseThrow(() -> SurveyException.notFound("survey.import.notFound", importId));
    }

    private StoredReport stored(String reportJson) {
        if (reportJson == null) {
            return new StoredReport(List.of(), List.of());
        }
        JsonNode report = json.readTree(reportJson);
        for (JsonNode problem : report.path("problems")) {
            if (problem instanceof ObjectNode p && p.path("column").isString()) {
                p.set("columnName", p.get("column"));
                p.put("column", 0);
            }
        }
        return json.treeToValue(report, StoredReport.class);
    }

    static String sha256(byte[] content) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(content));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
