package kz.agyn.survey.estimation;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;

/**
 * Estimates on a fixed sample of 40 respondents ({@code reference-sample.csv}: two strata, weights,
 * a four-option reason question, a three-option intention question, an income with two missing
 * answers, a three-option multiple-choice question skipped by one respondent) against values computed
 * independently with R 4.2.2 and its {@code survey} package, version 4.1.1 (Debian's
 * {@code r-cran-survey}), by {@code reference.R} next to the sample: {@code svydesign(ids = ~1,
 * weights = ~weight)} and {@code svydesign(ids = ~1, strata = ~stratum, weights = ~weight)}, then
 * {@code svymean} (with {@code deff = "replace"} and {@code deff = TRUE}, {@code na.rm = TRUE}),
 * {@code confint}, {@code svyciprop(method = "logit")}, {@code svyby}, {@code degf},
 * {@code svychisq(statistic = "Chisq")}, {@code svychisq(statistic = "F")} and base R's
 * {@code chisq.test}. The printed values are pasted below; the build never calls R. Agreement is
 * required to 1e-6.
 */
class ReferenceValuesTest {

    static final double TOLERANCE = 1e-6;
    static final List<String> REASONS = List.of("pay", "growth", "politics", "infra");
    static final List<String> LEAVE = List.of("yes", "no", "undecided");
    static final List<String> STAY = List.of("pay", "housing", "career");

