package kz.agyn.survey.internal;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

import kz.agyn.reference.Names;
import kz.agyn.survey.Question;
import kz.agyn.survey.QuestionType;
import kz.agyn.survey.QuestionnaireDefinition;
import kz.agyn.survey.QuestionnaireVersion;
import kz.agyn.survey.Response;
import kz.agyn.survey.ShowIf;
import kz.agyn.survey.ResponseImportStatus;
import kz.agyn.survey.Survey;
import kz.agyn.survey.SurveyOption;
import org.springframework.jdbc.core.JdbcTemplate;
import org.springframework.jdbc.core.simple.JdbcClient;
import org.springframework.stereotype.Repository;

/** SQL of the survey tables (V9__survey.sql). */
@Repository
public class SurveyRepository {

    private static final String SURVEY = """
            SELECT s.*, q.code AS q_code, q.version AS q_version,
                   (SELECT count(*) FROM survey_respondent r WHERE r.survey_id = s.id) AS respondents
            FROM survey s JOIN survey_questionnaire q ON q.id = s.questionnaire_id""";

    private final JdbcClient jdbc;
    private final JdbcTemplate template;

    public SurveyRepository(JdbcClient jdbc, JdbcTemplate template) {
        this.jdbc = jdbc;
        this.template = template;
    }

    /** A respondent as the estimates need them: profile and design weight. */
    public record RespondentRow(long id, Map<String, String> profile, double weight,
                                kz.agyn.survey.DesignValues design) {

        public RespondentRow(long id, Map<String, String> profile, double weight) {
            this(id, profile, weight, kz.agyn.survey.DesignValues.NONE);
        }

    }

    /** One stored answer row. */
    public record AnswerRow(long respondentId, String option, Integer rank, Double number, String text) {
    }

    /** A response file awaiting a decision; its content is read apart, by {@link #readImportContent}. */
    public record ImportRow(UUID id, int surveyId, String fileName, String format, String sha256,
                            String mappingJson, ResponseImportStatus status, int rows, int problemCount, String reportJson,
                            Integer written, String createdBy, OffsetDateTime createdAt) {
    }

    public List<Survey> surveys() {
        return jdbc.sql(SURVEY + " ORDER BY s.id").query(SurveyRepository::survey).list();
    }

    public Optional<Survey> survey(int id) {
        return jdbc.sql(SURVEY + " WHERE s.id = ?").param(id).query(SurveyRepository::survey).optional();
    }

    public Optional<Survey> survey(String code) {
        return jdbc.sql(SURVEY + " WHERE s.code = ?").param(code).query(SurveyRepository::survey).optional();
    }

    public Optional<Integer> questionnaireId(String code, int version) {
        return jdbc.sql("SELECT id FROM survey_questionnaire WHERE code = ? AND version = ?").params(code, version)
                .query(Integer.class).optional();
    }

    /** The latest version of a questionnaire, if it exists. */
    public Optional<Integer> latestVersion(String code) {
        return jdbc.sql("SELECT version FROM survey_questionnaire WHERE code = ? ORDER BY version DESC LIMIT 1")
                .param(code).query(Integer.class).optional();
    }

    /** Every questionnaire version with its question count and the surveys fielded with it, by code and version. */
    public List<QuestionnaireVersion> questionnaireVersions() {
        Map<Integer, List<String>> surveys = new HashMap<>();
        jdbc.sql("SELECT questionnaire_id, code FROM survey ORDER BY id").query(rs -> {
            surveys.computeIfAbsent(rs.getInt(1), k -> new ArrayList<>()).add(rs.getString(2));
        });
        return jdbc.sql("""
                SELECT q.*, (SELECT count(*) FROM survey_question x WHERE x.questionnaire_id = q.id) AS questions
                FROM survey_questionnaire q ORDER BY q.code, q.version""")
                .query((rs, i) -> new QuestionnaireVersion(rs.getString("code"), rs.getInt("version"),
                        names(rs, "title"), rs.getInt("questions"),
                        surveys.getOrDefault(rs.getInt("id"), List.of())))
                .list();
    }

