package kz.agyn.scenario.engine.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.SplittableRandom;
import java.util.concurrent.TimeUnit;
import kz.agyn.scenario.engine.Calibration;
import kz.agyn.scenario.engine.Coefficients;
import kz.agyn.scenario.engine.Context;
import kz.agyn.scenario.engine.EngineFixtures;
import kz.agyn.scenario.engine.FitReport;
import kz.agyn.scenario.engine.Levers;
import kz.agyn.scenario.engine.Location;
import kz.agyn.scenario.engine.Model;
import kz.agyn.scenario.engine.Population;
import kz.agyn.scenario.engine.Progress;
import kz.agyn.scenario.engine.Results;
import kz.agyn.scenario.engine.RunSpec;
import kz.agyn.scenario.engine.Simulator;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.Warmup;

/**
 * The engine against a straightforward per-agent loop (an object per agent, one logit and one random draw per
 * agent-year), in the same JMH run. Every benchmark simulates {@link #AGENT_YEARS} agent-years of the baseline:
 * 250,000 agents × 10 years × 4 draws; bench/simulate.sh divides to get agent-years per second.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.AverageTime)
@OutputTimeUnit(TimeUnit.MILLISECONDS)
@Warmup(iterations = 3, time = 2)
@Measurement(iterations = 5, time = 2)
@Fork(value = 1, jvmArgs = {"-Xms1g", "-Xmx2g"})
public class SimulationBenchmark {

    static final int AGENTS = 250_000;
    static final int YEARS = 10;
    static final int DRAWS = 4;
    public static final long AGENT_YEARS = (long) AGENTS * YEARS * DRAWS;

    Population population;
    Context context;
    Model model;
    List<NaiveAgent> naive;

    @Setup(Level.Trial)
    public void setUp() {
        population = EngineFixtures.population(AGENTS, 1, 10);
        context = EngineFixtures.context();
        Coefficients k = Calibration.defaults();
        model = new Model(k, List.of(), new FitReport(List.of()));
        naive = new ArrayList<>(AGENTS);
        for (int i = 0; i < population.size(); i++) {
            naive.add(new NaiveAgent(population.iscoMajorGroup(i), population.isced(i) - 5, population.age(i),
                    population.sector(i).ordinal(), population.monthlyPayKzt(i), population.studiedAbroad(i),
                    population.location(i) == Location.KAZAKHSTAN));
        }
    }

    private Results engine(int threads) {
        return Simulator.run(population, context, model, List.of(Levers.none()),
                new RunSpec(YEARS, DRAWS, 42, threads), Progress.none());
    }

    @Benchmark
    public Results engineOneThread() {
        return engine(1);
    }

    @Benchmark
    public Results engineTwoThreads() {
        return engine(2);
    }

    /** The straightforward loop the engine is measured against: one thread, objects, a logit per agent-year. */
    @Benchmark
    public long naiveLoop() {
        Coefficients k = model.central();
        double[] dest = context.destinationPayPppByIsco();
        double[] isco = k.isco();
        double[] isced = k.isced();
        double[] age = k.ageGroup();
        long moves = 0;
        for (int d = 0; d < DRAWS; d++) {
            SplittableRandom random = new SplittableRandom(42 + d);
            for (NaiveAgent a : naive) {
                a.inKz = a.startInKz;
            }
            for (int t = 0; t < YEARS; t++) {
                for (NaiveAgent a : naive) {
                    double push = k.pay() * Math.max(0, Math.log(dest[a.isco] / a.pay)) + k.growth()
                            + k.socioPolitical() + (a.sector >= 2 ? k.research() : 0) + k.living();
                    double x = a.inKz
                            ? k.intercept() + isco[a.isco] + isced[a.isced] + age[a.ageGroup]
                                    + (a.studied ? k.ties() : 0) + push
                            : k.returnIntercept() - push;
                    double p = 1 / (1 + Math.exp(-x));
                    if (random.nextDouble() < p) {
                        a.inKz = !a.inKz;
                        moves++;
                    }
                }
            }
        }
        return moves;
    }

    static final class NaiveAgent {
        final int isco;
        final int isced;
        final int ageGroup;
        final int sector;
        final double pay;
        final boolean studied;
        final boolean startInKz;
        boolean inKz;

        NaiveAgent(int isco, int isced, int age, int sector, double pay, boolean studied, boolean inKz) {
            this.isco = isco;
            this.isced = isced;
            this.ageGroup = age < 30 ? 0 : age < 35 ? 1 : age < 45 ? 2 : age < 55 ? 3 : 4;
            this.sector = sector;
            this.pay = pay;
            this.studied = studied;
            this.startInKz = inKz;
            this.inKz = inKz;
        }
    }
}