    // Output of reference.R, verbatim but for the names; matrices are column-major as R prints them.
    // R4.2.2 survey 4.1.1
    static final double[] WEIGHTED_DEGF = {39};
    static final double[] WEIGHTED_REASON_SHARE = {0.42784488239033691, 0.32739987285441829, 0.20502225047679593, 0.03973299427844882};
    static final double[] WEIGHTED_REASON_SE = {0.093092973350599711, 0.094064453576637369, 0.069519421619447616, 0.025869289102651825};
    static final double[] WEIGHTED_REASON_VCOV = {0.0086663016872554691, -0.0060765346796661252, -0.0023231759298299559, -0.00026659107775938991, -0.0060765346796661252, 0.0088481214266713671, -0.0024393658792803072, -0.00033222086772493383, -0.0023231759298299559, -0.0024393658792803072, 0.0048329499823025202, -7.0408173192256984e-05, -0.00026659107775938991, -0.00033222086772493383, -7.0408173192256984e-05, 0.00066922011867658049};
    static final double[] WEIGHTED_REASON_DEFF_REPLACE = {1.3806966846846298, 1.5670405311722782, 1.1564342289717633, 0.68405385378585937};
    static final double[] WEIGHTED_REASON_DEFF = {1.4167226908081689, 1.6079287381174125, 1.1866086380773542, 0.70190261709403567};
    static final double[] WEIGHTED_REASON_WALD90 = {0.27472056753090618, 0.58096919724976748, 0.1726776152216779, 0.48212213048715857, 0.090672977682478895, 0.31937152327111284, -0.0028181997287042432, 0.082284188285601856};
    static final double[] WEIGHTED_REASON_LOGIT95_PAY = {0.25733585204362031, 0.61740849184828384};
    static final double[] WEIGHTED_REASON_LOGIT95_GROWTH = {0.17023250081169936, 0.53594860577990033};
    static final double[] WEIGHTED_REASON_LOGIT95_POLITICS = {0.098151427666200677, 0.37931515160917212};
    static final double[] WEIGHTED_REASON_LOGIT95_INFRA = {0.010390174002018129, 0.14020254826410361};
    static final double[] WEIGHTED_INCOME_MEAN = {521.24666221628843};
    static final double[] WEIGHTED_INCOME_SE = {47.291540306364674};
    static final double[] WEIGHTED_INCOME_DEFF_REPLACE = {1.6340874442939244};
    static final double[] WEIGHTED_INCOME_DEFF = {1.6766184873645882};
    static final double[] WEIGHTED_INCOME_WALD95 = {428.5569464423894, 613.93637799018745};
    static final double[] WEIGHTED_STAY_SHARE = {0.50863723608445299, 0.31669865642994244, 0.38707613563659626};
    static final double[] WEIGHTED_STAY_SE = {0.095228904380247142, 0.090556737887007549, 0.092999086591516122};
    static final double[] WEIGHTED_YES_REASON_SHARE = {0.24025974025974026, 0.31818181818181818, 0.40259740259740256, 0.03896103896103896};
    static final double[] WEIGHTED_YES_REASON_SE = {0.12914221771910397, 0.16806190663063561, 0.1704970482862849, 0.040169686296176822};
    static final double[] WEIGHTED_YES_DEGF = {11};
    static final double[] WEIGHTED_YES_REASON_LOGIT95_POLITICS = {0.1240189214079199, 0.76234912968132662};
    static final double[] WEIGHTED_CELL_SHARE = {0.058804831532104258, 0.077876668785759703, 0.098537825810553092, 0.0095359186268277173, 0.30228862047043864, 0.23045136681500317, 0.082644628099173556, 0.02225047679593134, 0.06675143038779402, 0.019071837253655435, 0.023839796567069294, 0.0079465988556897647};
    static final double[] WEIGHTED_CELL_SE = {0.033637647350216217, 0.049932167010913957, 0.053198376511771825, 0.0097329630511280782, 0.086660061295432175, 0.089921415707840777, 0.047072769694306772, 0.022424160497357144, 0.051789488661698101, 0.019282305633308582, 0.014328753382851722, 0.0081234839087533303};
    static final double[] WEIGHTED_CHISQ_PEARSON_WEIGHTED = {4.3108099264455442};
    static final double[] WEIGHTED_CHISQ_DF = {6};
    static final double[] WEIGHTED_CHISQ_P = {0.53893505207859471};
    static final double[] WEIGHTED_F_STATISTIC = {0.83968441918235925};
    static final double[] WEIGHTED_F_DF = {5.1361029861403678, 200.30801645947435};
    static final double[] WEIGHTED_F_P = {0.52555020758680748};
    static final double[] WEIGHTED_CHISQ_RAO_SCOTT = {5.0381065150941557};
    static final double[] STRATIFIED_DEGF = {38};
    static final double[] STRATIFIED_REASON_SHARE = {0.42784488239033691, 0.32739987285441829, 0.20502225047679593, 0.03973299427844882};
    static final double[] STRATIFIED_REASON_SE = {0.093948867102504927, 0.094281956362716676, 0.070464270754985875, 0.02620468238388354};
    static final double[] STRATIFIED_REASON_VCOV = {0.0088263896298441322, -0.0061097853069208303, -0.0024265621464675978, -0.00029004217645570379, -0.0061097853069208303, 0.0088890872955812109, -0.0024606550464201142, -0.00031864694224026846, -0.0024265621464675978, -0.0024606550464201142, 0.004965213453031957, -7.7996260144244284e-05, -0.00029004217645570379, -0.00031864694224026846, -7.7996260144244284e-05, 0.00068668537884021639};
    static final double[] STRATIFIED_REASON_DEFF_REPLACE = {1.4062015539548975, 1.5742957635409149, 1.1880823952789294, 0.70190624373781418};
    static final double[] STRATIFIED_REASON_DEFF = {1.4428930491657235, 1.6153732785713368, 1.2190825882411978, 0.72022082283077726};
    static final double[] STRATIFIED_REASON_WALD90 = {0.27331274758879975, 0.58237701719187396, 0.17231985497512331, 0.48247989073371322, 0.089118839154966822, 0.32092566179862492, -0.0033698725837933846, 0.082835861140690997};
    static final double[] STRATIFIED_REASON_LOGIT95_PAY = {0.25586211316871876, 0.61923178033768012};
    static final double[] STRATIFIED_REASON_LOGIT95_GROWTH = {0.16984763913864151, 0.53662678238310635};
    static final double[] STRATIFIED_REASON_LOGIT95_POLITICS = {0.097053831880934333, 0.38225352234613202};
    static final double[] STRATIFIED_REASON_LOGIT95_INFRA = {0.010197121241068415, 0.14250252367556895};
    static final double[] STRATIFIED_INCOME_MEAN = {521.24666221628843};
    static final double[] STRATIFIED_INCOME_SE = {47.975440967850929};
    static final double[] STRATIFIED_INCOME_DEFF_REPLACE = {1.6816914832554446};
    static final double[] STRATIFIED_INCOME_DEFF = {1.7254615355593534};
    static final double[] STRATIFIED_INCOME_WALD95 = {427.2165257768732, 615.27679865570371};
    static final double[] STRATIFIED_STAY_SHARE = {0.50863723608445299, 0.31669865642994244, 0.38707613563659626};
    static final double[] STRATIFIED_STAY_SE = {0.09653645993077796, 0.091882659554887156, 0.094276150156099428};
    static final double[] STRATIFIED_YES_REASON_SHARE = {0.24025974025974026, 0.31818181818181818, 0.40259740259740256, 0.03896103896103896};
    static final double[] STRATIFIED_YES_REASON_SE = {0.12244362380792995, 0.16709994275109324, 0.17204233916086473, 0.039930767740054288};
    static final double[] STRATIFIED_YES_DEGF = {10};
    static final double[] STRATIFIED_YES_REASON_LOGIT95_POLITICS = {0.12041828471650746, 0.76837651074306823};
    static final double[] STRATIFIED_CELL_SHARE = {0.058804831532104258, 0.077876668785759703, 0.098537825810553092, 0.0095359186268277173, 0.30228862047043864, 0.23045136681500317, 0.082644628099173556, 0.02225047679593134, 0.06675143038779402, 0.019071837253655435, 0.023839796567069294, 0.0079465988556897647};
    static final double[] STRATIFIED_CELL_SE = {0.031396626800436721, 0.050368482135663459, 0.053992167079921084, 0.0096067878736121864, 0.087955441634202353, 0.090316973800476014, 0.047759409038234515, 0.022665920971838144, 0.052565591267736994, 0.019023513369034187, 0.013482373065216734, 0.0080187793005917964};
    static final double[] STRATIFIED_CHISQ_PEARSON_WEIGHTED = {4.3108099264455442};
    static final double[] STRATIFIED_CHISQ_DF = {6};
    static final double[] STRATIFIED_CHISQ_P = {0.5311157240284673};
    static final double[] STRATIFIED_F_STATISTIC = {0.84991755204018427};
    static final double[] STRATIFIED_F_DF = {5.0866518099069244, 193.29276877646313};
    static final double[] STRATIFIED_F_P = {0.51755826622033907};
    static final double[] STRATIFIED_CHISQ_RAO_SCOTT = {5.0995053122411056};
    static final double[] PEARSON_STATISTIC = {4.3090569561157794};
    static final double[] PEARSON_DF = {6};
    static final double[] PEARSON_P = {0.63493012599371079};
    static final double[] KISH = {1.3912701180804978};
    static List<Double> weights = new ArrayList<>();
    static List<String> strata = new ArrayList<>();
    static List<String> reason = new ArrayList<>();
    static List<String> leave = new ArrayList<>();
    static List<Double> income = new ArrayList<>();
    static List<Set<String>> stay = new ArrayList<>();

