package kz.agyn.scenario.engine;

import java.util.List;
import java.util.Map;
import java.util.SplittableRandom;

/** Seeded random populations, a context and targets like the note's, for the engine's tests and benchmarks. */
public final class EngineFixtures {

    private EngineFixtures() {
    }

    public static final List<String> REGIONS = List.of("710000000", "750000000", "790000000", "110000000",
            "150000000", "190000000", "230000000", "270000000", "310000000", "350000000", "390000000", "430000000",
            "470000000", "550000000", "590000000", "610000000", "630000000");

    public static Context context() {
        double[] dest = {900_000, 1_500_000, 1_300_000, 900_000, 600_000, 500_000, 400_000, 600_000, 550_000,
                350_000};
        return new Context(2026, dest, 5e9, 1.3e14, 20_000, 10, 0.5, 0.10,
                new double[] {8e6, 15e6, 25e6, 40e6}, Map.of("all", "default: test fixture"));
    }

    public static Targets targets() {
        double[] isco = {0.01, 0.025, 0.03, 0.02, 0.012, 0.01, 0.008, 0.012, 0.01, 0.008};
        double[] isced = {0.012, 0.02, 0.028, 0.04};
        return new Targets(isco, isced, 0.05, 0.40, Targets.TABLE_1, 0.10, 0.02);
    }

    /** A population of n agents: ~3% abroad, ~0.5% scholars studying and ~0.5% working off. */
    public static Population population(int n, long seed, double personsPerAgent) {
        SplittableRandom r = new SplittableRandom(seed);
        Population.Builder b = Population.builder(REGIONS, personsPerAgent);
        Sector[] sectors = Sector.values();
        for (int i = 0; i < n; i++) {
            int isco = r.nextInt(100) < 60 ? 2 : r.nextInt(10);
            Sector sector = sectors[r.nextInt(100) < 45 ? 1 : r.nextInt(4)];
            double pay = 150_000 * Math.exp(0.5 * gaussian(r)) * (isco == 1 ? 2 : 1);
            int isced = 5 + (r.nextInt(100) < 30 ? 0 : r.nextInt(100) < 55 ? 1 : r.nextInt(100) < 85 ? 2 : 3);
            int roll = r.nextInt(1000);
            Location location = roll < 30 ? Location.ABROAD : Location.KAZAKHSTAN;
            ObligationState obligation = ObligationState.NONE;
            int owed = 0;
            if (roll < 5) {
                obligation = ObligationState.STUDYING;
                owed = 5;
            } else if (roll >= 30 && roll < 35) {
                obligation = ObligationState.WORKING_OFF;
                owed = 1 + r.nextInt(5);
            }
            b.add(r.nextInt(REGIONS.size()), 22 + r.nextInt(43), r.nextBoolean() ? 'M' : 'F', isced, isco, sector,
                    pay, r.nextInt(10) == 0, location, obligation, owed);
        }
        return b.build();
    }

    private static double gaussian(SplittableRandom r) {
        return Math.sqrt(-2 * Math.log(1 - r.nextDouble())) * Math.cos(2 * Math.PI * r.nextDouble());
    }
}
