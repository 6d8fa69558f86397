package kz.agyn.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.SplittableRandom;
import java.util.concurrent.atomic.AtomicLong;
import java.util.stream.LongStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The simulator's promises: determinism, monotonicity, obligations, costs, bands, cancelling. */
class SimulatorTest {

    static final Context CONTEXT = EngineFixtures.context();

    static Model central(Coefficients k) {
        return new Model(k, List.of(), new FitReport(List.of()));
    }

    /** Calibrated defaults without the fit: a plausible model quickly (a few percent leave a year). */
    static Model plausible(long seed, int draws) {
        SplittableRandom r = new SplittableRandom(seed);
        List<Coefficients> sets = new ArrayList<>();
        Coefficients d = Calibration.defaults();
        for (int i = 0; i < draws; i++) {
            double[] isco = new double[10];
            for (int g = 0; g < 10; g++) {
                isco[g] = r.nextDouble(-0.5, 0.5);
            }
            sets.add(new Coefficients(d.intercept() + r.nextDouble(-0.5, 0.5), isco, d.isced(), d.ageGroup(),
                    d.ties(), r.nextDouble(0.5, 1.5), r.nextDouble(0.2, 1), r.nextDouble(0.2, 1),
                    r.nextDouble(0.2, 1), r.nextDouble(0.05, 0.5), d.obligation(), r.nextDouble(-4, -2),
                    r.nextDouble(-1, 1)));
        }
        return new Model(sets.get(0), sets, new FitReport(List.of()));
    }

    static Levers researchPay(double change) {
        return Levers.none().withPayChanges(
                List.of(new PayChange(Optional.of(Sector.RESEARCH), OptionalInt.empty(), change, 2026)));
    }

    @Test
    void sameSeedGivesIdenticalResultsWithOneTwoOrThreeThreads() {
        Population p = EngineFixtures.population(30_001, 3, 20);
        Model m = plausible(5, 7);
        List<Levers> scenarios = List.of(Levers.none(), researchPay(0.3).withResearchBudgetKzt(10e9),
                Levers.none().withReturneeSupplement(new ReturneeSupplement(0.2, 3)).withTaxHolidayYears(2));
        Results one = Simulator.run(p, CONTEXT, m, scenarios, new RunSpec(6, 9, 11, 1), Progress.none());
        Results two = Simulator.run(p, CONTEXT, m, scenarios, new RunSpec(6, 9, 11, 2), Progress.none());
        Results three = Simulator.run(p, CONTEXT, m, scenarios, new RunSpec(6, 9, 11, 3), Progress.none());
        long cells = 0;
        for (int s = 0; s < 3; s++) {
            for (int d = 0; d < 9; d++) {
                for (int t = 0; t < 6; t++) {
                    for (Measure measure : Measure.values()) {
                        for (Dimension dim : Dimension.values()) {
                            for (int c = 0; c < one.codes(dim).size(); c++) {
                                double v = one.value(s, d, t, measure, dim, c);
                                long bits = Double.doubleToLongBits(v);
                                assertThat(Double.doubleToLongBits(two.value(s, d, t, measure, dim, c))).isEqualTo(bits);
                                assertThat(Double.doubleToLongBits(three.value(s, d, t, measure, dim, c)))
                                        .isEqualTo(bits);
                                cells++;
                            }
                        }
                    }
                }
            }
        }
        assertThat(cells).isGreaterThan(10_000);
        // And the run did something: people left, some came back, the supplement was paid.
        assertThat(one.band(0, 5, Measure.EMIGRANTS).mean()).isPositive();
        assertThat(one.band(2, 5, Measure.RETURNEES).mean()).isPositive();
        assertThat(one.leverCost(2, 3, LeverKind.RETURNEE_SUPPLEMENT).mean()).isPositive();
        // A different seed gives different numbers.
        Results other = Simulator.run(p, CONTEXT, m, scenarios, new RunSpec(6, 9, 12, 2), Progress.none());
        assertThat(other.value(0, 0, 5, Measure.EMIGRANTS, Dimension.TOTAL, 0))
                .isNotEqualTo(one.value(0, 0, 5, Measure.EMIGRANTS, Dimension.TOTAL, 0));
    }

