package kz.agyn.survey;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.platform.problems.Problem;
import kz.agyn.reference.Names;
import kz.agyn.survey.internal.SurveyRepository;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.context.support.DefaultMessageSourceResolvable;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * New surveys (waves) of a questionnaire version, made by analysts and administrators, never synthetic.
 *
 * <p>Every field is checked first and all problems are reported together; nothing is written then. A new
 * survey has no margins of its own: unless told otherwise it is weighted to the warehouse population the
 * demonstration survey is weighted to, when that population exists and the questionnaire asks the profile
 * questions it is broken down by; otherwise it has no margins until someone chooses them on its page.
 */
@Service
public class SurveyCreationService {

    /** The standard instrument shipped in V9__survey.sql: the questionnaire a new survey gets by default. */
    public static final String STANDARD = "migration-intentions";

    /** As the CHECK on survey.code in V9__survey.sql, so that a bad code is refused in words, not by the database. */
    static final Pattern CODE = Pattern.compile("[a-z0-9][a-z0-9._-]*");
    static final int CODE_LENGTH = 60;
    static final int WAVE_LENGTH = 20;
    static final int TITLE_LENGTH = 300;

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final MarginService margins;
    private final CalibrationService calibration;
    private final AuditLog audit;
    private final TransactionTemplate transactions;
    /**
     * The survey whose warehouse margins a new survey takes by default ({@code agyn.surveys.default-margins-from}:
     * the demonstration survey as shipped); blank for none. Configuration, so that this feature does not know the
     * demonstration data's codes, which belong to {@code kz.agyn.demo}.
     */
    private final String marginsFrom;

    SurveyCreationService(SurveyService surveys, SurveyRepository repository, MarginService margins,
                          CalibrationService calibration, AuditLog audit, TransactionTemplate transactions,
                          @Value("${agyn.surveys.default-margins-from:}") String marginsFrom) {
        this.surveys = surveys;
        this.repository = repository;
        this.margins = margins;
        this.calibration = calibration;
        this.audit = audit;
        this.transactions = transactions;
        this.marginsFrom = marginsFrom == null ? "" : marginsFrom.strip();
    }

    /** A warehouse dataset and period that weights can be raked to. */
    public record WarehouseChoice(String dataset, String period) {
    }

    /**
     * The margins a new survey takes when none are named: the warehouse population of the survey
     * {@code agyn.surveys.default-margins-from} names (the demonstration survey's, as shipped).
     */
    public Optional<WarehouseChoice> defaultMargins() {
        if (marginsFrom.isEmpty()) {
            return Optional.empty();
        }
        return repository.survey(marginsFrom).filter(s -> s.marginDataset() != null)
                .map(s -> new WarehouseChoice(s.marginDataset(), s.marginPeriod()))
                .filter(c -> margins.choices().stream().anyMatch(d -> d.dataset().equals(c.dataset())
                        && d.periods().contains(c.period())));
    }

    /** Every questionnaire version a survey can be fielded with, by code and version. */
    public List<QuestionnaireVersion> questionnaires() {
        return repository.questionnaireVersions();
    }

