package kz.agyn.survey;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.kernel.UserException;
import kz.agyn.platform.problems.Problem;
import kz.agyn.platform.upload.Upload;
import kz.agyn.platform.upload.UploadTooLargeException;
import kz.agyn.platform.upload.Uploads;
import kz.agyn.reference.Names;
import kz.agyn.survey.internal.SurveyRepository;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;
import tools.jackson.core.JacksonException;
import tools.jackson.core.TokenStreamLocation;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Questionnaire definitions: listed, read as JSON, and uploaded as a new questionnaire or as the next version of
 * one.
 *
 * <p>Versions are immutable: answers refer to the question and option rows of the version the respondent saw,
 * so a change of wording is always a new version, and nothing here updates or deletes one. An upload identical
 * to the latest version adds nothing, so that uploading the same file twice does not split the surveys of one
 * wording over two versions (waves can only be compared within one version).
 */
@Service
public class QuestionnaireService {

    /** The audit log's subject type for a questionnaire version; the subject id is its row id. */
    public static final String AUDIT_SUBJECT = "QUESTIONNAIRE";

    /**
     * Larger than any sensible questionnaire (the standard one is 20 kB), small enough for its JSON tree to be
     * held in memory once read; 1 MB, below the container's 2 MB form limit so that a pasted text over it gets
     * this limit's message.
     */
    public static final int MAX_BYTES = 1 << 20;

    private final SurveyRepository repository;
    private final JsonMapper json;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    private final Uploads uploads;

