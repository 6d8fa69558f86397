package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Monotonicity over seeded random parameter sets: plain parameterized tests, so a failure names its seed and
 * reruns identically. Each case draws every base value uniformly from the default range (school emigrants get a
 * range of 0–2,000 so that the school level takes part) and then raises one parameter.
 */
class CostModelPropertiesTest {

    /** Parameters that only ever add to the cost: each enters the total with a non-negative coefficient. */
    private static final List<String> COSTS = List.of("spending_school", "spending_bachelor", "spending_master",
            "spending_phd", "years_school", "years_bachelor", "years_master", "years_phd", "scholarship_master",
            "scholarship_phd", "pay_school", "pay_highly_skilled", "income_tax_rate", "pension_contribution_rate",
            "social_tax_rate", "productivity_premium", "replacement_months");

    /** Offsets: raising them can only lower the cost. */
    private static final List<String> OFFSETS = List.of("remittances_per_year", "scholarship_recovered_share");

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 300).map(i -> i * 104_729L + 17L);
    }

    static ParameterSet randomSet(SplittableRandom r) {
        ParameterSet p = ParameterSet.defaults().with("emigrants_school", 0, 0, 2_000);
        for (Parameter q : p.parameters()) {
            if (q.varies()) {
                p = p.with(q.code(), q.low() + r.nextDouble() * (q.high() - q.low()));
            }
        }
        return p;
    }

    /** A value above the current base: within the range when there is one, up to 20% higher for a fixed one. */
    private static ParameterSet raised(ParameterSet p, String code, SplittableRandom r) {
        Parameter q = p.get(code);
        double ceiling = q.varies() ? q.high() : Math.min(q.unit().max(), q.base() * 1.2 + 1e-3);
        return p.with(code, q.base(), q.low(), Math.max(q.high(), ceiling))
                .with(code, q.base() + r.nextDouble() * (ceiling - q.base()));
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void raisingACostNeverLowersTheTotal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParameterSet p = randomSet(r);
        double before = CostModel.evaluate(p).annualTotal();
        for (String code : COSTS) {
            double after = CostModel.evaluate(raised(p, code, r)).annualTotal();
            assertThat(after).as("%s, seed %d", code, seed).isGreaterThanOrEqualTo(before - 1e-9 * Math.abs(before));
        }
        for (String code : OFFSETS) {
            double after = CostModel.evaluate(raised(p, code, r)).annualTotal();
            assertThat(after).as("%s, seed %d", code, seed).isLessThanOrEqualTo(before + 1e-9 * Math.abs(before));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void raisingTheReturnProbabilityNeverRaisesTheTotalOfALoss(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParameterSet p = randomSet(r);
        CostResult before = CostModel.evaluate(p);
        double p0 = p.value("return_probability");
        double p1 = p0 + r.nextDouble() * (0.6 - p0);
        double after = CostModel.evaluate(p.with("return_probability", p1)).annualTotal();

        // Exactly: Δtotal = −Δp × Σ_L emigrants_L × (E_L + T_L + O_L − R), the loss a return gives back.
        double permanentLoss = 0;
        boolean everyLevelALoss = true;
        for (LevelCost l : before.levels()) {
            Components c = l.perEmigrant();
            double loss = c.educationInvested() + c.lostTaxes() + c.lostOutput() - c.remittances();
            everyLevelALoss &= loss >= 0;
            permanentLoss += l.emigrants() * loss;
        }
        assertThat(after - before.annualTotal()).isCloseTo(-(p1 - p0) * permanentLoss,
                within(1e-6 * Math.abs(before.annualTotal()) + 1e-3));
        if (everyLevelALoss) {
            // Only where remittances outweigh education, taxes and output does a return raise the cost.
            assertThat(after).as("seed %d", seed).isLessThanOrEqualTo(before.annualTotal() * (1 + 1e-12));
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void moreEmigrantsOfACostlyLevelNeverLowerTheTotal(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        ParameterSet p = randomSet(r);
        CostResult before = CostModel.evaluate(p);
        for (EducationLevel level : EducationLevel.values()) {
            if (before.level(level).perEmigrant().net() < 0) {
                continue;
            }
            double after = CostModel.evaluate(raised(p, Codes.emigrants(level), r)).annualTotal();
            assertThat(after).as("%s, seed %d", level, seed).isGreaterThanOrEqualTo(before.annualTotal() * (1 - 1e-12));
        }
    }
}
