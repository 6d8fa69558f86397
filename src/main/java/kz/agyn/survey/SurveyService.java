package kz.agyn.survey;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

import kz.agyn.survey.estimation.Breakdown;
import kz.agyn.survey.estimation.Estimation;
import kz.agyn.survey.estimation.EstimationSettings;
import kz.agyn.survey.estimation.GroupMean;
import kz.agyn.survey.estimation.GroupShares;
import kz.agyn.survey.estimation.MeanEstimate;
import kz.agyn.survey.estimation.MinimumCellSize;
import kz.agyn.survey.estimation.OptionCell;
import kz.agyn.survey.estimation.Raking;
import kz.agyn.survey.estimation.RakingOptions;
import kz.agyn.survey.estimation.RakingResult;
import kz.agyn.survey.estimation.RakingVariable;
import kz.agyn.survey.estimation.RankedOption;
import kz.agyn.survey.estimation.Ranking;
import kz.agyn.survey.estimation.ShareEstimate;
import kz.agyn.survey.estimation.ShareTable;
import kz.agyn.survey.estimation.SurveyDesign;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.survey.internal.SurveyRepository.AnswerRow;
import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import org.springframework.stereotype.Service;

/**
 * Surveys, their questions, and weighted estimates.
 *
 * <p>Weights: each respondent's design weight (1 unless an imported file gave one) is raked to the survey's
 * own population margins ({@code survey_margin}), when it has any. The demonstration survey ships synthetic
 * margins by region, age group, sex and education; the warehouse's demonstration population is by region only
 * (all ages, both sexes, all levels of education), so it cannot supply these margins yet. A survey without margins is estimated with
 * its design weights as they are. Raking that cannot meet the margins is reported, never silently skipped.
 */
@Service
public class SurveyService {

    /** Fixed, so that the probabilities of the ranks do not change from one page view to the next. */
    static final long RANKING_SEED = 20241106L;

    private final SurveyRepository repository;

    public SurveyService(SurveyRepository repository) {
        this.repository = repository;
    }

    public List<Survey> surveys() {
        return repository.surveys();
    }

    public Survey survey(int id) {
        return repository.survey(id).orElseThrow(() -> SurveyException.notFound("survey.notFound", id));
    }

    public Optional<Survey> survey(String code) {
        return repository.survey(code);
    }

    /** A new wave of a questionnaire version, with no margins and no respondents. */
    public Survey create(String code, String questionnaire, int version, kz.agyn.reference.Names title, String wave) {
        int questionnaireId = repository.questionnaireId(questionnaire, version)
                .orElseThrow(() -> SurveyException.notFound("survey.questionnaire.notFound", questionnaire, version));
        return survey(repository.createSurvey(code, questionnaireId, title, wave, false, null));
    }

    public List<Question> questions(int surveyId) {
        return repository.questions(survey(surveyId).questionnaireId());
    }

    public Question question(int surveyId, String code) {
        return questions(surveyId).stream().filter(q -> q.code().equals(code)).findFirst()
                .orElseThrow(() -> SurveyException.notFound("survey.question.notFound", code));
    }

