package kz.agyn.survey;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.audit.AuditAction;
import kz.agyn.audit.AuditLog;
import kz.agyn.survey.estimation.MinimumCellSize;
import kz.agyn.survey.estimation.RakingException;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.DatasetPeriod;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSourceResolvable;
import org.springframework.stereotype.Service;
import org.springframework.transaction.support.TransactionTemplate;

/**
 * Which population margins a survey's weights are raked to: its own ({@code survey_margin}) or the young
 * specialists of a warehouse dataset and period ({@link PopulationMargins}).
 *
 * <p>A new choice is tried before it is saved, with the same margins and raking the estimates use, so that a
 * choice under which no estimate could be computed is refused with the reason and the survey keeps its
 * weighting. Every change is written to the audit log with the old and the new source.
 */
@Service
public class MarginService {

    /** The audit log's subject type for a survey; the subject id is the survey's id. */
    public static final String AUDIT_SUBJECT = "SURVEY";

    private final SurveyService surveys;
    private final SurveyRepository repository;
    private final PopulationMargins population;
    private final Warehouse warehouse;
    private final AuditLog audit;
    private final TransactionTemplate transactions;

    MarginService(SurveyService surveys, SurveyRepository repository, PopulationMargins population,
                  Warehouse warehouse, AuditLog audit, TransactionTemplate transactions) {
        this.surveys = surveys;
        this.repository = repository;
        this.population = population;
        this.warehouse = warehouse;
        this.audit = audit;
        this.transactions = transactions;
    }

    /** The survey's current source and the warehouse datasets and periods it could be weighted to instead. */
    public MarginSources sources(int surveyId) {
        Survey survey = surveys.survey(surveyId);
        boolean own = !repository.margins(surveyId).isEmpty();
        return new MarginSources(survey.id(), survey.code(), current(survey, own), own, survey.marginSource(),
                PopulationMargins.INDICATOR, choices());
    }

    /** The warehouse datasets holding the margin indicator, each with the periods it holds. */
    public List<MarginSources.DatasetChoice> choices() {
        Map<String, List<String>> periods = new LinkedHashMap<>();
        for (DatasetPeriod p : warehouse.periods(PopulationMargins.INDICATOR)) {
            periods.computeIfAbsent(p.dataset(), k -> new ArrayList<>()).add(p.period());
        }
        List<MarginSources.DatasetChoice> choices = new ArrayList<>();
        for (DatasetInfo d : warehouse.datasets()) {
            List<String> held = periods.get(d.code());
            if (held != null) {
                choices.add(new MarginSources.DatasetChoice(d.code(), d.title(), d.publisher(), d.currentVersion(),
                        d.synthetic(), held));
            }
        }
        return choices;
    }

    private MarginSources.Source current(Survey survey, boolean own) {
        if (survey.marginDataset() == null) {
            return new MarginSources.Source(own ? MarginSources.Kind.OWN : MarginSources.Kind.NONE, null, null,
                    null, null, null, null);
        }
        DatasetInfo d = warehouse.dataset(survey.marginDataset()).orElse(null);
        return new MarginSources.Source(MarginSources.Kind.WAREHOUSE, survey.marginDataset(), survey.marginPeriod(),
                d == null ? null : d.title(), d == null ? null : d.publisher(), d == null ? null : d.currentVersion(),
                d == null ? null : d.synthetic());
    }

    /**
     * Weights the survey to a warehouse dataset's population of {@code period}, or, when {@code dataset} is null
     * or blank, to its own margins, or, when it has none, leaves its design weights as they are (no raking).
     * Nothing is saved when the choice is refused.
     *
     * @throws SurveyException when the dataset is unknown, it holds no margin figures for the period or not for a
     *                         category respondents gave, or the weights cannot be raked to the margins
     */
    public MarginSources choose(int surveyId, String dataset, String period) {
        Survey survey = surveys.survey(surveyId);
        String d = trimmed(dataset);
        String p = d == null ? null : trimmed(period);
        boolean own = !repository.margins(surveyId).isEmpty();
        // Without a dataset: the survey's own margins, or none; an analyst must be able to undo a warehouse
        // choice even for a survey that never had margins of its own.
        if (d != null) {
            if (warehouse.dataset(d).isEmpty()) {
                throw SurveyException.invalid("survey.margins.choice.noDataset", d, PopulationMargins.INDICATOR);
            }
            if (p == null) {
                throw SurveyException.invalid("survey.margins.choice.noPeriod", d);
            }
            String period0 = p;
            if (warehouse.periods(PopulationMargins.INDICATOR).stream()
                    .noneMatch(x -> x.dataset().equals(d) && x.period().equals(period0))) {
                throw SurveyException.invalid("survey.margins.warehouse.empty", PopulationMargins.INDICATOR, d, p,
                        survey.code());
            }
        }
        Survey candidate = new Survey(survey.id(), survey.code(), survey.title(), survey.wave(), survey.synthetic(),
                survey.questionnaire(), survey.questionnaireVersion(), survey.questionnaireId(),
                survey.marginSource(), survey.respondents(), d, p);
        tryWeights(candidate);
        if (same(survey.marginDataset(), d) && same(survey.marginPeriod(), p)) {
            return sources(surveyId);
        }
        transactions.executeWithoutResult(status -> {
            repository.warehouseMargins(surveyId, d, p);
            // In the same transaction, so that a change the log could not record is not made either.
            audit.record(AuditAction.UPDATE, AUDIT_SUBJECT, (long) surveyId, 0, "survey " + survey.code()
                    + " margin source " + describe(survey.marginDataset(), survey.marginPeriod(), own) + " -> "
                    + describe(d, p, own));
        });
        return sources(surveyId);
    }

    /**
     * Computes the weights the estimates would use under the candidate source. With fewer respondents than any
     * estimate needs, raking would fail on categories nobody answered yet, which says nothing about the choice:
     * then only the margins themselves are checked.
     */
    private void tryWeights(Survey candidate) {
        List<Question> questions = repository.questions(candidate.questionnaireId());
        List<RespondentRow> respondents = repository.respondents(candidate.id());
        if (respondents.size() < MinimumCellSize.DEFAULT.minimum()) {
            if (candidate.marginDataset() != null) {
                population.of(candidate, questions, respondents);
            }
            return;
        }
        try {
            surveys.weights(candidate, questions, respondents);
        } catch (RakingException e) {
            // The raking's own sentence names the variable and category; this one adds which choice failed.
            MessageSourceResolvable reason = SurveyException.quoting(e);
            throw candidate.marginDataset() == null
                    ? SurveyException.invalid("survey.margins.choice.rakingOwn", candidate.code(), reason)
                    : SurveyException.invalid("survey.margins.choice.rakingWarehouse", candidate.marginDataset(),
                    candidate.marginPeriod(), reason);
        }
    }

    private static String describe(String dataset, String period, boolean own) {
        return dataset != null ? "warehouse " + dataset + " " + period : own ? "own margins" : "no margins";
    }

    private static boolean same(String a, String b) {
        return a == null ? b == null : a.equals(b);
    }

    private static String trimmed(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
