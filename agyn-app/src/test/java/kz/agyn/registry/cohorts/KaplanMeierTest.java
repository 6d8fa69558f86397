package kz.agyn.registry.cohorts;

import static kz.agyn.registry.cohorts.Records.AS_OF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The Kaplan–Meier curve against R. The constants are the output of
 * {@code src/test/resources/kz/agyn/registry/cohorts/km-reference.R}, run by hand with R 4.2.2 Patched
 * (2022-11-10 r83330) and survival 3.5.3 (Debian packages r-base-core and r-cran-survival); the build never
 * calls R. Each row is {time, n.risk, n.event, n.censor, surv, surv × std.err, lower, upper} of
 * {@code survfit(Surv(time, status) ~ 1, conf.type = "log-log")}; the medians are
 * {@code quantile(fit, 0.5)}. The records are built so that the days from the end of study to the return, or to
 * {@code asOf} for the censored, are R's times.
 */
class KaplanMeierTest {

    private static final double TOL = 1e-9;
    private static final double NA = Double.NaN;

    // ## ties
    private static final long[] TIES_TIME = {0, 30, 30, 45, 90, 90, 90, 120, 200, 200, 365, 400, 730, 30, 60, 90,
        150, 200, 500, 800};
    private static final int[] TIES_STATUS = {1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 1, 0, 0, 0, 0, 0, 0, 0};
    private static final double[][] TIES = {
        {0, 20, 1, 0, 0.94999999999999996, 0.048733971724044818, 0.69474319325657019, 0.99280222859339717},
        {30, 19, 2, 1, 0.84999999999999998, 0.079843597113356549, 0.60378969922029924, 0.94899610979379423},
        {45, 16, 1, 0, 0.796875, 0.090823462646980699, 0.54481644000284046, 0.91861204063685264},
        {60, 15, 0, 1, 0.796875, 0.090823462646980699, 0.54481644000284046, 0.91861204063685264},
        {90, 14, 3, 1, 0.6261160714285714, 0.11282381512169933, 0.36954127546840249, 0.80234059145347425},
        {120, 10, 1, 0, 0.56350446428571432, 0.11763866181485064, 0.31018712512262836, 0.75498886627075079},
        {150, 9, 0, 1, 0.56350446428571432, 0.11763866181485064, 0.31018712512262836, 0.75498886627075079},
        {200, 8, 2, 1, 0.42262834821428574, 0.12339625532672245, 0.18753696956789237, 0.64199666471623162},
        {365, 5, 1, 0, 0.33810267857142862, 0.12434113556341543, 0.12148385812297781, 0.57243783871592646},
        {400, 4, 1, 0, 0.25357700892857149, 0.11855418800111986, 0.068865301969512419, 0.49478776218599507},
        {500, 3, 0, 1, 0.25357700892857149, 0.11855418800111986, 0.068865301969512419, 0.49478776218599507},
        {730, 2, 1, 0, 0.12678850446428575, 0.107477608390289, 0.0098832381504836957, 0.3969998853039054},
        {800, 1, 0, 1, 0.12678850446428575, 0.107477608390289, 0.0098832381504836957, 0.3969998853039054},
    };
    private static final double[] TIES_MEDIAN = {200, 90, 400};