    /**
     * Writes a new questionnaire version with its questions and options, positions following the list order;
     * the caller holds the transaction. Returns the version's id.
     */
    public int insertQuestionnaire(String code, int version, Names title,
                                   List<QuestionnaireDefinition.SectionItem> sections,
                                   List<QuestionnaireDefinition.Item> items) {
        int id = jdbc.sql("""
                INSERT INTO survey_questionnaire (code, version, title_kk, title_ru, title_en)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(code, version, title.kk(), title.ru(), title.en()).query(Integer.class).single();
        for (int k = 0; k < sections.size(); k++) {
            QuestionnaireDefinition.SectionItem section = sections.get(k);
            jdbc.sql("""
                    INSERT INTO survey_section (questionnaire_id, code, position, title_kk, title_ru, title_en)
                    VALUES (?, ?, ?, ?, ?, ?)""")
                    .params(id, section.code(), k + 1, section.titleKk(), section.titleRu(), section.titleEn())
                    .update();
        }
        List<Object[]> options = new ArrayList<>();
        for (int i = 0; i < items.size(); i++) {
            QuestionnaireDefinition.Item q = items.get(i);
            QuestionnaireDefinition.ShowIfItem rule = q.showIf();
            int questionId = jdbc.sql("""
                    INSERT INTO survey_question (questionnaire_id, code, type, text_kk, text_ru, text_en, required,
                        position, max_length, profile_field, section, show_if_question, show_if_mode,
                        show_if_options) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                    .params(id, q.code(), q.type(), q.textKk(), q.textRu(), q.textEn(), q.required(), i + 1,
                            q.maxLength(), q.profileField(), q.section(), rule == null ? null : rule.question(),
                            rule == null ? null : rule.anyOf() != null ? "ANY_OF" : "NONE_OF",
                            rule == null ? null : (rule.anyOf() != null ? rule.anyOf() : rule.noneOf())
                                    .toArray(String[]::new))
                    .query(Integer.class).single();
            for (int k = 0; k < q.options().size(); k++) {
                QuestionnaireDefinition.Option o = q.options().get(k);
                options.add(new Object[] {questionId, o.code(), o.textKk(), o.textRu(), o.textEn(), k + 1,
                        o.isNone()});
            }
        }
        template.batchUpdate("""
                INSERT INTO survey_option (question_id, code, text_kk, text_ru, text_en, position, none_of_these)
                VALUES (?, ?, ?, ?, ?, ?, ?)""", options);
        return id;
    }

    public int createSurvey(String code, int questionnaireId, Names title, String wave, boolean synthetic,
                            String marginSource) {
        return jdbc.sql("""
                INSERT INTO survey (code, questionnaire_id, title_kk, title_ru, title_en, wave, synthetic,
                                    margin_source) VALUES (?, ?, ?, ?, ?, ?, ?, ?) RETURNING id""")
                .params(code, questionnaireId, title.kk(), title.ru(), title.en(), wave, synthetic, marginSource)
                .query(Integer.class).single();
    }

    public List<Question> questions(int questionnaireId) {
        Map<Integer, List<SurveyOption>> options = new HashMap<>();
        jdbc.sql("""
                SELECT o.* FROM survey_option o JOIN survey_question q ON q.id = o.question_id
                WHERE q.questionnaire_id = ? ORDER BY o.question_id, o.position, o.id""").param(questionnaireId)
                .query(rs -> {
                    options.computeIfAbsent(rs.getInt("question_id"), k -> new ArrayList<>())
                            .add(new SurveyOption(rs.getInt("id"), rs.getString("code"), names(rs, "text"),
                                    rs.getBoolean("none_of_these")));
                });
        return jdbc.sql("SELECT * FROM survey_question WHERE questionnaire_id = ? ORDER BY position")
                .param(questionnaireId)
                .query((rs, i) -> new Question(rs.getInt("id"), rs.getString("code"),
                        QuestionType.valueOf(rs.getString("type")), names(rs, "text"), rs.getBoolean("required"),
                        rs.getInt("position"), (Integer) rs.getObject("max_length"), rs.getString("profile_field"),
                        options.getOrDefault(rs.getInt("id"), List.of()), rs.getString("section"), showIf(rs)))
                .list();
    }