    @Test
    void zeroHazardMeansNobodyLeaves() {
        Population p = EngineFixtures.population(20_000, 4, 5);
        Results r = Simulator.run(p, CONTEXT, central(Coefficients.zeroHazard()),
                List.of(Levers.none(), researchPay(-0.5)), new RunSpec(10, 3, 1, 2), Progress.none());
        double start = r.value(0, 0, 0, Measure.STOCK_IN_KAZAKHSTAN, Dimension.TOTAL, 0);
        assertThat(start).isGreaterThan(19_000 * 5 * 0.9);
        for (int s = 0; s < 2; s++) {
            for (int d = 0; d < 3; d++) {
                for (int t = 0; t < 10; t++) {
                    for (Dimension dim : Dimension.values()) {
                        for (int c = 0; c < r.codes(dim).size(); c++) {
                            assertThat(r.value(s, d, t, Measure.EMIGRANTS, dim, c)).isZero();
                            assertThat(r.value(s, d, t, Measure.RETURNEES, dim, c)).isZero();
                        }
                    }
                    assertThat(r.value(s, d, t, Measure.STOCK_IN_KAZAKHSTAN, Dimension.TOTAL, 0)).isEqualTo(start);
                }
            }
        }
    }

    static LongStream seeds() {
        return LongStream.range(1, 21);
    }

    /**
     * Raising domestic pay never increases emigration: with common random numbers every agent who leaves under
     * the raise would have left without it, so the first year's emigrants are never more in any draw, scenario or
     * dimension value; and, since leaving takes the bottom of an agent's number and returning the top, nobody is
     * ever out of Kazakhstan under the raise who is in it without: the stock in Kazakhstan is never lower, in any
     * year. (Later years' emigrant counts can rise: those kept or brought back may leave later.)
     */
    @ParameterizedTest
    @MethodSource("seeds")
    void raisingDomesticPayNeverIncreasesEmigration(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        Population p = EngineFixtures.population(3_000 + r.nextInt(20_000), seed, 1 + r.nextInt(20));
        Model m = plausible(seed, 1 + r.nextInt(4));
        List<Levers> scenarios = new ArrayList<>();
        scenarios.add(Levers.none());
        for (int s = 0; s < 3; s++) {
            List<PayChange> raises = new ArrayList<>();
            for (int k = 0; k <= r.nextInt(3); k++) {
                Optional<Sector> sector = r.nextBoolean() ? Optional.of(Sector.values()[r.nextInt(4)]) : Optional.empty();
                OptionalInt isco = r.nextBoolean() ? OptionalInt.of(r.nextInt(10)) : OptionalInt.empty();
                raises.add(new PayChange(sector, isco, r.nextDouble(0, 2), 2026 + r.nextInt(3)));
            }
            scenarios.add(Levers.none().withPayChanges(raises));
        }
        int draws = 1 + r.nextInt(5);
        int horizon = 1 + r.nextInt(8);
        Results res = Simulator.run(p, CONTEXT, m, scenarios, new RunSpec(horizon, draws, seed, 2), Progress.none());
        for (int s = 1; s < scenarios.size(); s++) {
            for (int d = 0; d < draws; d++) {
                for (Dimension dim : Dimension.values()) {
                    for (int c = 0; c < res.codes(dim).size(); c++) {
                        assertThat(res.value(s, d, 0, Measure.EMIGRANTS, dim, c))
                                .isLessThanOrEqualTo(res.value(0, d, 0, Measure.EMIGRANTS, dim, c));
                        for (int t = 0; t < horizon; t++) {
                            assertThat(res.value(s, d, t, Measure.STOCK_IN_KAZAKHSTAN, dim, c))
                                    .as("stock, scenario %d draw %d year %d %s %d", s, d, t, dim, c)
                                    .isGreaterThanOrEqualTo(res.value(0, d, t, Measure.STOCK_IN_KAZAKHSTAN, dim, c));
                        }
                    }
                }
            }
        }
        // The model itself: every type's chance of leaving falls (weakly) as its pay rises.
        Conditions base = new Conditions(CONTEXT, Levers.none(), 2026);
        Conditions raised = new Conditions(CONTEXT, scenarios.get(1), 2030);
        for (int type = 0; type < p.types.count; type++) {
            for (int owed = 0; owed <= 5; owed++) {
                assertThat(Decision.emigration(m.central(), p.types, type, raised, false, false, owed))
                        .isLessThanOrEqualTo(Decision.emigration(m.central(), p.types, type, base, false, false, owed));
            }
        }
    }