    QuestionnaireService(SurveyRepository repository, JsonMapper json, AuditLog audit,
                         TransactionTemplate transactions, Uploads uploads) {
        this.repository = repository;
        this.uploads = uploads;
        this.json = json;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** Every questionnaire with its versions, by code. */
    public List<Questionnaire> questionnaires() {
        Map<String, List<QuestionnaireVersion>> byCode = new LinkedHashMap<>();
        for (QuestionnaireVersion v : repository.questionnaireVersions()) {
            byCode.computeIfAbsent(v.code(), k -> new ArrayList<>()).add(v);
        }
        List<Questionnaire> out = new ArrayList<>();
        byCode.forEach((code, versions) -> out.add(new Questionnaire(code, versions)));
        return out;
    }

    public QuestionnaireVersion version(String code, int version) {
        return repository.questionnaireVersions().stream()
                .filter(v -> v.code().equals(code) && v.version() == version).findFirst()
                .orElseThrow(() -> SurveyException.notFound("survey.questionnaire.notFound", code, version));
    }

    /** The version's questions with their options and ids, for pages. */
    public List<Question> questions(String code, int version) {
        return repository.questions(id(code, version));
    }

    /** The version as its JSON definition, which uploads take back. */
    public QuestionnaireDefinition definition(String code, int version) {
        QuestionnaireVersion v = version(code, version);
        int id = id(code, version);
        return definition(v, repository.sections(id), repository.questions(id));
    }

    private int id(String code, int version) {
        return repository.questionnaireId(code, version)
                .orElseThrow(() -> SurveyException.notFound("survey.questionnaire.notFound", code, version));
    }

    private static QuestionnaireDefinition definition(QuestionnaireVersion v, List<SurveyRepository.SectionRow> sections,
                                                      List<Question> questions) {
        List<QuestionnaireDefinition.Item> items = new ArrayList<>();
        for (Question q : questions) {
            ShowIf rule = q.showIf();
            items.add(new QuestionnaireDefinition.Item(q.code(), q.type().name(), q.required(), q.maxLength(),
                    q.profileField(), q.text().kk(), q.text().ru(), q.text().en(), q.options().stream()
                    .map(o -> new QuestionnaireDefinition.Option(o.code(), o.text().kk(), o.text().ru(),
                            o.text().en(), o.none() ? Boolean.TRUE : null)).toList(), q.section(), rule == null ? null
                    : new QuestionnaireDefinition.ShowIfItem(rule.question(),
                            rule.mode() == ShowIf.Mode.ANY_OF ? rule.options() : null,
                            rule.mode() == ShowIf.Mode.NONE_OF ? rule.options() : null)));
        }
        return new QuestionnaireDefinition(v.code(), v.version(), v.title().kk(), v.title().ru(), v.title().en(),
                sections.stream().map(s -> new QuestionnaireDefinition.SectionItem(s.code(), s.title().kk(),
                        s.title().ru(), s.title().en())).toList(), items);
    }

    /**
     * As {@link #upload(Upload, String)}, from a stream (a request body, a pasted text): received into a
     * temporary file first, and refused with {@link UploadTooLargeException} past {@value #MAX_BYTES} bytes.
     *
     * @param name the file's name, or null for a pasted text or a request body
     */
    public QuestionnaireUpload upload(InputStream content, String name, String user) {
        try (Upload file = uploads.receive(content, name, MAX_BYTES)) {
            return upload(file, user);
        }
    }

    /**
     * Checks an uploaded definition and stores it as version 1 of a new questionnaire, or as the next version of
     * an existing one, in one transaction.
     *
     * @throws UploadTooLargeException past {@value #MAX_BYTES} bytes
     * @throws InvalidFieldsException  every problem with its JSON path, when the text is not JSON or the
     *                                 definition is not valid; nothing is written then
     */
    public QuestionnaireUpload upload(Upload file, String user) {
        if (file.size() > MAX_BYTES) {
            throw new UploadTooLargeException(file.name(), MAX_BYTES);
        }
        QuestionnaireReader.Result read;
        try (InputStream in = file.open()) {
            read = read(in, json);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        if (read == null) {
            throw invalid(Problem.inField("", "survey.definition.empty"));
        }
        if (!read.problems().isEmpty()) {
            throw new InvalidFieldsException("survey.definition.invalid", read.problems());
        }
        QuestionnaireDefinition d = read.definition().withVersion(null);
        try {
            return transactions.execute(status -> store(d, user));
        } catch (DuplicateKeyException e) {
            // Another upload of the same code took this version number between our read and our insert.
            throw new SurveyException(UserException.Kind.CONFLICT, "survey.definition.concurrent", d.code());
        }
    }

    private QuestionnaireUpload store(QuestionnaireDefinition d, String user) {
        Integer latest = repository.latestVersion(d.code()).orElse(null);
        if (latest != null && definition(d.code(), latest).withVersion(null).equals(d)) {
            return new QuestionnaireUpload(d.code(), latest, false, d.questions().size());
        }
        int version = latest == null ? 1 : latest + 1;
        int id = repository.insertQuestionnaire(d.code(), version, new Names(d.titleKk(), d.titleRu(), d.titleEn()),
                d.sections(), d.questions());
        audit.record(AuditAction.CREATE, AUDIT_SUBJECT, (long) id, 0, "questionnaire " + d.code() + " version "
                + version + " uploaded by " + user + " (" + d.questions().size() + " questions)");
        return new QuestionnaireUpload(d.code(), version, true, d.questions().size());
    }

    /**
     * Reads a definition: its JSON (UTF-8, a byte-order mark allowed, as some Windows editors save one) and what
     * is wrong with it. Null when there is nothing but white space.
     *
     * @throws InvalidFieldsException when the text is not JSON, with the line and column where it stops being so
     */
    static QuestionnaireReader.Result read(InputStream content, JsonMapper json) throws IOException {
        java.io.PushbackInputStream in = new java.io.PushbackInputStream(content, 3);
        byte[] bom = in.readNBytes(3);
        if (!(bom.length == 3 && (bom[0] & 0xFF) == 0xEF && (bom[1] & 0xFF) == 0xBB && (bom[2] & 0xFF) == 0xBF)) {
            in.unread(bom);
        }
        JsonNode root;
        try {
            root = json.readTree(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (JacksonException e) {
            TokenStreamLocation at = e.getLocation();
            throw invalid(Problem.inField("", "survey.definition.notJson", at == null ? 0 : at.getLineNr(),
                    at == null ? 0 : at.getColumnNr()));
        }
        if (root == null || root.isMissingNode()) {
            return null;
        }
        return QuestionnaireReader.read(root);
    }

    private static InvalidFieldsException invalid(Problem p) {
        return new InvalidFieldsException("survey.definition.invalid", List.of(p));
    }
}