    private static ShowIf showIf(ResultSet rs) throws SQLException {
        String question = rs.getString("show_if_question");
        if (question == null) {
            return null;
        }
        return new ShowIf(question, ShowIf.Mode.valueOf(rs.getString("show_if_mode")),
                List.of((String[]) rs.getArray("show_if_options").getArray()));
    }

    /** A version's sections in order, with their titles; empty when it has none. */
    public List<SectionRow> sections(int questionnaireId) {
        return jdbc.sql("SELECT code, title_kk, title_ru, title_en FROM survey_section WHERE questionnaire_id = ? "
                        + "ORDER BY position").param(questionnaireId)
                .query((rs, i) -> new SectionRow(rs.getString("code"), names(rs, "title"))).list();
    }

    /** A section as stored: its code and title. */
    public record SectionRow(String code, Names title) {
    }

    /** Population margins by variable, then category, in a stable order. */
    public Map<String, Map<String, Double>> margins(int surveyId) {
        Map<String, Map<String, Double>> m = new LinkedHashMap<>();
        jdbc.sql("SELECT * FROM survey_margin WHERE survey_id = ? ORDER BY variable, category").param(surveyId)
                .query(rs -> {
                    m.computeIfAbsent(rs.getString("variable"), k -> new LinkedHashMap<>())
                            .put(rs.getString("category"), rs.getDouble("population"));
                });
        return m;
    }

    /** Weights the survey to a warehouse dataset's population of {@code period}, or to its own margins (nulls). */
    public void warehouseMargins(int surveyId, String dataset, String period) {
        jdbc.sql("UPDATE survey SET margin_dataset = ?, margin_period = ? WHERE id = ?")
                .params(dataset, period, surveyId).update();
    }

    /**
     * Gives a new survey the own margins, calibration method and kind of targets of {@code from} (its previous wave),
     * and remembers where they came from.
     */
    public void inheritMargins(int surveyId, int from, Map<String, Map<String, Double>> margins) {
        insertMargins(surveyId, margins);
        jdbc.sql("""
                UPDATE survey s SET calibration_method = f.calibration_method, margin_targets = f.margin_targets,
                    margin_dataset = NULL, margin_period = NULL, margins_from = f.id
                FROM survey f WHERE s.id = ? AND f.id = ?""").params(surveyId, from).update();
    }

    /** The code of the survey whose margins this one took when it was created, while it keeps them. */
    public Optional<String> marginsFrom(int surveyId) {
        return jdbc.sql("SELECT f.code FROM survey s JOIN survey f ON f.id = s.margins_from WHERE s.id = ?")
                .param(surveyId).query(String.class).optional();
    }

    public void insertMargins(int surveyId, Map<String, Map<String, Double>> margins) {
        List<Object[]> rows = new ArrayList<>();
        margins.forEach((variable, cats) -> cats.forEach((c, p) -> rows.add(new Object[] {surveyId, variable, c, p})));
        template.batchUpdate("INSERT INTO survey_margin (survey_id, variable, category, population) VALUES (?, ?, ?, ?)",
                rows);
    }

    /** Respondents who did not come with the demonstration data: through the public form or an import. */
    public int realRespondents(int surveyId) {
        return jdbc.sql("SELECT count(*) FROM survey_respondent WHERE survey_id = ? AND source <> 'DEMO'")
                .param(surveyId).query(Integer.class).single();
    }