    @Test
    void bandsAreOrdered() {
        Population p = EngineFixtures.population(10_000, 9, 10);
        Results r = Simulator.run(p, CONTEXT, plausible(9, 40),
                List.of(Levers.none(), researchPay(0.3), Levers.none().withHousingSupportKzt(500_000)),
                new RunSpec(5, 60, 9, 2), Progress.none());
        int checked = 0;
        for (int s = 0; s < 3; s++) {
            for (int t = 0; t < 5; t++) {
                for (Measure m : Measure.values()) {
                    for (Dimension dim : Dimension.values()) {
                        for (int c = 0; c < r.codes(dim).size(); c++) {
                            Band b = r.band(s, t, m, dim, c);
                            if (!b.defined()) {
                                continue;
                            }
                            assertThat(b.p2_5()).isLessThanOrEqualTo(b.p10());
                            assertThat(b.p10()).isLessThanOrEqualTo(b.p50());
                            assertThat(b.p50()).isLessThanOrEqualTo(b.p90());
                            assertThat(b.p90()).isLessThanOrEqualTo(b.p97_5());
                            checked++;
                        }
                    }
                }
            }
        }
        assertThat(checked).isGreaterThan(3_000);
        // Spread is there: 60 draws of 40 coefficient sets do not all agree.
        Band emigrants = r.band(0, 4, Measure.EMIGRANTS);
        assertThat(emigrants.p97_5()).isGreaterThan(emigrants.p2_5());
    }

    @Test
    void theBaselineKeepsNobodyAndHasNoCostPerSpecialistKept() {
        Population p = EngineFixtures.population(5_000, 2, 10);
        Results r = Simulator.run(p, CONTEXT, plausible(2, 3), List.of(Levers.none(), researchPay(1.0)),
                new RunSpec(3, 4, 2, 1), Progress.none());
        assertThat(r.band(0, 2, Measure.KEPT_VS_BASELINE).mean()).isZero();
        assertThat(r.band(0, 2, Measure.BUDGET_COST_KZT).mean()).isZero();
        assertThat(r.band(0, 2, Measure.COST_PER_SPECIALIST_KEPT_KZT).defined()).isFalse();
        assertThat(r.band(1, 2, Measure.BUDGET_COST_KZT, Dimension.REGION, 0).defined()).isFalse();
        Band kept = r.band(1, 2, Measure.KEPT_VS_BASELINE);
        assertThat(kept.mean()).isPositive();
        assertThat(r.band(1, 2, Measure.COST_PER_SPECIALIST_KEPT_KZT).mean()).isPositive();
        assertThat(r.band(1, 2, Measure.BRAIN_DRAIN_COST_AVOIDED_KZT).mean()).isPositive();
    }

