package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import org.junit.jupiter.api.Test;

/**
 * The model's result worked out by hand from {@link RoundNumbers}, whose annuity factor is exactly 1.44
 * (r = 0.25, n = 2). Tolerances allow for binary floating point only.
 */
class CostModelArithmeticTest {

    private static final double CENT = 0.01;

    @Test
    void annualTotalIsReproducedByHand() {
        // Common to all levels:
        //   a = (1 − 1.25^−2) / 0.25 = (1 − 0.64) / 0.25 = 1.44
        //   R = remittances 100,000 × 1.44 = 144,000
        //   taxes are income tax + social tax, 0.10 + 0.05 = 0.15; the pension contribution (0.10) is the
        //   worker's own saving, private, and not in the cost to the country (decision 0023)
        // School (pay 100,000/month, annual 1,200,000; no productivity premium):
        //   E = 11 × 500,000 = 5,500,000
        //   T = 1,200,000 × 0.15 × 1.44 = 259,200
        //   H = 3 × 100,000 = 300,000
        //   C = (1 − 0.2) × (5,500,000 + 259,200 − 144,000) + 300,000 = 0.8 × 5,615,200 + 300,000 = 4,792,160
        //   × 100 emigrants = 479,216,000
        // Bachelor (pay 200,000/month, annual 2,400,000):
        //   E = 5,500,000 + 4 × 1,000,000 = 9,500,000
        //   T = 2,400,000 × 0.15 × 1.44 = 518,400;  O = 2,400,000 × 0.5 × 1.44 = 1,728,000;  H = 3 × 200,000 = 600,000
        //   C = 0.8 × (9,500,000 + 518,400 + 1,728,000 − 144,000) + 600,000 = 0.8 × 11,602,400 + 600,000 = 9,881,920
        //   × 1,000 = 9,881,920,000
        // Master (10% took it abroad on a 10,000,000 scholarship, half recovered):
        //   E = 9,500,000 + 0.9 × 2 × 2,000,000 + 0.1 × 10,000,000 × 0.5 = 9,500,000 + 3,600,000 + 500,000 = 13,600,000
        //   C = 0.8 × (13,600,000 + 518,400 + 1,728,000 − 144,000) + 600,000 = 0.8 × 15,702,400 + 600,000 = 13,161,920
        //   × 200 = 2,632,384,000
        // PhD (20% abroad on a 20,000,000 scholarship, half recovered; the master's counted at home):
        //   E = 9,500,000 + 2 × 2,000,000 + 0.8 × 3 × 4,000,000 + 0.2 × 20,000,000 × 0.5
        //     = 13,500,000 + 9,600,000 + 2,000,000 = 25,100,000
        //   C = 0.8 × (25,100,000 + 2,102,400) + 600,000 = 0.8 × 27,202,400 + 600,000 = 22,361,920
        //   × 50 = 1,118,096,000
        // Total = 479,216,000 + 9,881,920,000 + 2,632,384,000 + 1,118,096,000 = 14,111,616,000
        CostResult r = CostModel.evaluate(RoundNumbers.fixed());

        assertThat(r.annuityFactor()).isCloseTo(1.44, within(1e-12));
        assertThat(r.level(EducationLevel.SCHOOL).perEmigrant().net()).isCloseTo(4_792_160, within(CENT));
        assertThat(r.level(EducationLevel.BACHELOR).perEmigrant().net()).isCloseTo(9_881_920, within(CENT));
        assertThat(r.level(EducationLevel.MASTER).perEmigrant().net()).isCloseTo(13_161_920, within(CENT));
        assertThat(r.level(EducationLevel.PHD).perEmigrant().net()).isCloseTo(22_361_920, within(CENT));
        assertThat(r.level(EducationLevel.MASTER).total().net()).isCloseTo(2_632_384_000.0, within(1.0));
        assertThat(r.annualTotal()).isCloseTo(14_111_616_000.0, within(1.0));
        assertThat(r.formula()).isEqualTo(CostModel.FORMULA);
    }

    @Test
    void eachComponentFollowsItsFormula() {
        Components b = CostModel.evaluate(RoundNumbers.fixed()).level(EducationLevel.BACHELOR).perEmigrant();
        assertThat(b.educationInvested()).isCloseTo(9_500_000, within(CENT));
        assertThat(b.lostTaxes()).isCloseTo(518_400, within(CENT));
        assertThat(b.lostOutput()).isCloseTo(1_728_000, within(CENT));
        assertThat(b.replacement()).isCloseTo(600_000, within(CENT));
        assertThat(b.remittances()).isCloseTo(144_000, within(CENT));
        // −p × (E + T + O − R) = −0.2 × 11,602,400
        assertThat(b.returnOffset()).isCloseTo(-2_320_480, within(CENT));
        assertThat(b.educationInvested() + b.lostTaxes() + b.lostOutput() + b.replacement() - b.remittances()
                + b.returnOffset()).isCloseTo(b.net(), within(CENT));

        Components school = CostModel.evaluate(RoundNumbers.fixed()).level(EducationLevel.SCHOOL).perEmigrant();
        assertThat(school.lostOutput()).as("no productivity premium without a degree").isZero();
    }

