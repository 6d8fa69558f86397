package kz.agyn.scenario.engine.bench;

import java.lang.management.ManagementFactory;
import java.lang.management.MemoryPoolMXBean;
import java.lang.management.MemoryType;
import java.util.List;
import java.util.Optional;
import java.util.OptionalInt;
import kz.agyn.scenario.engine.Band;
import kz.agyn.scenario.engine.Calibration;
import kz.agyn.scenario.engine.Context;
import kz.agyn.scenario.engine.EngineFixtures;
import kz.agyn.scenario.engine.Levers;
import kz.agyn.scenario.engine.Measure;
import kz.agyn.scenario.engine.Model;
import kz.agyn.scenario.engine.PayChange;
import kz.agyn.scenario.engine.Population;
import kz.agyn.scenario.engine.Progress;
import kz.agyn.scenario.engine.Results;
import kz.agyn.scenario.engine.RunSpec;
import kz.agyn.scenario.engine.Sector;
import kz.agyn.scenario.engine.Simulator;

/**
 * The full run: 2.5 million agents, 10 years, 200 draws, the baseline and the note's pay-and-budget
 * scenario, on both cores; run by bench/simulate.sh with -Xmx2g (the memory limit). Prints wall time, CPU time,
 * agent-years per second and the heap used at the end.
 */
public final class FullPopulationRun {

    private FullPopulationRun() {
    }

    public static void main(String[] args) {
        int agents = args.length > 0 ? Integer.parseInt(args[0]) : 2_500_000;
        int draws = args.length > 1 ? Integer.parseInt(args[1]) : 200;
        int threads = args.length > 2 ? Integer.parseInt(args[2]) : 2;
        long t0 = System.nanoTime();
        Population p = EngineFixtures.population(agents, 1, 1);
        Context c = EngineFixtures.context();
        System.out.printf("population: %,d agents, %,d types, built in %.1f s%n", p.size(), p.typeCount(),
                (System.nanoTime() - t0) / 1e9);
        t0 = System.nanoTime();
        Model m = Calibration.fit(p, c, EngineFixtures.targets(), 1, 20);
        System.out.printf("calibration (central + 20 coefficient draws): %.1f s, all targets within tolerance: %s%n",
                (System.nanoTime() - t0) / 1e9, m.fit().allWithin());
        Levers note = Levers.none().withPayChanges(
                List.of(new PayChange(Optional.of(Sector.RESEARCH), OptionalInt.empty(), 0.30, c.startYear())))
                .withResearchBudgetKzt(10e9);
        RunSpec spec = new RunSpec(10, draws, 7, threads);
        long cpu0 = cpu();
        t0 = System.nanoTime();
        Results r = Simulator.run(p, c, m, List.of(Levers.none(), note), spec, Progress.none());
        double wall = (System.nanoTime() - t0) / 1e9;
        double cpu = (cpu() - cpu0) / 1e9;
        long agentYears = (long) p.size() * spec.horizon() * spec.draws() * r.scenarios();
        Band kept = r.band(1, 9, Measure.KEPT_VS_BASELINE);
        System.out.printf("full run: %,d agents x %d years x %d draws x %d scenarios = %.3g agent-years%n", p.size(),
                spec.horizon(), spec.draws(), r.scenarios(), (double) agentYears);
        System.out.printf("FULL_RUN_SECONDS=%.2f%nFULL_RUN_CPU_SECONDS=%.2f%nFULL_RUN_AGENT_YEARS_PER_S=%.3g%n", wall,
                cpu, agentYears / wall);
        System.out.printf("kept against the baseline in year 10: mean %.0f, 95%% band %.0f..%.0f%n", kept.mean(),
                kept.p2_5(), kept.p97_5());
        System.gc();
        long heap = 0;
        for (MemoryPoolMXBean pool : ManagementFactory.getMemoryPoolMXBeans()) {
            if (pool.getType() == MemoryType.HEAP) {
                heap += pool.getPeakUsage().getUsed();
            }
        }
        System.out.printf("HEAP_PEAK_MIB=%d (max heap %d MiB)%n", heap >> 20, Runtime.getRuntime().maxMemory() >> 20);
    }

    private static long cpu() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                .getProcessCpuTime();
    }
}