    @Test
    void cancellingStopsPromptlyAndThrows() {
        Population p = EngineFixtures.population(200_000, 1, 10);
        AtomicLong done = new AtomicLong();
        Progress cancelSoon = new Progress() {
            @Override
            public void advance(long agentYears) {
                done.addAndGet(agentYears);
            }

            @Override
            public boolean cancelled() {
                return done.get() > 0;
            }
        };
        long start = System.nanoTime();
        assertThatThrownBy(() -> Simulator.run(p, CONTEXT, plausible(1, 2), List.of(Levers.none()),
                new RunSpec(20, 100_000 / 20, 1, 2), cancelSoon)).isInstanceOf(CancelledException.class);
        double seconds = (System.nanoTime() - start) / 1e9;
        // The whole run is 2·10^10 agent-years (minutes); it stopped within a couple of blocks per thread.
        assertThat(done.get()).isLessThan(200_000L * 20 * 8);
        assertThat(seconds).isLessThan(10);
    }

    @Test
    void badRunsAreRefused() {
        assertThatThrownBy(() -> new RunSpec(0, 10, 1, 1)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> new RunSpec(500, 10, 1, 1)).hasMessageContaining("horizon");
        assertThatThrownBy(() -> new RunSpec(10, 0, 1, 1)).hasMessageContaining("draws");
        assertThatThrownBy(() -> new RunSpec(10, 10_000_000, 1, 1)).hasMessageContaining("draws");
        assertThatThrownBy(() -> researchPay(-1.0)).hasMessageContaining("-100%");
        assertThatThrownBy(() -> Levers.none().withResearchBudgetKzt(-1)).hasMessageContaining("research budget");
        Population p = EngineFixtures.population(100, 1, 1);
        assertThatThrownBy(() -> Simulator.run(p, CONTEXT, plausible(1, 1), List.of(Levers.none(), Levers.none(),
                Levers.none(), Levers.none()), new RunSpec(20, 100_000, 1, 1), Progress.none()))
                .hasMessageContaining("too many results");
    }

    /**
     * The candidates of a block-year are the agents whose uniform falls below the bound: about bound × agents of
     * them, spread evenly over the block, their uniforms evenly spread below the bound.
     */
    @Test
    void candidatesAreAsManyAsTheBoundSaysAndEvenlySpread() {
        int[] cand = new int[Simulator.BLOCK];
        long[] x = new long[Simulator.BLOCK];
        long bound = Decision.threshold(0.1);
        long found = 0;
        long firstHalf = 0;
        long lowHalf = 0;
        int years = 200;
        for (int year = 0; year < years; year++) {
            int n = Simulator.Run.candidates(Simulator.streamSeed(1, 0, 0, year), new long[] {bound},
                    new int[cand.length], new int[] {0, cand.length}, 0, cand.length, cand, x);
            for (int c = 0; c < n; c++) {
                assertThat(x[c]).isBetween(0L, bound - 1);
                assertThat(cand[c]).isBetween(c == 0 ? 0 : cand[c - 1] + 1, cand.length - 1);
                firstHalf += cand[c] < cand.length / 2 ? 1 : 0;
                lowHalf += x[c] < bound / 2 ? 1 : 0;
            }
            found += n;
        }
        double expected = 0.1 * years * cand.length;
        // Binomial: the standard deviation is about 136 agents; 5 of them allowed.
        assertThat((double) found).isCloseTo(expected, within(5 * Math.sqrt(expected * 0.9)));
        assertThat(firstHalf / (double) found).isCloseTo(0.5, within(0.01));
        assertThat(lowHalf / (double) found).isCloseTo(0.5, within(0.01));
        // Two types: one that never leaves, one that always does (every agent a candidate, in place order).
        int[] types = new int[cand.length];
        java.util.Arrays.fill(types, 100, cand.length, 1);
        int n = Simulator.Run.candidates(7, new long[] {0, Decision.ONE}, types, new int[] {0, 100, cand.length},
                0, cand.length, cand, x);
        assertThat(n).isEqualTo(cand.length - 100);
        assertThat(cand[0]).isEqualTo(100);
        assertThat(cand[n - 1]).isEqualTo(cand.length - 1);
    }
}
