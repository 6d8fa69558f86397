package kz.agyn.survey;

import java.io.ByteArrayInputStream;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.platform.problems.Problem;
import kz.agyn.survey.estimation.CalibrationMethod;
import kz.agyn.survey.estimation.MinimumCellSize;
import kz.agyn.survey.estimation.RakingException;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.survey.internal.SurveyRepository.CalibrationRow;
import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import kz.agyn.tabular.CsvOptions;
import kz.agyn.tabular.Numbers;
import kz.agyn.tabular.Row;
import kz.agyn.tabular.TableReader;
import kz.agyn.tabular.TableReaders;
import kz.agyn.tabular.TabularException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * A survey's calibration as the analyst sets it: the method (raking or linear) and the survey's own margins on any
 * of its profile questions, given in a form, as JSON or as a CSV file ({@code question,category,target}).
 *
 * <p>Margins are checked in full before anything is saved, every problem located where it was given (the form's
 * field, the JSON path, the file's line and column): a question that is not a profile question of the survey, a
 * category that is not one of its options, a target that is not a number or is negative, a category given twice,
 * a category of a given question left without a target, shares of a question not summing to 1 ± 1e-6, counts of
 * two questions adding up to different populations. Then the weights are made with the new calibration, as the
 * estimates will make them; margins they cannot meet are refused with the calibration's reason. Saved margins
 * replace the survey's own and weight the survey to them (instead of a warehouse dataset). Every change is audited.
 */
@Service
public class CalibrationService {

    /** How far shares may sum from 1, and counts of two questions from each other (relative). */
    static final double TOLERANCE = 1e-6;

    /** The header a margins file must have. */
    public static final List<String> FILE_COLUMNS = List.of("question", "category", "target");

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    CalibrationService(SurveyService surveys, SurveyRepository repository, AuditLog audit,
                       TransactionTemplate transactions) {
        this.surveys = surveys;
        this.repository = repository;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The method, the source in use and every profile question with the survey's own targets. */
    public CalibrationSettings settings(int surveyId, Locale locale) {
        Survey survey = surveys.survey(surveyId);
        CalibrationRow row = repository.calibration(surveyId);
        Map<String, Map<String, Double>> own = repository.margins(surveyId);
        MarginSources.Kind source = survey.marginDataset() != null ? MarginSources.Kind.WAREHOUSE
                : own.isEmpty() ? MarginSources.Kind.NONE : MarginSources.Kind.OWN;
        List<CalibrationSettings.QuestionMargins> questions = new ArrayList<>();
        for (Question q : profileQuestions(survey)) {
            Map<String, Double> given = own.getOrDefault(q.profileField(), Map.of());
            List<CalibrationSettings.CategoryTarget> categories = new ArrayList<>();
            for (SurveyOption o : q.options()) {
                categories.add(new CalibrationSettings.CategoryTarget(o.code(), o.text().in(locale),
                        given.get(o.code())));
            }
            questions.add(new CalibrationSettings.QuestionMargins(q.code(), q.text().in(locale), q.profileField(),
                    !given.isEmpty(), categories));
        }
        return new CalibrationSettings(survey.id(), survey.code(), row.method(), row.targets(), source, questions,
                source == MarginSources.Kind.OWN ? repository.marginsFrom(surveyId).orElse(null) : null);
    }

    /**
     * From the API: {@code margins} null keeps the survey's own margins (and how they are given) and sets only the
     * method; empty removes them; otherwise they replace them. Problems are located at {@code margins[i].column}.
     */
    public CalibrationSettings save(int surveyId, CalibrationMethod method, MarginTargets targets,
                                    List<MarginTarget> margins, Locale locale) {
        if (margins == null) {
            CalibrationRow now = repository.calibration(surveyId);
            return apply(surveyId, new CalibrationRow(method == null ? now.method() : method, now.targets()), null,
                    "API", locale);
        }
        List<Given> given = new ArrayList<>();
        for (int i = 0; i < margins.size(); i++) {
            String path = "margins[" + i + "]";
            MarginTarget m = margins.get(i) == null ? new MarginTarget(null, null, null) : margins.get(i);
            given.add(new Given(m, (column, code, args) -> Problem.inField(path + "." + column, code, args)));
        }
        return check(surveyId, method, targets, given, (q, code, args) -> Problem.inField("margins", code, args),
                "API", locale);
    }

    /**
     * From the calibration page's form: one field {@code m.<question>.<category>} per option, empty where no
     * target is given; a question with every field empty is not calibrated on, and a form with every field empty
     * removes the own margins — unless the survey is weighted to a warehouse dataset, when it sets only the method.
     * Problems are located at the field, or at {@code m.<question>} for the question as a whole.
     */
    public CalibrationSettings saveForm(int surveyId, CalibrationMethod method, MarginTargets targets,
                                        Map<String, String> fields, Locale locale) {
        List<Given> given = new ArrayList<>();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            String name = f.getKey();
            if (!name.startsWith(FIELD) || f.getValue() == null || f.getValue().isBlank()) {
                continue;
            }
            int dot = name.indexOf('.', FIELD.length());
            if (dot < 0) {
                continue;
            }
            given.add(new Given(new MarginTarget(name.substring(FIELD.length(), dot), name.substring(dot + 1),
                    f.getValue()), (column, code, args) -> Problem.inField(name, code, args)));
        }
        if (given.isEmpty() && surveys.survey(surveyId).marginDataset() != null) {
            // Weighted to a warehouse dataset, whose margins the form does not show: an empty table sets the method
            // only, and keeps the own margins stored for a return to them.
            return save(surveyId, method, targets, null, locale);
        }
        return check(surveyId, method, targets, given, (q, code, args) -> Problem.inField(FIELD + q, code, args),
                "form", locale);
    }

    /** The prefix of the form's target fields. */
    public static final String FIELD = "m.";

    /**
     * From a CSV file with the header {@code question,category,target} (any order, any case; ',', ';' or tab;
     * UTF-8 or Windows-1251). Problems are located at the file's line and column.
     */
    public CalibrationSettings saveFile(int surveyId, CalibrationMethod method, MarginTargets targets,
                                        String fileName, byte[] content, Locale locale) {
        String file = fileName == null || fileName.isBlank() ? "margins.csv" : fileName;
        List<Given> given = new ArrayList<>();
        List<Problem> problems = new ArrayList<>();
        CsvOptions detected = CsvOptions.detect(Arrays.copyOf(content, Math.min(content.length, 64 * 1024)));
        try (TableReader reader = TableReaders.csv(new ByteArrayInputStream(content), file,
                new CsvOptions(detected.charset(), detected.delimiter(), detected.decimalComma(), true))) {
            List<String> header = reader.columns().stream().map(c -> c.strip().toLowerCase(Locale.ROOT)).toList();
            int[] at = new int[FILE_COLUMNS.size()];
            for (int c = 0; c < at.length; c++) {
                at[c] = header.indexOf(FILE_COLUMNS.get(c));
                if (at[c] < 0) {
                    problems.add(Problem.inFile(file, "survey.calibration.file.missingColumn", FILE_COLUMNS.get(c),
                            String.join(",", FILE_COLUMNS)));
                }
            }
            if (problems.isEmpty()) {
                for (Row r = reader.next(); r != null; r = reader.next()) {
                    if (r.blank()) {
                        continue;
                    }
                    long line = r.number();
                    given.add(new Given(new MarginTarget(r.cell(at[0]), r.cell(at[1]), r.cell(at[2])),
                            (column, code, args) -> Problem.atRow(file, null, line, column, code, args)));
                }
                if (given.isEmpty()) {
                    problems.add(Problem.inFile(file, "survey.calibration.file.empty"));
                }
            }
        } catch (TabularException e) {
            problems.add(Problem.at(e.location(), null, e.code(), e.args()));
        } catch (java.io.IOException e) {
            problems.add(Problem.inFile(file, "tabular.io"));
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("survey.calibration.invalid", problems);
        }
        return check(surveyId, method, targets, given, (q, code, args) -> Problem.inFile(file, code, args),
                "file " + file, locale);
    }

    /** Makes a problem at a given margin's place, for one of its columns (question, category, target). */
    private interface Place {
        Problem at(String column, String code, Object... args);
    }

    /** Makes a problem with a question as a whole. */
    private interface QuestionPlace {
        Problem at(String question, String code, Object... args);
    }

    private record Given(MarginTarget value, Place place) {
    }

    private CalibrationSettings check(int surveyId, CalibrationMethod method, MarginTargets targets,
                                      List<Given> given, QuestionPlace questionPlace, String how, Locale locale) {
        Survey survey = surveys.survey(surveyId);
        CalibrationRow now = repository.calibration(surveyId);
        CalibrationRow row = new CalibrationRow(method == null ? now.method() : method,
                targets == null ? MarginTargets.COUNT : targets);
        Map<String, Question> byCode = new LinkedHashMap<>();
        profileQuestions(survey).forEach(q -> byCode.put(q.code(), q));
        String known = byCode.isEmpty() ? "—" : String.join(", ", byCode.keySet());
        List<Problem> problems = new ArrayList<>();
        // question code → category → target, in the order given
        Map<String, Map<String, Double>> margins = new LinkedHashMap<>();
        Map<String, Map<String, Place>> where = new LinkedHashMap<>();
        for (Given g : given) {
            MarginTarget m = g.value();
            String q = strip(m.question());
            String c = strip(m.category());
            Question question = q == null ? null : byCode.get(q);
            if (question == null) {
                problems.add(g.place().at("question", "survey.calibration.unknownQuestion", q == null ? "" : q,
                        survey.code(), known));
                continue;
            }
            if (c == null || question.option(c).isEmpty()) {
                problems.add(g.place().at("category", "survey.calibration.unknownCategory", c == null ? "" : c, q,
                        String.join(", ", question.optionCodes())));
                continue;
            }
            Double target = number(m.target());
            if (target == null) {
                problems.add(g.place().at("target", "survey.calibration.targetNotNumber",
                        m.target() == null ? "" : m.target().strip(), q, c));
                continue;
            }
            if (target < 0) {
                problems.add(g.place().at("target", "survey.calibration.targetNegative", m.target().strip(), q, c));
                continue;
            }
            if (where.getOrDefault(q, Map.of()).containsKey(c)) {
                problems.add(g.place().at("category", "survey.calibration.duplicate", q, c));
                continue;
            }
            margins.computeIfAbsent(q, k -> new LinkedHashMap<>()).put(c, target);
            where.computeIfAbsent(q, k -> new LinkedHashMap<>()).put(c, g.place());
        }
        String firstQuestion = null;
        double firstTotal = 0;
        for (Map.Entry<String, Map<String, Double>> e : margins.entrySet()) {
            Question question = byCode.get(e.getKey());
            for (String option : question.optionCodes()) {
                if (!e.getValue().containsKey(option)) {
                    problems.add(questionPlace.at(e.getKey(), "survey.calibration.missingCategory", e.getKey(),
                            option));
                }
            }
            double total = e.getValue().values().stream().mapToDouble(Double::doubleValue).sum();
            if (row.targets() == MarginTargets.SHARE) {
                if (Math.abs(total - 1) > TOLERANCE) {
                    problems.add(questionPlace.at(e.getKey(), "survey.calibration.sharesSum", e.getKey(),
                            decimal(total)));
                }
            } else if (!(total > 0)) {
                problems.add(questionPlace.at(e.getKey(), "survey.calibration.totalZero", e.getKey()));
            } else if (firstQuestion == null) {
                firstQuestion = e.getKey();
                firstTotal = total;
            } else if (Math.abs(total - firstTotal) > TOLERANCE * firstTotal) {
                problems.add(questionPlace.at(e.getKey(), "survey.calibration.countsDiffer", e.getKey(),
                        decimal(total), firstQuestion, decimal(firstTotal)));
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("survey.calibration.invalid", problems);
        }
        // Keyed by the profile field each question fills, which is what the raking reads.
        Map<String, Map<String, Double>> byVariable = new LinkedHashMap<>();
        margins.forEach((q, m) -> byVariable.put(byCode.get(q).profileField(), m));
        return apply(surveyId, row, byVariable, how, locale);
    }

    /** Tries the weights under the new calibration, then saves it and writes the audit log. */
    private CalibrationSettings apply(int surveyId, CalibrationRow row, Map<String, Map<String, Double>> own,
                                      String how, Locale locale) {
        Survey survey = surveys.survey(surveyId);
        boolean replace = own != null && !own.isEmpty();
        Survey candidate = !replace ? survey : new Survey(survey.id(), survey.code(), survey.title(), survey.wave(),
                survey.synthetic(), survey.questionnaire(), survey.questionnaireVersion(), survey.questionnaireId(),
                null, survey.respondents(), null, null);
        List<RespondentRow> respondents = repository.respondents(surveyId);
        if (respondents.size() >= MinimumCellSize.DEFAULT.minimum()) {
            try {
                surveys.weights(candidate, repository.questions(survey.questionnaireId()), respondents,
                        repository.design(surveyId).bounds(), row, own);
            } catch (RakingException e) {
                throw SurveyException.invalid("survey.calibration.refused", SurveyException.quoting(e));
            }
        }
        CalibrationRow before = repository.calibration(surveyId);
        java.util.Set<String> ownBefore = repository.margins(surveyId).keySet();
        transactions.executeWithoutResult(status -> {
            repository.saveCalibration(surveyId, row, own);
            audit.record(AuditAction.UPDATE, MarginService.AUDIT_SUBJECT, (long) surveyId, 0, "survey "
                    + survey.code() + " calibration " + before.method() + " -> " + row.method()
                    + (own == null ? "" : ", own margins (" + how + ", " + row.targets() + ") " + ownBefore
                    + " -> " + own.keySet()));
        });
        return settings(surveyId, locale);
    }

    /**
     * The own margins of {@code previous} that fit the questionnaire {@code questionnaireId}: those of its profile fields whose
     * categories are all options of the new questionnaire's question for the field (a later version may have dropped
     * one); empty when none fit.
     */
    Map<String, Map<String, Double>> fitting(Survey previous, int questionnaireId) {
        Map<String, Question> byField = new java.util.HashMap<>();
        profileQuestions(questionnaireId).forEach(q -> byField.put(q.profileField(), q));
        Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
        repository.margins(previous.id()).forEach((field, categories) -> {
            Question q = byField.get(field);
            if (q != null && categories.keySet().stream().allMatch(c -> q.option(c).isPresent())) {
                out.put(field, categories);
            }
        });
        return out;
    }

    /** The questionnaire's profile questions with options: the ones margins can be given for. */
    private List<Question> profileQuestions(Survey survey) {
        return profileQuestions(survey.questionnaireId());
    }

    private List<Question> profileQuestions(int questionnaireId) {
        return repository.questions(questionnaireId).stream()
                .filter(q -> q.profileField() != null && q.type().hasOptions() && !q.options().isEmpty()).toList();
    }

    /** A target as typed: "1 234,5", "0.52", "0,52"; null when it is not a finite number. */
    static Double number(String text) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String plain = Numbers.normalizeNumber(text, false);
        if (plain == null) {
            plain = Numbers.normalizeNumber(text, true);
        }
        if (plain == null) {
            return null;
        }
        try {
            double v = Double.parseDouble(plain);
            return Double.isFinite(v) ? v : null;
        } catch (NumberFormatException e) {
            return null;
        }
    }

    private static String strip(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    /** A number for a message, without the grouping a locale's number format would add to a code-like value. */
    private static String decimal(double x) {
        return java.math.BigDecimal.valueOf(x).round(new java.math.MathContext(10)).stripTrailingZeros()
                .toPlainString();
    }
}