    /** Estimates for one question, by a profile dimension when {@code by} is given. */
    public Estimates estimates(int surveyId, String questionCode, String by, Locale locale) {
        Survey survey = survey(surveyId);
        List<Question> questions = repository.questions(survey.questionnaireId());
        Question question = questions.stream().filter(q -> q.code().equals(questionCode)).findFirst()
                .orElseThrow(() -> SurveyException.notFound("survey.question.notFound", questionCode));
        ProfileField dimension = by == null || by.isBlank() ? null : ProfileField.parse(by)
                .orElseThrow(() -> SurveyException.invalid("survey.estimates.unknownDimension", by));
        if (question.type() == QuestionType.TEXT) {
            throw SurveyException.invalid("survey.estimates.textQuestion", question.code());
        }
        List<RespondentRow> respondents = repository.respondents(surveyId);
        if (respondents.size() < MinimumCellSize.DEFAULT.minimum()) {
            throw SurveyException.invalid("survey.estimates.tooFewRespondents", respondents.size(),
                    MinimumCellSize.DEFAULT.minimum());
        }
        Weights weights = weights(survey, respondents);
        SurveyDesign design = SurveyDesign.weighted(weights.weights());
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < respondents.size(); i++) {
            position.put(respondents.get(i).id(), i);
        }
        List<AnswerRow> rows = repository.answers(surveyId, question.id());
        List<String> groups = dimension == null ? null
                : respondents.stream().map(r -> r.profile().get(dimension.code())).toList();
        Map<String, String> groupLabels = dimension == null ? Map.of() : labels(questions, dimension.code(), locale);
        EstimationSettings settings = EstimationSettings.DEFAULT;
        MinimumCellSize rule = MinimumCellSize.DEFAULT;
        List<Estimates.OptionEstimate> options = new ArrayList<>();
        List<Estimates.GroupEstimate> groupEstimates = new ArrayList<>();
        Estimates.MeanResult mean = null;
        int answered;
        String basis;
        if (question.type() == QuestionType.NUMBER) {
            List<Double> values = new ArrayList<>(java.util.Collections.nCopies(respondents.size(), (Double) null));
            rows.forEach(a -> values.set(position.get(a.respondentId()), a.number()));
            answered = (int) values.stream().filter(v -> v != null).count();
            basis = "ANSWER";
            if (answered >= rule.minimum()) {
                MeanEstimate m = Estimation.mean(design, values, settings);
                mean = new Estimates.MeanResult(m.mean(), m.wald().low(), m.wald().high(), m.n());
            }
            if (groups != null) {
                for (GroupMean g : Breakdown.mean(design, values, groups, settings, rule)) {
                    groupEstimates.add(new Estimates.GroupEstimate(g.group(), groupLabels.getOrDefault(g.group(),
                            g.group()), g.respondents(), g.estimate().isEmpty(), g.estimate().map(m -> List.of(
                            new Estimates.Cell("mean", g.respondents(), m.mean(), m.wald().low(), m.wald().high(),
                                    false))).orElse(List.of())));
                }
            }
        } else {
            List<String> codes = question.optionCodes();
            ShareTable table;
            List<GroupShares> byGroup = null;
            if (question.type() == QuestionType.MULTIPLE) {
                List<Set<String>> answers = new ArrayList<>(java.util.Collections.nCopies(respondents.size(),
                        (Set<String>) null));
                for (AnswerRow a : rows) {
                    int i = position.get(a.respondentId());
                    if (answers.get(i) == null) {
                        answers.set(i, new LinkedHashSet<>());
                    }
                    answers.get(i).add(a.option());
                }
                answered = (int) answers.stream().filter(s -> s != null).count();
                basis = "CHOSEN";
                requireAnswers(answered);
                table = Estimation.multipleChoice(design, answers, codes, settings);
                if (groups != null) {
                    byGroup = Breakdown.multipleChoice(design, answers, codes, groups, settings, rule);
                }
            } else {
                List<String> answers = new ArrayList<>(java.util.Collections.nCopies(respondents.size(),
                        (String) null));
                for (AnswerRow a : rows) {
                    // A ranking question's main answer is its first rank; other rows are lower ranks.
                    if (a.option() != null && (a.rank() == null || a.rank() == 1)) {
                        answers.set(position.get(a.respondentId()), a.option());
                    }
                }
                answered = (int) answers.stream().filter(s -> s != null).count();
                basis = question.type() == QuestionType.RANKING ? "FIRST_RANK" : "ANSWER";
                requireAnswers(answered);
                table = Estimation.singleChoice(design, answers, codes, settings);
                if (groups != null) {
                    byGroup = Breakdown.singleChoice(design, answers, codes, groups, settings, rule);
                }
            }
            for (RankedOption r : Ranking.rank(table, RANKING_SEED)) {
                ShareEstimate e = table.share(r.option());
                options.add(new Estimates.OptionEstimate(r.option(), text(question, r.option(), locale), e.share(),
                        e.interval().low(), e.interval().high(), e.n(), r.rank(), r.probabilityOfRank()));
            }
            if (byGroup != null) {
                for (GroupShares g : orderGroups(byGroup, groupLabels)) {
                    List<Estimates.Cell> cells = new ArrayList<>();
                    for (OptionCell c : g.cells()) {
                        cells.add(new Estimates.Cell(c.option(), c.n(),
                                c.estimate().map(ShareEstimate::share).orElse(null),
                                c.estimate().map(e -> e.interval().low()).orElse(null),
                                c.estimate().map(e -> e.interval().high()).orElse(null), c.suppressed()));
                    }
                    groupEstimates.add(new Estimates.GroupEstimate(g.group(), groupLabels.getOrDefault(g.group(),
                            g.group()), g.respondents(), g.suppressed(), cells));
                }
            }
        }
        return new Estimates(survey.id(), survey.title().in(locale), survey.synthetic(), question.code(),
                question.type(), question.text().in(locale), basis, dimension == null ? null : dimension.code(),
                respondents.size(), answered, weights.info(), options, mean, groupEstimates);
    }

    private static void requireAnswers(int answered) {
        if (answered < 2) {
            throw SurveyException.invalid("survey.estimates.tooFewRespondents", answered,
                    MinimumCellSize.DEFAULT.minimum());
        }
    }

    /** Groups in the order of the profile question's options, so that tables read the same every time. */
    private static List<GroupShares> orderGroups(List<GroupShares> groups, Map<String, String> labels) {
        List<String> order = new ArrayList<>(labels.keySet());
        List<GroupShares> sorted = new ArrayList<>(groups);
        sorted.sort(java.util.Comparator.comparingInt(g -> {
            int i = order.indexOf(g.group());
            return i < 0 ? Integer.MAX_VALUE : i;
        }));
        return sorted;
    }

    private static Map<String, String> labels(List<Question> questions, String code, Locale locale) {
        Map<String, String> m = new java.util.LinkedHashMap<>();
        questions.stream().filter(q -> q.code().equals(code)).findFirst()
                .ifPresent(q -> q.options().forEach(o -> m.put(o.code(), o.text().in(locale))));
        return m;
    }

    private static String text(Question q, String option, Locale locale) {
        return q.option(option).map(o -> o.text().in(locale)).orElse(option);
    }

    record Weights(List<Double> weights, Estimates.Weighting info) {
    }

    /** Design weights raked to the survey's margins; a failure to meet them is the analyst's to see. */
    Weights weights(Survey survey, List<RespondentRow> respondents) {
        List<Double> base = respondents.stream().map(RespondentRow::weight).toList();
        Map<String, Map<String, Double>> margins = repository.margins(survey.id());
        if (margins.isEmpty()) {
            return new Weights(base, new Estimates.Weighting(false, List.of(), 0,
                    SurveyDesign.weighted(base).kishDesignEffect(), null));
        }
        List<RakingVariable> variables = new ArrayList<>();
        margins.forEach((variable, cats) -> variables.add(new RakingVariable(variable,
                respondents.stream().map(r -> r.profile().get(variable)).toList(), cats)));
        RakingResult result = Raking.rake(base, variables, RakingOptions.DEFAULT).orThrow();
        return new Weights(result.weights(), new Estimates.Weighting(true, List.copyOf(margins.keySet()),
                result.iterations(), SurveyDesign.weighted(result.weights()).kishDesignEffect(),
                survey.marginSource()));
    }
}
