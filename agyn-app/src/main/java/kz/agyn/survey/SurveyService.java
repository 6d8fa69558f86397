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
import kz.agyn.survey.estimation.CalibrationMethod;
import kz.agyn.survey.estimation.CrossTab;
import kz.agyn.survey.estimation.CrossTabCell;
import kz.agyn.survey.estimation.CrossTabulation;
import kz.agyn.survey.estimation.Estimation;
import kz.agyn.survey.estimation.EstimationSettings;
import kz.agyn.survey.estimation.GroupMean;
import kz.agyn.survey.estimation.GroupShares;
import kz.agyn.survey.estimation.MeanEstimate;
import kz.agyn.survey.estimation.MinimumCellSize;
import kz.agyn.survey.estimation.OptionCell;
import kz.agyn.survey.estimation.RakingOptions;
import kz.agyn.survey.estimation.RakingResult;
import kz.agyn.survey.estimation.RakingVariable;
import kz.agyn.survey.estimation.RankedOption;
import kz.agyn.survey.estimation.Ranking;
import kz.agyn.survey.estimation.ShareDifference;
import kz.agyn.survey.estimation.ShareEstimate;
import kz.agyn.survey.estimation.ShareTable;
import kz.agyn.survey.estimation.SurveyDesign;
import kz.agyn.survey.estimation.WaveComparison;
import kz.agyn.survey.internal.SurveyRepository;
import kz.agyn.survey.internal.SurveyRepository.AnswerRow;
import kz.agyn.survey.internal.SurveyRepository.RespondentRow;
import org.springframework.stereotype.Service;

/**
 * Surveys, their questions, and weighted estimates.
 *
 * <p>Weights: each respondent's design weight (1 unless an imported file gave one) is raked to known population
 * margins by region, age group, sex and education. A survey that names a warehouse dataset and period
 * ({@link Survey#marginDataset()}) takes them from the indicator warehouse ({@link PopulationMargins}), which
 * wins over the survey's own margins ({@code survey_margin}); the demonstration waves are weighted to the
 * synthetic warehouse population of 2024. Otherwise the survey's own margins are used when it has any, and a
 * survey without margins is estimated with its design weights as they are. Raking that cannot meet the margins,
 * or warehouse margins that lack a category respondents gave, is reported, never silently skipped.
 */
@Service
public class SurveyService {

    /** Fixed, so that the probabilities of the ranks do not change from one page view to the next. */
    static final long RANKING_SEED = 20241106L;

    private final SurveyRepository repository;
    private final PopulationMargins population;

    private final org.springframework.context.MessageSource messages;

    SurveyService(SurveyRepository repository, PopulationMargins population,
                  org.springframework.context.MessageSource messages, kz.agyn.platform.cache.Caches caches) {
        this.repository = repository;
        this.population = population;
        this.messages = messages;
        // Raking and the intervals cost tens of milliseconds a question; under load (docs/benchmarks.md) the
        // results page took a quarter of the application's CPU. The margins may come from the warehouse.
        this.estimates = caches.perGeneration(2_000, kz.agyn.platform.cache.Caches.SURVEY,
                kz.agyn.platform.cache.Caches.WAREHOUSE, kz.agyn.platform.cache.Caches.REFERENCE);
    }

    private record EstimatesKey(int surveyId, String questionCode, String by, Locale locale) {
    }

    private final kz.agyn.platform.cache.PerGeneration<EstimatesKey, Estimates> estimates;

    /** The sample design the survey declares and the interval its shares are shown with. */
    public SurveyDesignDeclaration design(int surveyId) {
        survey(surveyId);
        return repository.design(surveyId);
    }

    public List<Survey> surveys() {
        return repository.surveys();
    }

