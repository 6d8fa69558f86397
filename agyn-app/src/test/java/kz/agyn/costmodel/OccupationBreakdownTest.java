package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * The breakdown by occupation against the breakdown by level, which it must reproduce when occupations change
 * nothing, and against the level model rerun at an occupation's pay, which is what one of its cells means.
 */
class OccupationBreakdownTest {

    private static final int LEVELS = EducationLevel.values().length;

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 100).map(i -> i * 7_919L + 3L);
    }

    /** k occupations with random shares of every level that add up to 1, and random pay (null for some). */
    private static List<OccupationMix> randomMix(SplittableRandom r, int k, boolean pay) {
        double[][] w = new double[k][LEVELS];
        double[] sums = new double[LEVELS];
        for (int j = 0; j < k; j++) {
            for (int l = 0; l < LEVELS; l++) {
                w[j][l] = r.nextDouble() < 0.2 ? 0 : r.nextDouble();
                sums[l] += w[j][l];
            }
        }
        List<OccupationMix> out = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            List<Double> shares = new ArrayList<>();
            for (int l = 0; l < LEVELS; l++) {
                shares.add(sums[l] == 0 ? (j == 0 ? 1.0 : 0.0) : w[j][l] / sums[l]);
            }
            Double p = pay && r.nextDouble() < 0.8 ? 100_000 + r.nextDouble() * 900_000 : null;
            out.add(new OccupationMix(String.valueOf(j), p, shares));
        }
        return out;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void withEachLevelsOwnPayTheOccupationsAddUpToTheLevelTotal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParameterSet p = CostModelPropertiesTest.randomSet(r);
        OccupationBreakdown b = CostModel.byOccupation(p, randomMix(r, 2 + r.nextInt(10), false));
        CostResult levels = CostModel.evaluate(p);
        double emigrants = levels.levels().stream().mapToDouble(LevelCost::emigrants).sum();

        assertThat(b.hasTotals()).isTrue();
        assertThat(b.total().net()).isCloseTo(levels.annualTotal(), within(1e-9 * Math.abs(levels.annualTotal())));
        assertThat(b.total().educationInvested())
                .isCloseTo(levels.total().educationInvested(), within(1e-9 * levels.total().educationInvested()));
        assertThat(b.emigrants()).isCloseTo(emigrants, within(1e-9 * emigrants));
        for (OccupationCost o : b.occupations()) {
            for (EducationLevel l : EducationLevel.values()) {
                assertThat(o.level(l)).isEqualTo(levels.level(l).perEmigrant());
            }
        }
    }

    /** A cell is the level model rerun with the level's pay set to the occupation's pay, every part of it. */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void aCellIsTheLevelModelAtTheOccupationsPay(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParameterSet p = CostModelPropertiesTest.randomSet(r);
        List<OccupationMix> mix = randomMix(r, 5, true);
        OccupationBreakdown b = CostModel.byOccupation(p, mix);
        for (OccupationCost o : b.occupations()) {
            if (o.monthlyPay() == null) {
                continue;
            }
            double w = o.monthlyPay();
            ParameterSet atPay = p.with("pay_school", w, w, w).with("pay_highly_skilled", w, w, w);
            CostResult rerun = CostModel.evaluate(atPay);
            for (EducationLevel l : EducationLevel.values()) {
                assertThat(o.level(l)).as("%s %s", o.code(), l).isEqualTo(rerun.level(l).perEmigrant());
            }
            // The occupation's total: its share of each level's emigrants, each at its cell's cost.
            double expected = 0;
            double n = 0;
            for (EducationLevel l : EducationLevel.values()) {
                double k = p.value("emigrants_" + l.key()) * mix.get(Integer.parseInt(o.code())).levelShares()
                        .get(l.ordinal());
                n += k;
                expected += k * rerun.level(l).perEmigrant().net();
            }
            assertThat(o.emigrants()).isCloseTo(n, within(1e-9 * Math.max(1, n)));
            assertThat(o.total().net()).isCloseTo(expected, within(1e-9 * Math.max(1, Math.abs(expected))));
            if (n > 0) {
                assertThat(o.perEmigrant().net()).isCloseTo(expected / n, within(1e-6 * Math.abs(expected / n)));
            }
        }
    }

    /** Worked by hand at the documented defaults: a doctorate holder paid 600,000 KZT a month. */
    @Test
    void oneCellByHand() {
        ParameterSet p = ParameterSet.defaults();
        OccupationBreakdown b = CostModel.byOccupation(p, List.of(new OccupationMix("2", 600_000.0, List.of())));
        double a = CostModel.annuityFactor(p.value("discount_rate"), p.value("working_years"));
        double annual = 12 * 600_000.0;
        // Income and social tax; the pension contribution is the leaver's own saving (decision 0023).
        double taxes = annual * (p.value("income_tax_rate") + p.value("social_tax_rate")) * a;
        double output = annual * p.value("productivity_premium") * a;
        double replacement = p.value("replacement_months") * 600_000.0;
        double remittances = p.value("remittances_per_year") * a;
        double education = p.value("spending_school") * p.value("years_school")
                + p.value("spending_bachelor") * p.value("years_bachelor")
                + p.value("spending_master") * p.value("years_master")
                + (1 - p.value("scholar_share_phd")) * p.value("spending_phd") * p.value("years_phd")
                + p.value("scholar_share_phd") * p.value("scholarship_phd")
                        * (1 - p.value("scholarship_recovered_share"));
        double ret = p.value("return_probability");
        double net = (1 - ret) * (education + taxes + output - remittances) + replacement;

        OccupationCost o = b.occupations().get(0);
        assertThat(b.hasTotals()).isFalse();
        assertThat(o.emigrants()).isNull();
        assertThat(o.level(EducationLevel.PHD).net()).isCloseTo(net, within(1e-6 * net));
        assertThat(o.level(EducationLevel.PHD).lostTaxes()).isCloseTo(taxes, within(1e-6 * taxes));
    }

    /**
     * The bands come from the same draws as the level model's: with each level's own pay the occupations add up,
     * draw by draw, to the annual total, so the two bands agree; and a seed gives the same bands every time.
     */
    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theBandsByOccupationComeFromTheLevelModelsDraws(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParameterSet p = CostModelPropertiesTest.randomSet(r);
        List<OccupationMix> mix = randomMix(r, 2 + r.nextInt(6), false);
        OccupationBands bands = CostModel.monteCarloByOccupation(p, mix, 500, seed);
        Band levels = CostModel.monteCarlo(p, 500, seed).total();
        assertThat(bands.total().p5()).isCloseTo(levels.p5(), within(1e-9 * Math.abs(levels.p5())));
        assertThat(bands.total().p95()).isCloseTo(levels.p95(), within(1e-9 * Math.abs(levels.p95())));
        assertThat(bands.occupations()).hasSize(mix.size());
        assertThat(CostModel.monteCarloByOccupation(p, mix, 500, seed)).isEqualTo(bands);
        for (OccupationBands.OccupationBand b : bands.occupations()) {
            assertThat(b.perEmigrant().p5()).isLessThanOrEqualTo(b.perEmigrant().p95());
            assertThat(b.total().p5()).isLessThanOrEqualTo(b.total().p95());
        }
    }

    @Test
    void withoutSharesThereAreNoBands() {
        OccupationBands bands = CostModel.monteCarloByOccupation(ParameterSet.defaults(),
                List.of(new OccupationMix("2", 500_000.0, List.of())), 100, 1);
        assertThat(bands.total()).isNull();
        assertThat(bands.occupations()).isEmpty();
    }

    @Test
    void sharesThatDoNotAddUpAndRepeatedCodesAreRefused() {
        List<Double> half = List.of(0.5, 0.5, 0.5, 0.5);
        assertThatThrownBy(() -> CostModel.byOccupation(ParameterSet.defaults(),
                List.of(new OccupationMix("1", null, half)))).hasMessageContaining("add up");
        assertThatThrownBy(() -> CostModel.byOccupation(ParameterSet.defaults(),
                List.of(new OccupationMix("1", null, half), new OccupationMix("1", null, half))))
                .hasMessageContaining("twice");
        assertThatThrownBy(() -> new OccupationMix("1", -1.0, List.of())).isInstanceOf(CostModelException.class);
        assertThatThrownBy(() -> new OccupationMix("1", null, List.of(0.5, 1.5, 0.0, 0.0)))
                .isInstanceOf(CostModelException.class);
    }
}