    @Test
    void theThreeViewsSplitTheCostWithoutCountingAnyPartTwice() {
        Components b = CostModel.evaluate(RoundNumbers.fixed()).level(EducationLevel.BACHELOR).perEmigrant();
        // fiscal = 0.8 × (9,500,000 + 518,400) = 8,014,720
        assertThat(b.fiscal()).isCloseTo(8_014_720, within(CENT));
        // economic = 0.8 × (1,728,000 − 144,000) + 600,000 = 1,867,200
        assertThat(b.economic()).isCloseTo(1_867_200, within(CENT));
        assertThat(b.fiscal() + b.economic()).isCloseTo(b.net(), within(CENT));
        // private: pension 2,400,000 × 0.10 × 1.44 = 345,600; pay after income tax and pension
        // 2,400,000 × 0.80 × 1.44 = 2,764,800; × 0.8 = 2,488,320, not in the cost to the country
        assertThat(b.pensionSavings()).isCloseTo(345_600, within(CENT));
        assertThat(b.netPay()).isCloseTo(2_764_800, within(CENT));
        assertThat(b.privateView()).isCloseTo(2_488_320, within(CENT));
        // The pension contribution rate moves the private view only.
        Components noPension = CostModel.evaluate(RoundNumbers.fixed().with("pension_contribution_rate", 0))
                .level(EducationLevel.BACHELOR).perEmigrant();
        assertThat(noPension.net()).isCloseTo(b.net(), within(CENT));
        assertThat(noPension.fiscal()).isCloseTo(b.fiscal(), within(CENT));
        // tertiary education: the bachelor's years, 4 × 1,000,000; the PhD's 25,100,000 − 5,500,000
        assertThat(b.educationTertiary()).isCloseTo(4_000_000, within(CENT));
        assertThat(CostModel.evaluate(RoundNumbers.fixed()).level(EducationLevel.PHD).perEmigrant()
                .educationTertiary()).isCloseTo(19_600_000, within(CENT));
        assertThat(CostModel.evaluate(RoundNumbers.fixed()).level(EducationLevel.SCHOOL).perEmigrant()
                .educationTertiary()).isZero();
    }

    @Test
    void levelTotalsAndPartsAddUpToTheAnnualTotal() {
        CostResult r = CostModel.evaluate(ParameterSet.defaults());
        double sum = 0;
        for (LevelCost l : r.levels()) {
            assertThat(l.total().net()).isCloseTo(l.perEmigrant().net() * l.emigrants(), within(1e-3));
            sum += l.total().net();
        }
        assertThat(r.annualTotal()).isCloseTo(sum, within(1e-3));
        Components t = r.total();
        assertThat(t.educationInvested() + t.lostTaxes() + t.lostOutput() + t.replacement() - t.remittances()
                + t.returnOffset()).isCloseTo(t.net(), within(1.0));
    }

    @Test
    void annuityFactorIsTheSumOfDiscountedYears() {
        // a(0.05, 30) = Σ_{t=1..30} 1.05^−t, summed term by term; tables give 15.3725
        double sum = 0;
        for (int t = 1; t <= 30; t++) {
            sum += Math.pow(1.05, -t);
        }
        assertThat(CostModel.annuityFactor(0.05, 30)).isCloseTo(sum, within(1e-10)).isCloseTo(15.3725, within(1e-4));
        assertThat(CostModel.annuityFactor(0, 30)).isEqualTo(30);
        assertThat(CostModel.annuityFactor(0.10, 1)).isCloseTo(1 / 1.1, within(1e-12));
        // a fractional year is continuous in n, between its neighbours
        assertThat(CostModel.annuityFactor(0.05, 30.5)).isBetween(sum, sum + Math.pow(1.05, -31));
    }

    @Test
    void lostTaxesArePayTimesRatesTimesTheAnnuity() {
        // T = annual pay × rate × (1 − (1 + r)^−n) / r with pay 2,400,000, rates 0.10 + 0.05 (income and social
        // tax; not the pension contribution), r = 0.05, n = 30
        ParameterSet p = RoundNumbers.fixed().with("discount_rate", 0.05).with("working_years", 30);
        double expected = 2_400_000 * 0.15 * (1 - Math.pow(1.05, -30)) / 0.05;
        Components b = CostModel.evaluate(p).level(EducationLevel.BACHELOR).perEmigrant();
        assertThat(b.lostTaxes()).isCloseTo(expected, within(1e-6));
        assertThat(b.lostOutput()).isCloseTo(2_400_000 * 0.5 * (1 - Math.pow(1.05, -30)) / 0.05, within(1e-6));
        assertThat(b.remittances()).isCloseTo(100_000 * (1 - Math.pow(1.05, -30)) / 0.05, within(1e-6));
    }

    @Test
    void returnProbabilityScalesEverythingButReplacement() {
        // With p = 1 every emigrant comes back: only the replacement cost remains.
        CostResult r = CostModel.evaluate(RoundNumbers.fixed().with("return_probability", 1));
        for (LevelCost l : r.levels()) {
            assertThat(l.perEmigrant().net()).isCloseTo(l.perEmigrant().replacement(), within(CENT));
        }
    }

    @Test
    void defaultsGiveAPositiveTotalWithTheDocumentedStructure() {
        CostResult r = CostModel.evaluate(ParameterSet.defaults());
        assertThat(r.level(EducationLevel.SCHOOL).total().net()).as("school emigrants are out by default").isZero();
        assertThat(r.level(EducationLevel.PHD).perEmigrant().net())
                .isGreaterThan(r.level(EducationLevel.MASTER).perEmigrant().net())
                .isGreaterThan(0);
        assertThat(r.annualTotal()).isPositive();
    }
}