    /**
     * How many of a survey's respondents came through the public form or an import rather than with the
     * demonstration data: in a synthetic survey they are real answers mixed into generated ones, which its
     * pages must say.
     */
    public int realRespondents(int surveyId) {
        return repository.realRespondents(surveyId);
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

    /** The profile fields the survey's questionnaire asks, which estimates can be broken down by. */
    public List<ProfileField> profileFields(Survey survey) {
        List<String> asked = repository.questions(survey.questionnaireId()).stream().map(Question::profileField)
                .filter(f -> f != null).toList();
        return java.util.Arrays.stream(ProfileField.values()).filter(f -> asked.contains(f.code())).toList();
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
        // Kept per generation of the survey, warehouse and reference data: never older than the last change.
        return estimates.get(new EstimatesKey(surveyId, questionCode, by, locale),
                () -> computeEstimates(surveyId, questionCode, by, locale));
    }

    private Estimates computeEstimates(int surveyId, String questionCode, String by, Locale locale) {
        Survey found = survey(surveyId);
        Question question = find(repository.questions(found.questionnaireId()), questionCode);
        ProfileField dimension = by == null || by.isBlank() ? null : ProfileField.parse(by)
                .orElseThrow(() -> SurveyException.invalid("survey.estimates.unknownDimension", by));
        if (question.type() == QuestionType.TEXT) {
            throw SurveyException.invalid("survey.estimates.textQuestion", question.code());
        }
        if (dimension != null && profileFields(found).stream().noneMatch(f -> f == dimension)) {
            // Every respondent's value would be empty: say why rather than show a table of nothing.
            throw SurveyException.invalid("survey.estimates.noProfileQuestion", dimension.code(), found.code());
        }
        Sample sample = sample(found);
        List<RespondentRow> respondents = sample.respondents();
        SurveyDesign design = sample.design();
        List<String> groups = dimension == null ? null
                : respondents.stream().map(r -> r.profile().get(dimension.code())).toList();
        Map<String, String> groupLabels = dimension == null ? Map.of()
                : labels(sample.questions(), dimension.code(), locale);
        EstimationSettings settings = sample.settings();
        MinimumCellSize rule = MinimumCellSize.DEFAULT;
        List<Estimates.OptionEstimate> options = new ArrayList<>();
        List<Estimates.GroupEstimate> groupEstimates = new ArrayList<>();
        Estimates.MeanResult mean = null;
        int answered;
        String basis;
        int degreesOfFreedom = design.degreesOfFreedom();
        Integer noneCount = null;
        if (question.type() == QuestionType.NUMBER) {
            List<Double> values = new ArrayList<>(java.util.Collections.nCopies(respondents.size(), (Double) null));
            repository.answers(sample.survey().id(), question.id())
                    .forEach(a -> values.set(sample.position().get(a.respondentId()), a.number()));
            answered = (int) values.stream().filter(v -> v != null).count();
            basis = "ANSWER";
            if (answered >= rule.minimum()) {
                MeanEstimate m = Estimation.mean(design, values, settings);
                mean = new Estimates.MeanResult(m.mean(), m.wald().low(), m.wald().high(), m.n());
                degreesOfFreedom = m.degreesOfFreedom();
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
            Shares shares = shares(sample, question);
            answered = shares.answered();
            basis = shares.basis();
            ShareTable table = shares.table();
            degreesOfFreedom = table.degreesOfFreedom();
            if (shares.chosen() != null) {
                // "None of these" (an option so flagged, or an answer with nothing chosen) is in the base.
                java.util.Set<String> noneCodes = question.options().stream().filter(SurveyOption::none)
                        .map(SurveyOption::code).collect(java.util.stream.Collectors.toSet());
                noneCount = (int) shares.chosen().stream().filter(c -> c != null
                        && (c.isEmpty() || noneCodes.containsAll(c))).count();
            }
            List<GroupShares> byGroup = null;
            if (groups != null) {
                byGroup = question.type() == QuestionType.MULTIPLE
                        ? Breakdown.multipleChoice(design, shares.chosen(), codes, groups, settings, rule)
                        : Breakdown.singleChoice(design, shares.single(), codes, groups, settings, rule);
            }
            for (RankedOption r : Ranking.rank(table, RANKING_SEED)) {
                ShareEstimate e = table.share(r.option());
                options.add(new Estimates.OptionEstimate(r.option(), text(question, r.option(), locale), e.share(),
                        e.interval().low(), e.interval().high(), e.n(), r.rank(), r.probabilityOfRank(),
                        e.standardError(), e.deff().isPresent() ? e.deff().getAsDouble() : null,
                        e.effectiveSampleSize().isPresent() ? e.effectiveSampleSize().getAsDouble() : null,
                        e.degreesOfFreedom(), e.weightedCount()));
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
        Survey survey = sample.survey();
        int skipped = respondents.size() - answered;
        Integer chosenNone = noneCount;
        String baseStatement = messages.getMessage(chosenNone == null ? "survey.base.statement"
                : "survey.base.statementNone", new Object[] {answered, respondents.size(), skipped,
                chosenNone == null ? 0 : chosenNone}, locale);
        return new Estimates(survey.id(), survey.title().in(locale), survey.synthetic(), question.code(),
                question.type(), question.text().in(locale), basis, dimension == null ? null : dimension.code(),
                respondents.size(), answered, sample.weights().info(), options, mean, groupEstimates,
                new Estimates.Base(respondents.size(), answered, skipped, chosenNone, baseStatement),
                intervals(settings, degreesOfFreedom, question.type() == QuestionType.NUMBER, sample.declared(), locale),
                sample.declared());
    }

    /**
     * "95% logit interval, 187 degrees of freedom" (or "95% logit interval, replicate weights JK1, 14 degrees of
     * freedom"), as every page, export and API answer states it.
     */
    Estimates.Intervals intervals(EstimationSettings settings, int degreesOfFreedom, boolean mean,
                                  SurveyDesignDeclaration declared, Locale locale) {
        String method = mean ? "MEAN" : settings.method().name();
        String variance = declared.replicated() ? declared.replicates().type().name() : Estimates.LINEARIZATION;
        String methodText = messages.getMessage("survey.interval.method." + method, null, locale);
        String statement = declared.replicated()
                ? messages.getMessage("survey.interval.statementReplicates", new Object[] {settings.level() * 100,
                methodText, degreesOfFreedom, messages.getMessage("survey.replicates.type." + variance, null,
                locale)}, locale)
                : messages.getMessage("survey.interval.statement", new Object[] {settings.level() * 100, methodText,
                degreesOfFreedom}, locale);
        return new Estimates.Intervals(method, settings.level(), degreesOfFreedom, variance, statement);
    }

    /**
     * The weighted cross-tabulation of two categorical questions (profile questions included) with the
     * Rao–Scott test of independence; see {@link CrossTable}. A ranking question enters by its first rank.
     */
    public CrossTable crossTable(int surveyId, String rowCode, String columnCode, Locale locale) {
        if (rowCode == null || rowCode.isBlank() || columnCode == null || columnCode.isBlank()) {
            throw SurveyException.invalid("survey.crosstab.missingQuestion");
        }
        Survey survey = survey(surveyId);
        List<Question> questions = repository.questions(survey.questionnaireId());
        Question row = find(questions, rowCode);
        Question column = find(questions, columnCode);
        if (row.code().equals(column.code())) {
            throw SurveyException.invalid("survey.crosstab.sameQuestion", row.code());
        }
        for (Question q : List.of(row, column)) {
            if (!q.type().hasOptions() || q.type() == QuestionType.MULTIPLE) {
                throw SurveyException.invalid("survey.crosstab.notSingleChoice", q.code());
            }
        }
        Sample sample = sample(survey);
        List<String> rowAnswers = single(sample, row);
        List<String> columnAnswers = single(sample, column);
        List<String> rowBoth = new ArrayList<>();
        List<String> columnBoth = new ArrayList<>();
        for (int i = 0; i < rowAnswers.size(); i++) {
            boolean both = rowAnswers.get(i) != null && columnAnswers.get(i) != null;
            rowBoth.add(both ? rowAnswers.get(i) : null);
            columnBoth.add(both ? columnAnswers.get(i) : null);
        }
        int answeredBoth = (int) rowBoth.stream().filter(a -> a != null).count();
        requireAnswers(answeredBoth);
        MinimumCellSize rule = MinimumCellSize.DEFAULT;
        EstimationSettings settings = sample.settings();
        CrossTab table = CrossTabulation.of(sample.design(), rowAnswers, row.optionCodes(), columnAnswers,
                column.optionCodes(), settings, rule);
        ShareTable rowTable = Estimation.singleChoice(sample.design(), rowBoth, row.optionCodes(), settings);
        List<CrossTable.Category> rows = margin(rowTable, row, rule, locale);
        List<CrossTable.Category> columns = margin(Estimation.singleChoice(sample.design(), columnBoth,
                column.optionCodes(), settings), column, rule, locale);
        List<CrossTable.Cell> cells = new ArrayList<>();
        for (CrossTabCell c : table.cells()) {
            cells.add(new CrossTable.Cell(c.row(), c.column(), c.n(),
                    c.estimate().map(ShareEstimate::share).orElse(null),
                    c.rowShare().orElse(null), c.columnShare().orElse(null),
                    c.estimate().map(e -> e.interval().low()).orElse(null),
                    c.estimate().map(e -> e.interval().high()).orElse(null), c.suppressed()));
        }
        CrossTable.Test test = table.tests().map(t -> new CrossTable.Test(CrossTable.Test.CORRECTION,
                t.raoScottSecondOrder().statistic(), t.raoScottSecondOrder().numeratorDf(),
                t.raoScottSecondOrder().denominatorDf(), t.raoScottSecondOrder().pValue(),
                t.raoScottSecondOrder().pValue() < CrossTable.Test.ALPHA, t.pearsonWeighted().statistic(),
                t.pearsonWeighted().degreesOfFreedom(), t.raoScottFirstOrder().statistic(),
                t.raoScottFirstOrder().pValue(), t.meanDesignEffect())).orElse(null);
        return new CrossTable(survey.id(), survey.title().in(locale), survey.synthetic(),
                variable(row, locale), variable(column, locale), sample.respondents().size(), answeredBoth,
                sample.weights().info(), rows, columns, cells, test,
                intervals(settings, rowTable.degreesOfFreedom(), false, sample.declared(), locale));
    }

    /**
     * The change of each option's share from survey {@code withId} to survey {@code surveyId}, two waves of the
     * same questionnaire; see {@link WaveChanges}.
     */
    public WaveChanges compare(int surveyId, Integer withId, String questionCode, Locale locale) {
        if (withId == null) {
            throw SurveyException.invalid("survey.compare.missingWave");
        }
        Survey survey = survey(surveyId);
        Survey other = survey(withId);
        if (survey.id() == other.id()) {
            throw SurveyException.invalid("survey.compare.sameSurvey", survey.code());
        }
        if (survey.questionnaireId() != other.questionnaireId()) {
            throw SurveyException.invalid("survey.compare.differentQuestionnaire", other.code(),
                    other.questionnaire(), other.questionnaireVersion(), survey.code(), survey.questionnaire(),
                    survey.questionnaireVersion());
        }
        Sample current = sample(survey);
        Sample earlier = sample(other);
        Question question = current.question(questionCode);
        if (!question.type().hasOptions()) {
            throw SurveyException.invalid("survey.compare.notCategorical", question.code());
        }
        Shares now = shares(current, question);
        Shares before = shares(earlier, question);
        List<WaveChanges.Change> changes = new ArrayList<>();
        for (ShareDifference d : WaveComparison.compare(before.table(), now.table(), WaveChanges.LEVEL)) {
            changes.add(new WaveChanges.Change(d.option(), text(question, d.option(), locale), d.second(),
                    now.table().share(d.option()).n(), d.first(), before.table().share(d.option()).n(),
                    d.difference(), d.interval().low(), d.interval().high(), d.pValue(), d.adjustedPValue(),
                    d.significant()));
        }
        return new WaveChanges(side(current, now, locale), side(earlier, before, locale), question.code(),
                question.type(), question.text().in(locale), now.basis(), WaveChanges.LEVEL, changes,
                WaveChanges.INTERVAL_METHOD, messages.getMessage("survey.interval.statementDifference",
                new Object[] {WaveChanges.LEVEL * 100}, locale));
    }

    /** Surveys of the same questionnaire version as this one, which it can be compared with. */
    public List<Survey> otherWaves(int surveyId) {
        Survey survey = survey(surveyId);
        return surveys().stream().filter(s -> s.id() != survey.id()
                && s.questionnaireId() == survey.questionnaireId()).toList();
    }

    private static WaveChanges.Side side(Sample sample, Shares shares, Locale locale) {
        Survey s = sample.survey();
        return new WaveChanges.Side(s.id(), s.code(), s.title().in(locale), s.wave(), s.synthetic(),
                sample.respondents().size(), shares.answered(), sample.weights().info());
    }

    private static CrossTable.Variable variable(Question q, Locale locale) {
        return new CrossTable.Variable(q.code(), q.text().in(locale),
                q.type() == QuestionType.RANKING ? "FIRST_RANK" : "ANSWER");
    }

    /** A row or column total, held back like any cell when fewer than the minimum respondents are in it. */
    private static List<CrossTable.Category> margin(ShareTable table, Question q, MinimumCellSize rule,
                                                    Locale locale) {
        List<CrossTable.Category> out = new ArrayList<>();
        for (ShareEstimate e : table.shares()) {
            boolean suppressed = rule.suppressed(e.n());
            out.add(new CrossTable.Category(e.option(), text(q, e.option(), locale), e.n(),
                    suppressed ? null : e.share(), suppressed));
        }
        return out;
    }

    private static Question find(List<Question> questions, String code) {
        return questions.stream().filter(q -> q.code().equals(code)).findFirst()
                .orElseThrow(() -> SurveyException.notFound("survey.question.notFound", code));
    }

    /**
     * A survey's respondents with their weights, ready to estimate: what every estimate of the survey shares.
     *
     * @param position a respondent's id → its index in {@code respondents} and in the design
     */
    record Sample(Survey survey, List<Question> questions, List<RespondentRow> respondents, Weights weights,
                  SurveyDesign design, Map<Long, Integer> position, SurveyDesignDeclaration declared,
                  EstimationSettings settings) {

        Question question(String code) {
            return find(questions, code);
        }
    }

    Sample sample(Survey survey) {
        List<Question> questions = repository.questions(survey.questionnaireId());
        List<RespondentRow> respondents = repository.respondents(survey.id());
        if (respondents.isEmpty()) {
            throw SurveyException.invalid("survey.estimates.noRespondents", survey.code());
        }
        if (respondents.size() < MinimumCellSize.DEFAULT.minimum()) {
            throw SurveyException.invalid("survey.estimates.tooFewRespondents", respondents.size(),
                    MinimumCellSize.DEFAULT.minimum());
        }
        Weights weights = weights(survey, questions, respondents);
        Map<Long, Integer> position = new HashMap<>();
        for (int i = 0; i < respondents.size(); i++) {
            position.put(respondents.get(i).id(), i);
        }
        SurveyDesignDeclaration declared = repository.design(survey.id());
        SurveyDesign design = design(declared, respondents);
        design = calibrated(declared, design, weights);
        return new Sample(survey, questions, respondents, weights, design, position, declared,
                new EstimationSettings(EstimationSettings.DEFAULT.level(), declared.intervals()));
    }

    /**
     * The design with the calibrated weights, whose variance accounts for the calibration: by the calibration
     * residuals ({@code Calibration}), or, with replicate weights, by calibrating each replicate alike; a replicate
     * that cannot meet the margins is named.
     */
    static SurveyDesign calibrated(SurveyDesignDeclaration declared, SurveyDesign design, Weights weights) {
        if (weights.raking().isEmpty()) {
            return design;
        }
        try {
            return design.calibrated(weights.weights(), weights.raking(), weights.method(),
                    declared.bounds().map(RakingOptions.DEFAULT::withBounds).orElse(RakingOptions.DEFAULT));
        } catch (kz.agyn.survey.estimation.ReplicateCalibrationException e) {
            throw SurveyException.invalid("survey.replicates.calibrationFailed", e.replicate(),
                    SurveyException.quoting(e.reason()));
        }
    }

    /**
     * The declared design with the respondents' base weights. A respondent without a declared variable (one who
     * came through the web form, say) cannot be placed in the design: the analyst is told which and why.
     */
    static SurveyDesign design(SurveyDesignDeclaration d, List<RespondentRow> respondents) {
        List<Double> weights = respondents.stream().map(RespondentRow::weight).toList();
        if (d.replicated()) {
            return replicated(d, respondents, weights);
        }
        List<String> strata = d.strata() ? required(respondents, DesignValues::stratum, "stratum") : List.of();
        List<String> psu = d.stages() >= 1 ? required(respondents, DesignValues::psu, "psu") : List.of();
        List<String> ssu = d.stages() == 2 ? required(respondents, DesignValues::ssu, "ssu") : List.of();
        List<Double> fpc1 = d.fpc() ? required(respondents, DesignValues::fpc1, "fpc1") : List.of();
        List<Double> fpc2 = d.fpc() && d.stages() == 2 ? required(respondents, DesignValues::fpc2, "fpc2") : List.of();
        try {
            return new SurveyDesign(weights, strata, psu, ssu, fpc1, fpc2, null);
        } catch (IllegalArgumentException e) {
            // A stratum with one PSU, or a population smaller than its sample: say so in the analyst's words.
            throw SurveyException.invalid("survey.design.invalid", e.getMessage());
        }
    }

    /**
     * The replicate design: every respondent with the same number R ≥ 2 of replicate weights, the declared rscales one
     * per replicate, and for JKn without rscales each replicate's {@code (n_h − 1) / n_h} from the strata.
     */
    private static SurveyDesign replicated(SurveyDesignDeclaration d, List<RespondentRow> respondents,
                                           List<Double> weights) {
        ReplicateDeclaration declared = d.replicates();
        int count = respondents.get(0).design().replicates().size();
        for (RespondentRow r : respondents) {
            int own = r.design().replicates().size();
            if (own == 0) {
                throw SurveyException.invalid("survey.design.missingValue", ReplicateDeclaration.COLUMN_PREFIX + 1,
                        respondents.size());
            }
            if (own != count) {
                throw SurveyException.invalid("survey.replicates.countDiffers", count, own);
            }
        }
        if (count < 2) {
            throw SurveyException.invalid("survey.replicates.tooFew", count);
        }
        double[][] replicates = new double[count][respondents.size()];
        for (int i = 0; i < respondents.size(); i++) {
            List<Double> own = respondents.get(i).design().replicates();
            for (int r = 0; r < count; r++) {
                replicates[r][i] = own.get(r);
            }
        }
        double[] rscales = null;
        if (declared.rscales() != null) {
            if (declared.rscales().size() != count) {
                throw SurveyException.invalid("survey.replicates.rscalesLength", declared.rscales().size(), count);
            }
            rscales = declared.rscales().stream().mapToDouble(Double::doubleValue).toArray();
        } else if (declared.type() == kz.agyn.survey.estimation.ReplicateType.JKN) {
            rscales = jknRscales(d, respondents, replicates);
        }
        try {
            return SurveyDesign.replicated(weights, kz.agyn.survey.estimation.ReplicateWeights.of(declared.type(),
                    replicates, declared.scale(), rscales, declared.mse(), declared.rho()));
        } catch (IllegalArgumentException e) {
            throw SurveyException.invalid("survey.design.invalid", e.getMessage());
        }
    }

    /**
     * JKn's rscales from the strata, as R's {@code jknweights}: replicate r drops one PSU (its respondents get weight
     * 0) of a stratum h with n_h PSUs, and its rscale is {@code (n_h − 1) / n_h}. A replicate that drops nobody, or
     * respondents of several strata, is not a delete-one-PSU jackknife replicate and is refused.
     */
    private static double[] jknRscales(SurveyDesignDeclaration d, List<RespondentRow> respondents,
                                       double[][] replicates) {
        if (!d.strata()) {
            throw SurveyException.invalid("survey.replicates.jknNeedsStrata");
        }
        List<String> strata = required(respondents, DesignValues::stratum, "stratum");
        List<String> psu = d.stages() >= 1 ? required(respondents, DesignValues::psu, "psu") : null;
        Map<String, java.util.Set<String>> units = new java.util.HashMap<>();
        for (int i = 0; i < strata.size(); i++) {
            units.computeIfAbsent(strata.get(i), h -> new java.util.HashSet<>())
                    .add(psu == null ? Integer.toString(i) : psu.get(i));
        }
        double[] rscales = new double[replicates.length];
        for (int r = 0; r < replicates.length; r++) {
            java.util.Set<String> dropped = new java.util.HashSet<>();
            for (int i = 0; i < strata.size(); i++) {
                if (replicates[r][i] == 0 && respondents.get(i).weight() > 0) {
                    dropped.add(strata.get(i));
                }
            }
            if (dropped.size() != 1) {
                throw SurveyException.invalid("survey.replicates.jknNotDeletion", r + 1, dropped.size());
            }
            double n = units.get(dropped.iterator().next()).size();
            rscales[r] = (n - 1) / n;
        }
        return rscales;
    }

    private static <T> List<T> required(List<RespondentRow> respondents,
                                        java.util.function.Function<DesignValues, T> value, String column) {
        List<T> values = new ArrayList<>(respondents.size());
        for (RespondentRow r : respondents) {
            T v = value.apply(r.design());
            if (v == null) {
                throw SurveyException.invalid("survey.design.missingValue", column, respondents.size());
            }
            values.add(v);
        }
        return values;
    }

    /**
     * The weighted shares of a question with options, and the answers they came from: {@code single} for a
     * single-choice, Likert or ranking question, {@code chosen} for a multiple-choice one.
     */
    private record Shares(ShareTable table, int answered, String basis, List<String> single,
                          List<Set<String>> chosen) {
    }

    private Shares shares(Sample sample, Question question) {
        List<String> codes = question.optionCodes();
        if (question.type() == QuestionType.MULTIPLE) {
            List<Set<String>> answers = new ArrayList<>(java.util.Collections.nCopies(sample.respondents().size(),
                    (Set<String>) null));
            for (AnswerRow a : repository.answers(sample.survey().id(), question.id())) {
                int i = sample.position().get(a.respondentId());
                if (answers.get(i) == null) {
                    answers.set(i, new LinkedHashSet<>());
                }
                if (a.option() != null) {
                    answers.get(i).add(a.option());
                }
            }
            int answered = (int) answers.stream().filter(s -> s != null).count();
            requireAnswers(answered);
            return new Shares(Estimation.multipleChoice(sample.design(), answers, codes, sample.settings()),
                    answered, "CHOSEN", null, answers);
        }
        List<String> answers = single(sample, question);
        int answered = (int) answers.stream().filter(s -> s != null).count();
        requireAnswers(answered);
        return new Shares(Estimation.singleChoice(sample.design(), answers, codes, sample.settings()),
                answered, question.type() == QuestionType.RANKING ? "FIRST_RANK" : "ANSWER", answers, null);
    }

    /** Each respondent's one answer (null when none); a ranking question's main answer is its first rank. */
    private List<String> single(Sample sample, Question question) {
        List<String> answers = new ArrayList<>(java.util.Collections.nCopies(sample.respondents().size(),
                (String) null));
        for (AnswerRow a : repository.answers(sample.survey().id(), question.id())) {
            if (a.option() != null && (a.rank() == null || a.rank() == 1)) {
                answers.set(sample.position().get(a.respondentId()), a.option());
            }
        }
        return answers;
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

    /** The weights, how they were made, and the calibration variables (empty when not calibrated). */
    record Weights(List<Double> weights, Estimates.Weighting info, List<RakingVariable> raking) {

        Weights(List<Double> weights, Estimates.Weighting info) {
            this(weights, info, List.of());
        }

        /** How the weights were calibrated to the margins. */
        CalibrationMethod method() {
            return info.method();
        }
    }

    /** Design weights calibrated to the survey's margins; a failure to meet them is the analyst's to see. */
    Weights weights(Survey survey, List<Question> questions, List<RespondentRow> respondents) {
        return weights(survey, questions, respondents, repository.design(survey.id()).bounds(),
                repository.calibration(survey.id()), null);
    }

    /** The same with the trimming bounds given, as a declaration about to be saved is tried. */
    Weights weights(Survey survey, List<Question> questions, List<RespondentRow> respondents,
                    Optional<kz.agyn.survey.estimation.WeightBounds> bounds) {
        return weights(survey, questions, respondents, bounds, repository.calibration(survey.id()), null);
    }

    /**
     * The weights with the bounds, the calibration and (when not null) the survey's own margins given, as a
     * calibration about to be saved is tried. Own margins given as shares are scaled to the sum of the design
     * weights; a category whose target is 0 is left out.
     */
    Weights weights(Survey survey, List<Question> questions, List<RespondentRow> respondents,
                    Optional<kz.agyn.survey.estimation.WeightBounds> bounds,
                    SurveyRepository.CalibrationRow calibration, Map<String, Map<String, Double>> ownMargins) {
        List<Double> base = respondents.stream().map(RespondentRow::weight).toList();
        Map<String, Map<String, Double>> margins;
        Estimates.WarehouseMargins warehouse = null;
        String source = survey.marginSource();
        if (survey.marginDataset() != null) {
            PopulationMargins.Margins m = population.of(survey, questions, respondents);
            margins = m.byVariable();
            warehouse = m.source();
            source = describe(warehouse);
        } else {
            margins = own(ownMargins != null ? ownMargins : repository.margins(survey.id()), calibration.targets(),
                    base);
        }
        if (margins.isEmpty()) {
            return new Weights(base, new Estimates.Weighting(false, List.of(), 0,
                    SurveyDesign.weighted(base).kishDesignEffect(), null, null, calibration.method()));
        }
        List<RakingVariable> variables = new ArrayList<>();
        margins.forEach((variable, cats) -> variables.add(new RakingVariable(variable,
                respondents.stream().map(r -> r.profile().get(variable)).toList(), cats)));
        RakingResult result = calibration.method().calibrate(base, variables,
                bounds.map(RakingOptions.DEFAULT::withBounds).orElse(RakingOptions.DEFAULT)).orThrow();
        return new Weights(result.weights(), new Estimates.Weighting(true, List.copyOf(margins.keySet()),
                result.iterations(), SurveyDesign.weighted(result.weights()).kishDesignEffect(), source, warehouse,
                calibration.method()), variables);
    }

    /** Own margins as counts: shares times the sum of the design weights; targets of 0 left out. */
    private static Map<String, Map<String, Double>> own(Map<String, Map<String, Double>> given, MarginTargets targets,
                                                        List<Double> base) {
        double total = base.stream().mapToDouble(Double::doubleValue).sum();
        Map<String, Map<String, Double>> out = new java.util.LinkedHashMap<>();
        given.forEach((variable, cats) -> {
            Map<String, Double> m = new java.util.LinkedHashMap<>();
            cats.forEach((c, t) -> {
                if (t > 0) {
                    m.put(c, targets == MarginTargets.SHARE ? t * total : t);
                }
            });
            out.put(variable, m);
        });
        return out;
    }

    /** The source in words, for scripts that print it; the page words it in the reader's language. */
    private static String describe(Estimates.WarehouseMargins w) {
        return "Indicator warehouse: " + w.indicator() + ", " + w.period() + ", dataset " + w.dataset() + " ("
                + w.title().en() + "), " + w.publisher() + ", version " + w.version()
                + (w.synthetic() ? "; SYNTHETIC, not official statistics" : "");
    }
}