    /** The two designs R was given, with the values it returned for each. */
    enum Design {
        WEIGHTED(WEIGHTED_DEGF, WEIGHTED_REASON_SHARE, WEIGHTED_REASON_SE, WEIGHTED_REASON_VCOV,
                WEIGHTED_REASON_DEFF_REPLACE, WEIGHTED_REASON_DEFF, WEIGHTED_REASON_WALD90,
                new double[][] {WEIGHTED_REASON_LOGIT95_PAY, WEIGHTED_REASON_LOGIT95_GROWTH,
                    WEIGHTED_REASON_LOGIT95_POLITICS, WEIGHTED_REASON_LOGIT95_INFRA},
                WEIGHTED_INCOME_MEAN, WEIGHTED_INCOME_SE, WEIGHTED_INCOME_DEFF_REPLACE, WEIGHTED_INCOME_DEFF,
                WEIGHTED_INCOME_WALD95, WEIGHTED_STAY_SHARE, WEIGHTED_STAY_SE, WEIGHTED_YES_REASON_SHARE,
                WEIGHTED_YES_REASON_SE, WEIGHTED_YES_DEGF, WEIGHTED_YES_REASON_LOGIT95_POLITICS, WEIGHTED_CELL_SHARE,
                WEIGHTED_CELL_SE, WEIGHTED_CHISQ_PEARSON_WEIGHTED, WEIGHTED_CHISQ_DF, WEIGHTED_CHISQ_P,
                WEIGHTED_CHISQ_RAO_SCOTT, WEIGHTED_F_STATISTIC, WEIGHTED_F_DF, WEIGHTED_F_P),
        STRATIFIED(STRATIFIED_DEGF, STRATIFIED_REASON_SHARE, STRATIFIED_REASON_SE, STRATIFIED_REASON_VCOV,
                STRATIFIED_REASON_DEFF_REPLACE, STRATIFIED_REASON_DEFF, STRATIFIED_REASON_WALD90,
                new double[][] {STRATIFIED_REASON_LOGIT95_PAY, STRATIFIED_REASON_LOGIT95_GROWTH,
                    STRATIFIED_REASON_LOGIT95_POLITICS, STRATIFIED_REASON_LOGIT95_INFRA},
                STRATIFIED_INCOME_MEAN, STRATIFIED_INCOME_SE, STRATIFIED_INCOME_DEFF_REPLACE,
                STRATIFIED_INCOME_DEFF, STRATIFIED_INCOME_WALD95, STRATIFIED_STAY_SHARE, STRATIFIED_STAY_SE,
                STRATIFIED_YES_REASON_SHARE, STRATIFIED_YES_REASON_SE, STRATIFIED_YES_DEGF,
                STRATIFIED_YES_REASON_LOGIT95_POLITICS, STRATIFIED_CELL_SHARE, STRATIFIED_CELL_SE,
                STRATIFIED_CHISQ_PEARSON_WEIGHTED, STRATIFIED_CHISQ_DF, STRATIFIED_CHISQ_P,
                STRATIFIED_CHISQ_RAO_SCOTT, STRATIFIED_F_STATISTIC, STRATIFIED_F_DF, STRATIFIED_F_P);

