package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Issue 15's acceptance: for random overrides within the parameters' ranges, the headline total lies within its
 * own Monte Carlo band. Plain parameterized tests over 200 seeds, so that a failure names its seed and reruns
 * identically.
 *
 * <p>Each case overrides a random subset of the parameters: half of the overrides fall in the plausible range
 * [low, high], a quarter exactly at one of its ends (the checkers' case, which once put the total at 38.3 bn
 * against a band of 64.9–196.2 bn), a quarter anywhere within the bounds [min, max].
 */
class CostModelBandPropertyTest {

    static LongStream seeds() {
        return LongStream.rangeClosed(1, 200).map(i -> i * 7_919L + 3L);
    }

    static ParameterSet randomOverrides(SplittableRandom r) {
        ParameterSet p = ParameterSet.defaults();
        for (Parameter q : ParameterSet.defaults().parameters()) {
            if (r.nextDouble() < 0.5) {
                continue;
            }
            double u = r.nextDouble();
            double value;
            if (u < 0.5) {
                value = q.low() + r.nextDouble() * (q.high() - q.low());
            } else if (u < 0.75) {
                value = r.nextBoolean() ? q.low() : q.high();
            } else {
                value = q.min() + r.nextDouble() * (q.max() - q.min());
            }
            p = p.with(q.code(), value);
        }
        return p;
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void theHeadlineLiesWithinItsBand(long seed) {
        ParameterSet p = randomOverrides(new SplittableRandom(seed));
        MonteCarloResult mc = CostModel.monteCarlo(p, 400, seed);
        Band t = mc.total();
        assertThat(mc.headline()).as("seed %d, %s", seed, p.overridden()).isBetween(t.p5(), t.p95());
        for (Band b : List.of(mc.fiscal(), mc.economic(), mc.privateView(), mc.tertiaryEducation())) {
            assertThat(b.mean()).as("seed %d", seed).isBetween(b.p5(), b.p95());
        }
        // The headline adds up: the cost to the country is the fiscal and the economic view, mean for mean.
        assertThat(mc.fiscal().mean() + mc.economic().mean())
                .isCloseTo(mc.headline(), within(1e-9 * Math.abs(mc.headline()) + 1e-3));
        for (double x : numbers(mc)) {
            assertThat(x).as("seed %d", seed).isFinite();
        }
    }

    @ParameterizedTest(name = "seed {0}")
    @MethodSource("seeds")
    void anOverrideMovesTheWholeDistributionOntoItsValue(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Parameter> varying = ParameterSet.defaults().parameters().stream().filter(Parameter::varies).toList();
        Parameter q = varying.get(r.nextInt(varying.size()));
        double value = r.nextBoolean() ? q.low() : q.high();
        Parameter o = ParameterSet.defaults().with(q.code(), value).get(q.code());
        assertThat(o.low()).isEqualTo(value);
        assertThat(o.high()).isEqualTo(value);
        assertThat(o.distribution()).isEqualTo(Distribution.FIXED);
        for (int i = 0; i < 20; i++) {
            assertThat(o.distribution().quantile(r.nextDouble(), o.low(), o.base(), o.high())).isEqualTo(value);
        }
    }

    @Test
    void everyParameterAtTheEndOfItsRangeThatLowersTheTotalKeepsTheTotalInItsBand() {
        // The checkers' case: every parameter that moves the total, at the end of its range that lowers it.
        ParameterSet p = ParameterSet.defaults();
        for (TornadoBar bar : CostModel.tornado(ParameterSet.defaults())) {
            p = p.with(bar.code(), bar.totalAtLow() <= bar.totalAtHigh() ? bar.low() : bar.high());
        }
        MonteCarloResult mc = CostModel.monteCarlo(p, 2_000, 20_241_106L);
        assertThat(mc.headline()).isBetween(mc.total().p5(), mc.total().p95());
        // Every parameter is now fixed, so the band has collapsed onto the one value the overrides give.
        assertThat(mc.total().p95() - mc.total().p5()).isLessThan(1e-6 * mc.headline());
        assertThat(mc.headline()).isCloseTo(CostModel.evaluate(p).annualTotal(), within(1e-6 * mc.headline()));
    }

    @Test
    void theNotesScenarioReadsAs25Point14BnOfTertiaryEducationSpending() {
        ParameterSet p = Scenario.NOTE_25BN.applyTo(ParameterSet.defaults());
        // 4,667 × 2,800,000 + 1,753 × 4,947,500 + 294 × 11,575,000 = 25,143,617,500 (costmodel/scenarios.properties)
        assertThat(CostModel.evaluate(p).total().educationTertiary()).isCloseTo(25_143_617_500.0, within(1.0));
        assertThat(p.overridden()).containsExactly("emigrants_bachelor", "emigrants_master", "emigrants_phd");
        assertThat(Scenario.of("NOTE_25bn")).isEqualTo(Scenario.NOTE_25BN);
        assertThat(Scenario.of(null)).isEqualTo(Scenario.MODEL);
        // With the documented defaults' counts the same reading is 22.95 bn: the note's figure needs the others.
        assertThat(CostModel.evaluate(ParameterSet.defaults()).total().educationTertiary() / 1e9)
                .isCloseTo(22.95, within(0.005));
    }

    private static List<Double> numbers(MonteCarloResult mc) {
        List<Double> all = new ArrayList<>();
        for (Band b : List.of(mc.total(), mc.fiscal(), mc.economic(), mc.privateView(), mc.tertiaryEducation())) {
            all.addAll(List.of(b.mean(), b.median(), b.p5(), b.p95()));
        }
        all.add(mc.atCentralValues());
        return all;
    }
}