    public List<RespondentRow> respondents(int surveyId) {
        return jdbc.sql("SELECT * FROM survey_respondent WHERE survey_id = ? ORDER BY id").param(surveyId)
                .query((rs, i) -> {
                    Map<String, String> profile = new LinkedHashMap<>();
                    for (String f : PROFILE_COLUMNS) {
                        profile.put(f, rs.getString(f));
                    }
                    return new RespondentRow(rs.getLong("id"), profile, rs.getDouble("weight"),
                            new kz.agyn.survey.DesignValues(rs.getString("stratum"), rs.getString("psu"),
                                    rs.getString("ssu"), (Double) rs.getObject("fpc1"), (Double) rs.getObject("fpc2"),
                                    doubles(rs.getArray("replicate_weights"))));
                }).list();
    }

    private static List<Double> doubles(java.sql.Array array) throws java.sql.SQLException {
        return array == null ? List.of() : java.util.Arrays.asList((Double[]) array.getArray());
    }

    private static double[] array(List<Double> values) {
        return values == null || values.isEmpty() ? null : values.stream().mapToDouble(Double::doubleValue).toArray();
    }

    public List<AnswerRow> answers(int surveyId, int questionId) {
        return jdbc.sql("""
                SELECT a.respondent_id, o.code, a.rank_position, a.value_number, a.value_text
                FROM survey_answer a JOIN survey_respondent r ON r.id = a.respondent_id
                LEFT JOIN survey_option o ON o.id = a.option_id
                WHERE r.survey_id = ? AND a.question_id = ? ORDER BY a.respondent_id, a.rank_position""")
                .params(surveyId, questionId)
                .query((rs, i) -> new AnswerRow(rs.getLong(1), rs.getString(2), (Integer) rs.getObject(3),
                        (Double) rs.getObject(4), rs.getString(5)))
                .list();
    }

    /** The external ids among {@code ids} that the survey already holds. */
    public Set<String> existingExternalIds(int surveyId, Collection<String> ids) {
        if (ids.isEmpty()) {
            return Set.of();
        }
        return new HashSet<>(jdbc.sql("SELECT external_id FROM survey_respondent WHERE survey_id = ? "
                        + "AND external_id = ANY (?)")
                .params(surveyId, ids.toArray(String[]::new)).query(String.class).list());
    }

    static final List<String> PROFILE_COLUMNS = List.of("age_group", "sex", "region", "education", "occupation",
            "sector", "studied_abroad");