    // ## flat-half
    private static final long[] HALF_TIME = {10, 20, 30, 40, 50, 55, 60, 70, 80, 90};
    private static final int[] HALF_STATUS = {1, 1, 1, 1, 1, 0, 1, 0, 0, 0};
    private static final double[][] HALF = {
        {10, 10, 1, 0, 0.90000000000000002, 0.094868329805051374, 0.47300927136205051, 0.98528139336734311},
        {20, 9, 1, 0, 0.79999999999999993, 0.12649110640673517, 0.40869078163340433, 0.94587264583891162},
        {30, 8, 1, 0, 0.69999999999999996, 0.14491376746189435, 0.32871659327973485, 0.89194904122484409},
        {40, 7, 1, 0, 0.59999999999999998, 0.15491933384829665, 0.25266889700389367, 0.82722096702851156},
        {50, 6, 1, 0, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
        {55, 5, 0, 1, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
        {60, 4, 1, 0, 0.375, 0.16056540723331411, 0.099489617620754783, 0.6591025149266404},
        {70, 3, 0, 1, 0.375, 0.16056540723331411, 0.099489617620754783, 0.6591025149266404},
        {80, 2, 0, 1, 0.375, 0.16056540723331411, 0.099489617620754783, 0.6591025149266404},
        {90, 1, 0, 1, 0.375, 0.16056540723331411, 0.099489617620754783, 0.6591025149266404},
    };
    private static final double[] HALF_MEDIAN = {55, 10, NA};

    // ## flat-end
    private static final long[] END_TIME = {10, 20, 30, 40, 50, 60, 70, 80, 90, 100};
    private static final int[] END_STATUS = {1, 1, 1, 1, 1, 0, 0, 0, 0, 0};
    private static final double[][] END = {
        {10, 10, 1, 0, 0.90000000000000002, 0.094868329805051374, 0.47300927136205051, 0.98528139336734311},
        {20, 9, 1, 0, 0.79999999999999993, 0.12649110640673517, 0.40869078163340433, 0.94587264583891162},
        {30, 8, 1, 0, 0.69999999999999996, 0.14491376746189435, 0.32871659327973485, 0.89194904122484409},
        {40, 7, 1, 0, 0.59999999999999998, 0.15491933384829665, 0.25266889700389367, 0.82722096702851156},
        {50, 6, 1, 0, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
        {60, 5, 0, 1, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
        {70, 4, 0, 1, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
        {80, 3, 0, 1, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
        {90, 2, 0, 1, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
        {100, 1, 0, 1, 0.5, 0.15811388300841897, 0.18360559061901463, 0.7531740769982298},
    };
    private static final double[] END_MEDIAN = {75, 10, NA};

    /**
     * Records whose observed times are {@code days}: a returnee ended study 1,000 days before {@code AS_OF} and
     * came back {@code days} later; a censored graduate ended study {@code days} before {@code AS_OF}.
     */
    static List<CohortRecord> records(long[] days, int[] status) {
        List<CohortRecord> out = new ArrayList<>();
        for (int i = 0; i < days.length; i++) {
            if (status[i] == 1) {
                LocalDate end = AS_OF.minusDays(1000);
                out.add(Records.timed(end, end.plusDays(days[i])));
            } else {
                out.add(Records.timed(AS_OF.minusDays(days[i]), null));
            }
        }
        return out;
    }

    private static void assertMatchesR(KmCurve curve, double[][] expected, double[] median) {
        assertThat(curve.steps()).hasSize(expected.length);
        for (int i = 0; i < expected.length; i++) {
            KmStep s = curve.steps().get(i);
            double[] e = expected[i];
            String at = "t=" + (long) e[0];
            assertThat(s.days()).as(at).isEqualTo((long) e[0]);
            assertThat(s.atRisk()).as(at).isEqualTo((long) e[1]);
            assertThat(s.events()).as(at).isEqualTo((long) e[2]);
            assertThat(s.censored()).as(at).isEqualTo((long) e[3]);
            assertThat(s.survival()).as(at).isCloseTo(e[4], within(TOL));
            assertThat(s.stdErr()).as(at).isCloseTo(e[5], within(TOL));
            assertThat(s.lower()).as(at).isCloseTo(e[6], within(TOL));
            assertThat(s.upper()).as(at).isCloseTo(e[7], within(TOL));
        }
        assertOptional(curve.median(), median[0]);
        assertOptional(curve.medianLower(), median[1]);
        assertOptional(curve.medianUpper(), median[2]);
    }

    private static void assertOptional(Double actual, double expected) {
        if (Double.isNaN(expected)) {
            assertThat(actual).isNull();
        } else {
            assertThat(actual).isCloseTo(expected, within(TOL));
        }
    }

    @Test
    void tiesAndCensoringMatchR() {
        KmCurve curve = KaplanMeier.fit(records(TIES_TIME, TIES_STATUS), AS_OF);
        assertMatchesR(curve, TIES, TIES_MEDIAN);
        assertThat(curve.subjects()).isEqualTo(20);
        assertThat(curve.returns()).isEqualTo(13);
        assertThat(curve.survivalAt(29)).isCloseTo(0.95, within(TOL));
        assertThat(curve.survivalAt(-1)).isEqualTo(1.0);
    }

    @Test
    void aCurveFlatAtOneHalfTakesTheMidpointAsR() {
        assertMatchesR(KaplanMeier.fit(records(HALF_TIME, HALF_STATUS), AS_OF), HALF, HALF_MEDIAN);
    }

    @Test
    void aCurveEndingAtOneHalfTakesTheMidpointToTheLastTimeAsR() {
        assertMatchesR(KaplanMeier.fit(records(END_TIME, END_STATUS), AS_OF), END, END_MEDIAN);
    }

    @Test
    void aCurveThatFallsToZeroHasNoIntervalThere() {
        // R: survfit(Surv(c(1, 2, 3), c(1, 1, 1)) ~ 1, conf.type = "log-log") gives surv 0, std.err Inf,
        // lower and upper NA at t = 3; the median is 2 with bounds 1 and NA.
        KmCurve c = KaplanMeier.estimate(null, new long[] {1, 2, 3}, new boolean[] {true, true, true});
        KmStep last = c.steps().get(2);
        assertThat(last.survival()).isZero();
        assertThat(last.stdErr()).isNull();
        assertThat(last.lower()).isNull();
        assertThat(last.upper()).isNull();
        assertThat(c.median()).isEqualTo(2.0);
        assertThat(c.medianLower()).isEqualTo(1.0);
        assertThat(c.medianUpper()).isNull();
    }

    @Test
    void observationRules() {
        LocalDate end = AS_OF.minusDays(100);
        List<CohortRecord> r = List.of(
                Records.timed(end, end.minusDays(10)),   // back before study ended: day 0
                Records.timed(end, AS_OF.plusDays(5)),   // back after asOf: censored at asOf, day 100
                Records.timed(AS_OF.plusDays(1), null)); // study not over: not a subject
        KmCurve c = KaplanMeier.fit(r, AS_OF);
        assertThat(c.subjects()).isEqualTo(2);
        assertThat(c.steps()).extracting(KmStep::days).containsExactly(0L, 100L);
        assertThat(c.steps()).extracting(KmStep::events).containsExactly(1L, 0L);
        assertThat(c.steps().get(0).months()).isZero();
    }

    @Test
    void groupsAreSuppressedLikeTableRows() {
        List<CohortRecord> r = new ArrayList<>(records(TIES_TIME, TIES_STATUS));
        for (int i = 0; i < 3; i++) {
            r.set(i, Records.withSex(r.get(i), "FEMALE"));
        }
        List<KmCurve> curves = KaplanMeier.byGroup(r, Breakdown.SEX, AS_OF, 5);
        assertThat(curves).extracting(KmCurve::key).containsExactly("FEMALE", "MALE");
        assertThat(curves).extracting(KmCurve::suppression)
                .containsExactly(Suppression.PRIMARY, Suppression.SECONDARY);
        KmCurve hidden = curves.get(0).visibleTo(false);
        assertThat(hidden.subjects()).isNull();
        assertThat(hidden.steps()).isEmpty();
        assertThat(hidden.median()).isNull();
        assertThat(curves.get(0).visibleTo(true)).isSameAs(curves.get(0));
    }
}