        final double[] degf, share, se, vcov, deffReplace, deff, wald90;
        final double[][] logit95;
        final double[] incomeMean, incomeSe, incomeDeffReplace, incomeDeff, incomeWald95, stayShare, staySe;
        final double[] yesShare, yesSe, yesDegf, yesLogitPolitics, cellShare, cellSe;
        final double[] pearsonWeighted, chisqDf, chisqP, raoScott, f, fDf, fP;

        Design(double[] degf, double[] share, double[] se, double[] vcov, double[] deffReplace, double[] deff,
               double[] wald90, double[][] logit95, double[] incomeMean, double[] incomeSe,
               double[] incomeDeffReplace, double[] incomeDeff, double[] incomeWald95, double[] stayShare,
               double[] staySe, double[] yesShare, double[] yesSe, double[] yesDegf, double[] yesLogitPolitics,
               double[] cellShare, double[] cellSe, double[] pearsonWeighted, double[] chisqDf, double[] chisqP,
               double[] raoScott, double[] f, double[] fDf, double[] fP) {
            this.degf = degf;
            this.share = share;
            this.se = se;
            this.vcov = vcov;
            this.deffReplace = deffReplace;
            this.deff = deff;
            this.wald90 = wald90;
            this.logit95 = logit95;
            this.incomeMean = incomeMean;
            this.incomeSe = incomeSe;
            this.incomeDeffReplace = incomeDeffReplace;
            this.incomeDeff = incomeDeff;
            this.incomeWald95 = incomeWald95;
            this.stayShare = stayShare;
            this.staySe = staySe;
            this.yesShare = yesShare;
            this.yesSe = yesSe;
            this.yesDegf = yesDegf;
            this.yesLogitPolitics = yesLogitPolitics;
            this.cellShare = cellShare;
            this.cellSe = cellSe;
            this.pearsonWeighted = pearsonWeighted;
            this.chisqDf = chisqDf;
            this.chisqP = chisqP;
            this.raoScott = raoScott;
            this.f = f;
            this.fDf = fDf;
            this.fP = fP;
        }

        SurveyDesign design() {
            return this == WEIGHTED ? SurveyDesign.weighted(weights) : SurveyDesign.stratified(weights, strata);
        }
    }