    /**
     * Writes responses whose codes have been checked against {@code questions}; the caller holds the transaction.
     * Respondent ids are taken from the sequence first, so that answers can be written in one batch.
     */
    public int insertResponses(int surveyId, String source, UUID importId, List<Question> questions,
                               List<Response> responses) {
        if (responses.isEmpty()) {
            return 0;
        }
        Map<String, Question> byCode = new HashMap<>();
        questions.forEach(q -> byCode.put(q.code(), q));
        List<Long> ids = jdbc.sql("SELECT nextval('survey_respondent_id_seq') FROM generate_series(1, ?)")
                .param(responses.size()).query(Long.class).list();
        List<Object[]> respondentRows = new ArrayList<>();
        List<Object[]> answerRows = new ArrayList<>();
        for (int i = 0; i < responses.size(); i++) {
            Response r = responses.get(i);
            long id = ids.get(i);
            Object[] row = new Object[5 + PROFILE_COLUMNS.size() + 7];
            row[0] = id;
            row[1] = surveyId;
            row[2] = r.externalId();
            row[3] = source;
            row[4] = importId;
            for (int f = 0; f < PROFILE_COLUMNS.size(); f++) {
                List<String> c = r.choices().get(PROFILE_COLUMNS.get(f));
                row[5 + f] = c == null || c.isEmpty() ? null : c.get(0);
            }
            row[row.length - 7] = r.weight();
            row[row.length - 6] = r.design().stratum();
            row[row.length - 5] = r.design().psu();
            row[row.length - 4] = r.design().ssu();
            row[row.length - 3] = r.design().fpc1();
            row[row.length - 2] = r.design().fpc2();
            row[row.length - 1] = array(r.design().replicates());
            respondentRows.add(row);
            r.choices().forEach((code, chosen) -> {
                Question q = byCode.get(code);
                if (chosen.isEmpty() && q.type() == QuestionType.MULTIPLE) {
                    // Answered, none chosen: one row without an option, so that it is not taken for a skip.
                    answerRows.add(new Object[] {id, q.id(), null, null, null, null});
                }
                for (int k = 0; k < chosen.size(); k++) {
                    int optionId = q.option(chosen.get(k)).orElseThrow().id();
                    answerRows.add(new Object[] {id, q.id(), optionId,
                            q.type() == QuestionType.RANKING ? k + 1 : null, null, null});
                }
            });
            r.numbers().forEach((code, v) -> answerRows.add(new Object[] {id, byCode.get(code).id(), null, null, v,
                    null}));
            r.texts().forEach((code, v) -> answerRows.add(new Object[] {id, byCode.get(code).id(), null, null, null,
                    v}));
        }
        template.batchUpdate("""
                INSERT INTO survey_respondent (id, survey_id, external_id, source, import_id, age_group, sex, region,
                    education, occupation, sector, studied_abroad, weight, stratum, psu, ssu, fpc1, fpc2, replicate_weights)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""", respondentRows);
        template.batchUpdate("""
                INSERT INTO survey_answer (respondent_id, question_id, option_id, rank_position, value_number,
                    value_text) VALUES (?, ?, ?, ?, ?, ?)""", answerRows);
        return responses.size();
    }

    /** The sample design the survey declares. */
    public kz.agyn.survey.SurveyDesignDeclaration design(int surveyId) {
        return jdbc.sql("SELECT design_strata, design_stages, design_fpc, interval_method, trim_lower, trim_upper, "
                        + "replicate_type, replicate_scale, replicate_rscales, replicate_mse, replicate_rho "
                        + "FROM survey WHERE id = ?")
                .param(surveyId).query((rs, i) -> new kz.agyn.survey.SurveyDesignDeclaration(
                        rs.getBoolean(1), rs.getInt(2), rs.getBoolean(3),
                        kz.agyn.survey.estimation.IntervalMethod.valueOf(rs.getString(4)), (Double) rs.getObject(5),
                        (Double) rs.getObject(6), rs.getString(7) == null ? null
                        : new kz.agyn.survey.ReplicateDeclaration(
                                kz.agyn.survey.estimation.ReplicateType.valueOf(rs.getString(7)),
                                (Double) rs.getObject(8), rs.getArray(9) == null ? null : doubles(rs.getArray(9)),
                                rs.getBoolean(10), (Double) rs.getObject(11)))).single();
    }

    public void saveDesign(int surveyId, kz.agyn.survey.SurveyDesignDeclaration d) {
        kz.agyn.survey.ReplicateDeclaration r = d.replicates();
        jdbc.sql("UPDATE survey SET design_strata = ?, design_stages = ?, design_fpc = ?, interval_method = ?, "
                        + "trim_lower = ?, trim_upper = ?, replicate_type = ?, replicate_scale = ?, "
                        + "replicate_rscales = ?, replicate_mse = ?, replicate_rho = ? WHERE id = ?")
                .params(d.strata(), d.stages(), d.fpc(), d.intervals().name(), d.trimLower(), d.trimUpper(),
                        r == null ? null : r.type().name(), r == null ? null : r.scale(),
                        r == null ? null : array(r.rscales()), r != null && r.mse(), r == null ? null : r.rho(),
                        surveyId)
                .update();
    }

    /** How the survey's weights are calibrated, and whether its own margins are counts or shares. */
    public record CalibrationRow(kz.agyn.survey.estimation.CalibrationMethod method,
                                 kz.agyn.survey.MarginTargets targets) {
    }