    /**
     * Creates the survey, with its margins, in one transaction.
     *
     * @throws InvalidFieldsException listing every problem (code missing, malformed or taken; a title or the
     *                                wave missing or too long; an unknown questionnaire or version; margins that
     *                                cannot weight the survey); nothing is written then
     */
    public Survey create(NewSurvey s, String user) {
        List<Problem> problems = new ArrayList<>();
        String code = trimmed(s.code());
        if (code == null) {
            problems.add(Problem.inField("code", "survey.create.codeMissing"));
        } else if (code.length() > CODE_LENGTH || !CODE.matcher(code).matches()) {
            problems.add(Problem.inField("code", "survey.create.codeBad", code, CODE_LENGTH));
        } else if (repository.survey(code).isPresent()) {
            problems.add(Problem.inField("code", "survey.create.codeTaken", code));
        }
        String kk = title(s.titleKk(), "titleKk", "kk", problems);
        String ru = title(s.titleRu(), "titleRu", "ru", problems);
        String en = title(s.titleEn(), "titleEn", "en", problems);
        String wave = trimmed(s.wave());
        if (wave == null) {
            problems.add(Problem.inField("wave", "survey.create.waveMissing"));
        } else if (wave.length() > WAVE_LENGTH) {
            problems.add(Problem.inField("wave", "survey.create.waveTooLong", WAVE_LENGTH));
        }
        String questionnaire = trimmed(s.questionnaire()) == null ? STANDARD : s.questionnaire().strip();
        Integer version = s.questionnaireVersion() != null ? s.questionnaireVersion()
                : repository.latestVersion(questionnaire).orElse(null);
        Integer questionnaireId = version == null ? null
                : repository.questionnaireId(questionnaire, version).orElse(null);
        if (questionnaireId == null) {
            problems.add(version == null
                    ? Problem.inField("questionnaire", "survey.create.questionnaireUnknown", questionnaire)
                    : Problem.inField("questionnaire", "survey.create.questionnaireVersionUnknown", questionnaire,
                    version));
        }
        String dataset = s.marginDataset() == null ? null : s.marginDataset().strip();
        if (dataset != null && !dataset.isEmpty() && trimmed(s.marginPeriod()) == null) {
            problems.add(Problem.inField("marginPeriod", "survey.margins.choice.noPeriod", dataset));
        }
        Survey previous = null;
        Map<String, Map<String, Double>> inherited = null;
        String previousCode = trimmed(s.previousWave());
        if (previousCode != null) {
            previous = repository.survey(previousCode).orElse(null);
            if (previous == null) {
                problems.add(Problem.inField("previousWave", "survey.create.previousUnknown", previousCode));
            } else if (dataset != null) {
                problems.add(Problem.inField("previousWave", "survey.create.previousAndDataset", previousCode));
            } else if (!previous.questionnaire().equals(questionnaire)) {
                problems.add(Problem.inField("previousWave", "survey.create.previousOtherQuestionnaire",
                        previousCode, previous.questionnaire(), questionnaire));
            } else if (questionnaireId != null) {
                inherited = previous.marginDataset() != null ? Map.of()
                        : calibration.fitting(previous, questionnaireId);
                if (inherited.isEmpty()) {
                    problems.add(Problem.inField("previousWave", "survey.create.previousNoMargins", previousCode));
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new InvalidFieldsException("survey.create.invalid", problems);
        }
        Survey from = previous;
        Map<String, Map<String, Double>> taken = inherited;
        int q = questionnaireId;
        int v = version;
        try {
            int id = transactions.execute(status -> {
                int created = repository.createSurvey(code, q, new Names(kk, ru, en), wave, false, null);
                audit.record(AuditAction.CREATE, MarginService.AUDIT_SUBJECT, (long) created, 0, "survey " + code
                        + " created on questionnaire " + questionnaire + " version " + v);
                if (from != null) {
                    repository.inheritMargins(created, from.id(), taken);
                    audit.record(AuditAction.UPDATE, MarginService.AUDIT_SUBJECT, (long) created, 0, "survey " + code
                            + " took the own margins " + taken.keySet() + " of its previous wave " + from.code());
                } else {
                    weight(created, dataset, trimmed(s.marginPeriod()));
                }
                return created;
            });
            return surveys.survey(id);
        } catch (DuplicateKeyException e) {
            // Someone created a survey with this code between the check and the insert.
            throw new InvalidFieldsException("survey.create.invalid",
                    List.of(Problem.inField("code", "survey.create.codeTaken", code)));
        }
    }

    /**
     * The surveys a new wave can take user margins from: those weighted to their own margins, latest first (their
     * questionnaire must be the new wave's; that is checked when the wave is created).
     */
    public List<Survey> wavesWithOwnMargins() {
        return repository.surveys().stream().filter(p -> p.marginDataset() == null && !p.synthetic()
                        && !repository.margins(p.id()).isEmpty())
                .sorted(java.util.Comparator.comparingInt(Survey::id).reversed()).toList();
    }

    /** Applies the named margins (refusing the survey when they cannot weight it), or the default when it suits. */
    private void weight(int surveyId, String dataset, String period) {
        if (dataset == null) {
            defaultMargins().ifPresent(d -> {
                try {
                    margins.choose(surveyId, d.dataset(), d.period());
                } catch (SurveyException unsuitable) {
                    // E.g. a questionnaire without profile questions: the survey starts without margins.
                }
            });
        } else if (!dataset.isEmpty()) {
            try {
                margins.choose(surveyId, dataset, period);
            } catch (InvalidFieldsException e) {
                throw e;
            } catch (SurveyException e) {
                throw new InvalidFieldsException("survey.create.invalid", List.of(Problem.inField("marginDataset",
                        "survey.create.marginsRefused", SurveyException.quoting(e))));
            }
        }
    }

    private static String title(String value, String field, String language, List<Problem> problems) {
        String t = trimmed(value);
        if (t == null) {
            problems.add(Problem.inField(field, "survey.create.titleMissing", language(language)));
        } else if (t.length() > TITLE_LENGTH) {
            problems.add(Problem.inField(field, "survey.create.titleTooLong", language(language), TITLE_LENGTH));
        }
        return t;
    }

    /** The language's name, translated where the message is shown. */
    static DefaultMessageSourceResolvable language(String language) {
        return new DefaultMessageSourceResolvable("survey.language." + language);
    }

    static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