    @BeforeAll
    static void read() throws IOException {
        try (BufferedReader in = new BufferedReader(new InputStreamReader(Objects.requireNonNull(
                ReferenceValuesTest.class.getResourceAsStream("reference-sample.csv")), StandardCharsets.UTF_8))) {
            in.readLine();
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                String[] f = line.split(",", -1);
                strata.add(f[1]);
                weights.add(Double.parseDouble(f[2]));
                reason.add(f[3]);
                leave.add(f[4]);
                income.add(f[5].isEmpty() ? null : Double.parseDouble(f[5]));
                if (f[6].isEmpty()) {
                    stay.add(null);
                } else {
                    Set<String> chosen = new HashSet<>();
                    for (int j = 0; j < STAY.size(); j++) {
                        if (f[6 + j].equals("1")) {
                            chosen.add(STAY.get(j));
                        }
                    }
                    stay.add(chosen);
                }
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void singleChoiceSharesErrorsAndDesignEffects(Design r) {
        ShareTable t = Estimation.singleChoice(r.design(), reason, REASONS, EstimationSettings.DEFAULT);
        assertEquals(40, t.respondents());
        assertEquals((int) r.degf[0], t.degreesOfFreedom());
        for (int j = 0; j < REASONS.size(); j++) {
            ShareEstimate e = t.shares().get(j);
            assertEquals(r.share[j], e.share(), TOLERANCE, REASONS.get(j));
            assertEquals(r.se[j], e.standardError(), TOLERANCE, REASONS.get(j));
            assertEquals(r.deffReplace[j], e.deff().orElseThrow(), TOLERANCE, REASONS.get(j));
            assertEquals(r.deff[j], e.deffFinitePopulation().orElseThrow(), TOLERANCE, REASONS.get(j));
            assertEquals(r.logit95[j][0], e.logit().low(), TOLERANCE, REASONS.get(j));
            assertEquals(r.logit95[j][1], e.logit().high(), TOLERANCE, REASONS.get(j));
            for (int k = 0; k < REASONS.size(); k++) {
                assertEquals(r.vcov[j + 4 * k], t.covariance().get(j).get(k), TOLERANCE);
            }
        }
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void waldIntervalAtAnotherLevelUsesTheNormalQuantile(Design r) {
        ShareTable t = Estimation.singleChoice(r.design(), reason, REASONS, EstimationSettings.atLevel(0.90));
        for (int j = 0; j < REASONS.size(); j++) {
            assertEquals(r.wald90[2 * j], t.shares().get(j).wald().low(), TOLERANCE);
            assertEquals(r.wald90[2 * j + 1], t.shares().get(j).wald().high(), TOLERANCE);
        }
    }

    @Test
    void theShownIntervalIsTheSurveysMethodAndNeverLeavesZeroToOne() {
        ShareTable t = Estimation.singleChoice(Design.WEIGHTED.design(), reason, REASONS, EstimationSettings.DEFAULT);
        assertEquals(Interval.Method.LOGIT, t.share("pay").interval().method());
        assertEquals(Interval.Method.LOGIT, t.share("infra").interval().method());
        assertTrue(t.share("infra").wald().low() < 0, "the Wald interval of 4% crosses zero");
        assertTrue(t.share("infra").interval().low() > 0);
        ShareTable wald = Estimation.singleChoice(Design.WEIGHTED.design(), reason, REASONS,
                EstimationSettings.of(IntervalMethod.WALD));
        assertEquals(Interval.Method.WALD_CLIPPED, wald.share("infra").interval().method());
        assertEquals(0, wald.share("infra").interval().low(), "the clipped Wald interval stops at 0");
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void meanWithMissingAnswers(Design r) {
        MeanEstimate m = Estimation.mean(r.design(), income, EstimationSettings.DEFAULT);
        assertEquals(38, m.n());
        assertEquals(r.incomeMean[0], m.mean(), TOLERANCE);
        assertEquals(r.incomeSe[0], m.standardError(), TOLERANCE);
        assertEquals(r.incomeDeffReplace[0], m.deff().orElseThrow(), TOLERANCE);
        assertEquals(r.incomeDeff[0], m.deffFinitePopulation().orElseThrow(), TOLERANCE);
        assertEquals(r.incomeWald95[0], m.wald().low(), TOLERANCE);
        assertEquals(r.incomeWald95[1], m.wald().high(), TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void multipleChoiceOptionsAreEachAZeroOneVariable(Design r) {
        ShareTable t = Estimation.multipleChoice(r.design(), stay, STAY, EstimationSettings.DEFAULT);
        assertEquals(39, t.respondents());
        for (int j = 0; j < STAY.size(); j++) {
            assertEquals(r.stayShare[j], t.shares().get(j).share(), TOLERANCE);
            assertEquals(r.staySe[j], t.shares().get(j).standardError(), TOLERANCE);
        }
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void aGroupIsADomainOfTheFullDesign(Design r) {
        List<GroupShares> groups = Breakdown.singleChoice(r.design(), reason, REASONS, leave,
                EstimationSettings.DEFAULT, new MinimumCellSize(1));
        GroupShares yes = groups.stream().filter(g -> g.group().equals("yes")).findFirst().orElseThrow();
        for (int j = 0; j < REASONS.size(); j++) {
            ShareEstimate e = yes.cells().get(j).estimate().orElseThrow();
            assertEquals(r.yesShare[j], e.share(), TOLERANCE);
            assertEquals(r.yesSe[j], e.standardError(), TOLERANCE);
        }
        ShareEstimate politics = yes.cells().get(2).estimate().orElseThrow();
        assertEquals(r.yesLogitPolitics[0], politics.logit().low(), TOLERANCE);
        assertEquals(r.yesLogitPolitics[1], politics.logit().high(), TOLERANCE);
    }

    @ParameterizedTest
    @EnumSource(Design.class)
    void crossTabulationAndRaoScottTests(Design r) {
        CrossTab x = CrossTabulation.of(r.design(), reason, REASONS, leave, LEAVE, EstimationSettings.DEFAULT,
                new MinimumCellSize(1));
        for (int a = 0; a < REASONS.size(); a++) {
            for (int b = 0; b < LEAVE.size(); b++) {
                // R's interaction(reason, leave) runs the first factor fastest
                ShareEstimate e = x.cell(REASONS.get(a), LEAVE.get(b)).estimate().orElseThrow();
                assertEquals(r.cellShare[a + 4 * b], e.share(), TOLERANCE);
                assertEquals(r.cellSe[a + 4 * b], e.standardError(), TOLERANCE);
            }
        }
        IndependenceTests t = x.tests().orElseThrow();
        assertEquals(r.pearsonWeighted[0], t.pearsonWeighted().statistic(), TOLERANCE);
        assertEquals(r.chisqDf[0], t.raoScottFirstOrder().degreesOfFreedom(), TOLERANCE);
        assertEquals(r.raoScott[0], t.raoScottFirstOrder().statistic(), TOLERANCE);
        assertEquals(r.chisqP[0], t.raoScottFirstOrder().pValue(), TOLERANCE);
        assertEquals(r.f[0], t.raoScottSecondOrder().statistic(), TOLERANCE);
        assertEquals(r.fDf[0], t.raoScottSecondOrder().numeratorDf(), TOLERANCE);
        assertEquals(r.fDf[1], t.raoScottSecondOrder().denominatorDf(), TOLERANCE);
        assertEquals(r.fP[0], t.raoScottSecondOrder().pValue(), TOLERANCE);
        assertEquals(PEARSON_STATISTIC[0], t.pearsonUnweighted().statistic(), TOLERANCE);
        assertEquals(PEARSON_DF[0], t.pearsonUnweighted().degreesOfFreedom(), TOLERANCE);
        assertEquals(PEARSON_P[0], t.pearsonUnweighted().pValue(), TOLERANCE);
    }

    @Test
    void smallCellsAreSuppressed() {
        CrossTab x = CrossTabulation.of(Design.STRATIFIED.design(), reason, REASONS, leave, LEAVE,
                EstimationSettings.DEFAULT, MinimumCellSize.DEFAULT);
        CrossTabCell payNo = x.cell("pay", "no");
        assertEquals(11, payNo.n());
        assertFalse(payNo.suppressed());
        CrossTabCell infraYes = x.cell("infra", "yes");
        assertEquals(1, infraYes.n());
        assertTrue(infraYes.suppressed());
        assertTrue(infraYes.rowShare().isEmpty());
        assertTrue(x.tests().isPresent(), "the test discloses no cell and is kept");

        List<GroupShares> groups = Breakdown.singleChoice(Design.STRATIFIED.design(), reason, REASONS, leave,
                EstimationSettings.DEFAULT, MinimumCellSize.DEFAULT);
        GroupShares undecided = groups.stream().filter(g -> g.group().equals("undecided")).findFirst().orElseThrow();
        assertTrue(undecided.respondents() < 10);
        assertTrue(undecided.suppressed());
        assertTrue(undecided.cells().stream().allMatch(OptionCell::suppressed));
    }

    @Test
    void kishDesignEffect() {
        assertEquals(KISH[0], Design.WEIGHTED.design().kishDesignEffect(), TOLERANCE);
        assertEquals(40 / KISH[0], Design.WEIGHTED.design().effectiveSampleSize(), TOLERANCE);
    }

    @Test
    void constantsAreThoseOfTheSample() {
        assertEquals(40, weights.size());
        assertEquals(Arrays.asList(22L, 18L), List.of(strata.stream().filter("A"::equals).count(),
                strata.stream().filter("B"::equals).count()));
    }
}