    public CalibrationRow calibration(int surveyId) {
        return jdbc.sql("SELECT calibration_method, margin_targets FROM survey WHERE id = ?").param(surveyId)
                .query((rs, i) -> new CalibrationRow(
                        kz.agyn.survey.estimation.CalibrationMethod.valueOf(rs.getString(1)),
                        kz.agyn.survey.MarginTargets.valueOf(rs.getString(2)))).single();
    }

    /**
     * Saves the calibration method and how own margins are given; with {@code margins} not null also replaces the
     * survey's own margins with them, and, when there are any, weights the survey to them instead of a warehouse
     * dataset (the description of where older own margins came from no longer applies either).
     */
    public void saveCalibration(int surveyId, CalibrationRow row, Map<String, Map<String, Double>> margins) {
        jdbc.sql("UPDATE survey SET calibration_method = ?, margin_targets = ? WHERE id = ?")
                .params(row.method().name(), row.targets().name(), surveyId).update();
        if (margins != null) {
            jdbc.sql("DELETE FROM survey_margin WHERE survey_id = ?").param(surveyId).update();
            insertMargins(surveyId, margins);
            jdbc.sql("UPDATE survey SET margin_source = NULL, margins_from = NULL WHERE id = ?").param(surveyId)
                    .update();
            if (!margins.isEmpty()) {
                warehouseMargins(surveyId, null, null);
            }
        }
    }

    // --- imports ---------------------------------------------------------------------------------------------

    /** Stores an import's row with the file's content, streamed from {@code content} (the driver sends it on). */
    public void insertImport(ImportRow r, Path content) {
        try (InputStream in = Files.newInputStream(content)) {
            long size = Files.size(content);
            template.update("""
                    INSERT INTO survey_import (id, survey_id, file_name, format, file_sha256, content, mapping, status,
                        row_count, problem_count, report, created_by) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)""",
                    ps -> {
                        ps.setObject(1, r.id());
                        ps.setInt(2, r.surveyId());
                        ps.setString(3, r.fileName());
                        ps.setString(4, r.format());
                        ps.setString(5, r.sha256());
                        ps.setBinaryStream(6, in, size);
                        ps.setString(7, r.mappingJson());
                        ps.setString(8, r.status().name());
                        ps.setInt(9, r.rows());
                        ps.setInt(10, r.problemCount());
                        ps.setString(11, r.reportJson());
                        ps.setString(12, r.createdBy());
                    });
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** The row without the content, which reports never need. */
    public Optional<ImportRow> findImport(UUID id) {
        return jdbc.sql("""
                SELECT id, survey_id, file_name, format, file_sha256, mapping, status, row_count, problem_count,
                    report, written, created_by, created_at FROM survey_import WHERE id = ?""").param(id)
                .query((rs, i) -> new ImportRow(
                rs.getObject("id", UUID.class), rs.getInt("survey_id"), rs.getString("file_name"),
                rs.getString("format"), rs.getString("file_sha256"), rs.getString("mapping"),
                ResponseImportStatus.valueOf(rs.getString("status")), rs.getInt("row_count"), rs.getInt("problem_count"), rs.getString("report"),
                (Integer) rs.getObject("written"), rs.getString("created_by"),
                rs.getObject("created_at", OffsetDateTime.class))).optional();
    }

    /**
     * Hands an import's file to {@code reader} as a stream, to be received and parsed again. (The driver holds a
     * bytea value whole while the row is read; response files are limited by agyn.surveys.max-file-size.)
     */
    public <T> T readImportContent(UUID id, java.util.function.Function<InputStream, T> reader) {
        return template.query("SELECT content FROM survey_import WHERE id = ?", rs -> {
            if (!rs.next()) {
                throw new IllegalStateException("survey import " + id + " has no row");
            }
            try (InputStream in = rs.getBinaryStream(1)) {
                return reader.apply(in);
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }, id);
    }

    /** Whether the survey already holds the responses of a file with this hash. */
    public boolean fileWritten(int surveyId, String sha256) {
        return jdbc.sql("SELECT count(*) FROM survey_import WHERE survey_id = ? AND file_sha256 = ? "
                        + "AND status = 'ACCEPTED' AND written > 0").params(surveyId, sha256)
                .query(Integer.class).single() > 0;
    }

    public void accepted(UUID id, int written) {
        jdbc.sql("UPDATE survey_import SET status = 'ACCEPTED', written = ?, accepted_at = now() WHERE id = ?")
                .params(written, id).update();
    }

    // --- form links ------------------------------------------------------------------------------------------

    /** Stores a new link; returns its id. */
    public long insertLink(String tokenSha256, String hint, int surveyId, OffsetDateTime expiresAt, String user) {
        return jdbc.sql("""
                INSERT INTO survey_link (token_sha256, token_hint, survey_id, expires_at, created_by)
                VALUES (?, ?, ?, ?, ?) RETURNING id""")
                .params(tokenSha256, hint, surveyId, expiresAt, user).query(Long.class).single();
    }

    /** A link as stored, its state told from its times; {@code now} is the database's. */
    public record LinkRow(long id, int surveyId, String hint, OffsetDateTime createdAt, String createdBy,
                          OffsetDateTime expiresAt, OffsetDateTime usedAt, OffsetDateTime revokedAt,
                          String revokedBy, OffsetDateTime now) {

        public boolean used() {
            return usedAt != null;
        }

        public boolean revoked() {
            return revokedAt != null;
        }

        public boolean expired() {
            return !expiresAt.isAfter(now);
        }
    }

    private static final String LINK = """
            SELECT id, survey_id, token_hint, created_at, created_by, expires_at, used_at, revoked_at, revoked_by,
                   now() AS now FROM survey_link""";

    public Optional<LinkRow> link(String tokenSha256) {
        return jdbc.sql(LINK + " WHERE token_sha256 = ?").param(tokenSha256).query(SurveyRepository::link)
                .optional();
    }

    public Optional<LinkRow> link(int surveyId, long id) {
        return jdbc.sql(LINK + " WHERE survey_id = ? AND id = ?").params(surveyId, id).query(SurveyRepository::link)
                .optional();
    }

    /** A survey's links, newest first. */
    public List<LinkRow> links(int surveyId, int limit) {
        return jdbc.sql(LINK + " WHERE survey_id = ? ORDER BY created_at DESC, id DESC LIMIT ?")
                .params(surveyId, limit).query(SurveyRepository::link).list();
    }

    /** How many of a survey's links are unused (and open), used, expired unused, revoked unused. */
    public record LinkCountRow(long open, long used, long expired, long revoked) {
    }

    public LinkCountRow linkCounts(int surveyId) {
        return jdbc.sql("""
                SELECT count(*) FILTER (WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at > now()),
                       count(*) FILTER (WHERE used_at IS NOT NULL),
                       count(*) FILTER (WHERE used_at IS NULL AND revoked_at IS NULL AND expires_at <= now()),
                       count(*) FILTER (WHERE used_at IS NULL AND revoked_at IS NOT NULL)
                FROM survey_link WHERE survey_id = ?""").param(surveyId)
                .query((rs, i) -> new LinkCountRow(rs.getLong(1), rs.getLong(2), rs.getLong(3), rs.getLong(4)))
                .single();
    }

    /**
     * Marks a link used if it is open: not used, not revoked, not expired. False otherwise; the row lock of the
     * update makes two simultaneous submissions through one link race-free.
     */
    public boolean useLink(String tokenSha256) {
        return jdbc.sql("""
                UPDATE survey_link SET used_at = now()
                WHERE token_sha256 = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()""")
                .param(tokenSha256).update() == 1;
    }

    /** Revokes one unused link; false when there is no such unrevoked, unused link of the survey. */
    public boolean revokeLink(int surveyId, long id, String user) {
        return jdbc.sql("""
                UPDATE survey_link SET revoked_at = now(), revoked_by = ?
                WHERE survey_id = ? AND id = ? AND used_at IS NULL AND revoked_at IS NULL""")
                .params(user, surveyId, id).update() == 1;
    }

    /** Revokes every link of the survey that could still be used; returns how many. */
    public int revokeOpenLinks(int surveyId, String user) {
        return jdbc.sql("""
                UPDATE survey_link SET revoked_at = now(), revoked_by = ?
                WHERE survey_id = ? AND used_at IS NULL AND revoked_at IS NULL AND expires_at > now()""")
                .params(user, surveyId).update();
    }

    private static LinkRow link(ResultSet rs, int i) throws SQLException {
        return new LinkRow(rs.getLong("id"), rs.getInt("survey_id"), rs.getString("token_hint"),
                rs.getObject("created_at", OffsetDateTime.class), rs.getString("created_by"),
                rs.getObject("expires_at", OffsetDateTime.class), rs.getObject("used_at", OffsetDateTime.class),
                rs.getObject("revoked_at", OffsetDateTime.class), rs.getString("revoked_by"),
                rs.getObject("now", OffsetDateTime.class));
    }

    private static Survey survey(ResultSet rs, int i) throws SQLException {
        return new Survey(rs.getInt("id"), rs.getString("code"), names(rs, "title"), rs.getString("wave"),
                rs.getBoolean("synthetic"), rs.getString("q_code"), rs.getInt("q_version"),
                rs.getInt("questionnaire_id"), rs.getString("margin_source"), rs.getInt("respondents"),
                rs.getString("margin_dataset"), rs.getString("margin_period"),
                rs.getObject("closed_at") == null ? null : new Survey.Closure(rs.getObject("closed_at",
                        OffsetDateTime.class), rs.getString("closed_by"), rs.getString("closed_reason")));
    }

    /** Closes a survey ({@code by} null: opens it again); false when it already was so. */
    public boolean close(int surveyId, String by, String reason) {
        return by == null
                ? jdbc.sql("""
                        UPDATE survey SET closed_at = NULL, closed_by = NULL, closed_reason = NULL
                        WHERE id = ? AND closed_at IS NOT NULL""").param(surveyId).update() == 1
                : jdbc.sql("""
                        UPDATE survey SET closed_at = now(), closed_by = ?, closed_reason = ?
                        WHERE id = ? AND closed_at IS NULL""").params(by, reason, surveyId).update() == 1;
    }

    /**
     * Deletes a survey that has no respondents, with its links, response files and margins, in the caller's
     * transaction; false (and nothing deleted) when it has respondents. The survey row is locked first, so that an
     * answer arriving meanwhile either comes first (and the delete is refused) or waits and fails.
     */
    public boolean deleteWithoutResponses(int surveyId) {
        jdbc.sql("SELECT id FROM survey WHERE id = ? FOR UPDATE").param(surveyId).query(Integer.class).single();
        if (jdbc.sql("SELECT EXISTS (SELECT 1 FROM survey_respondent WHERE survey_id = ?)").param(surveyId)
                .query(Boolean.class).single()) {
            return false;
        }
        jdbc.sql("DELETE FROM survey_link WHERE survey_id = ?").param(surveyId).update();
        jdbc.sql("DELETE FROM survey_import WHERE survey_id = ?").param(surveyId).update();
        jdbc.sql("DELETE FROM survey_margin WHERE survey_id = ?").param(surveyId).update();
        jdbc.sql("DELETE FROM survey WHERE id = ?").param(surveyId).update();
        return true;
    }

    private static Names names(ResultSet rs, String prefix) throws SQLException {
        return new Names(rs.getString(prefix + "_kk"), rs.getString(prefix + "_ru"), rs.getString(prefix + "_en"));
    }
}
