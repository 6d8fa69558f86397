package kz.agyn.scenario.engine;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * Runs the baseline and the scenarios over the population, year by year, for each draw.
 *
 * <p><b>Common random numbers.</b> Agent i in year t of draw d gets one uniform 32-bit number, the same in every
 * scenario, from a SplitMix64 stream seeded by (seed, d, block of i, t) or a hash of that seed and i (see
 * {@code Run.simulate}: only candidates and agents abroad are drawn for); draw d uses coefficient set
 * {@code d mod draws}. An agent in Kazakhstan leaves when its number is below the threshold of its type; one
 * abroad returns when its number is in the top (threshold) of the range. With leaving at the bottom and returning
 * at the top, one number never makes an agent leave in one scenario and return in another unless the two
 * chances add up to more than 1, so differences between scenarios are the levers', not noise.
 *
 * <p><b>Same results for any number of threads.</b> The random streams depend on the agent's block (4096 agents),
 * never on the thread; every tally is a sum of integers (agents, KZT rounded per agent), which no order of
 * summation changes; money and persons are made from them only when a draw is complete.
 *
 * <p><b>Costs.</b> {@link Measure#BUDGET_COST_KZT} is what the scenario's levers cost in the year (see
 * {@link LeverKind}) less the repayments of scholars in breach it recovers beyond the baseline's (with the same
 * draw), so the baseline's is 0. {@link Measure#COST_PER_SPECIALIST_KEPT_KZT} is the cumulative budget cost to
 * the year over the specialists kept in that year against the baseline; when none is kept (kept ≤ 0) it is not
 * defined: NaN, which a {@link Band} leaves out. {@link Measure#BRAIN_DRAIN_COST_AVOIDED_KZT} is the cost of the
 * baseline's emigrants of the year less the scenario's, each at the cost model's cost for its ISCED level.
 */
public final class Simulator {

    static final int BLOCK = 4096;
    /** Type runs are joined into segments of at least this many agents to draw candidates (measured). */
    static final int SEGMENT = 64;
    /** Results are held in memory as doubles: scenarios × draws × years × measures × dimension values cells. */
    public static final long MAX_RESULT_CELLS = 128L << 20;

    // Agent states in a scenario. The first two are the common ones the thresholds decide on their own.
    static final byte IN_KZ = 0;
    static final byte ABROAD = 1;
    static final byte RETURNEE = 2;      // in Kazakhstan, within the years of a return incentive
    static final byte WORKING_OFF = 3;   // a scholar in Kazakhstan with years of work-off left
    static final byte STUDYING = 4;      // a scholar abroad

    private Simulator() {
    }

    /** How many result cells a run makes; above {@link #MAX_RESULT_CELLS} it is refused. */
    public static long resultCells(Population p, int scenarios, RunSpec spec) {
        return (long) scenarios * spec.draws() * spec.horizon() * Measure.values().length
                * new Slots(p.regions()).count;
    }

    /**
     * Runs the baseline and each scenario with common random numbers (same draw = same coefficients and the same
     * uniforms). Same seed: identical results for any number of threads. Throws {@link CancelledException} when
     * {@code progress.cancelled()}, checked every block of agents.
     */
    public static Results run(Population p, Context c, Model m, List<Levers> scenarios, RunSpec spec,
                              Progress progress) {
        if (scenarios.isEmpty()) {
            throw new IllegalArgumentException("at least the baseline scenario is needed");
        }
        if (resultCells(p, scenarios.size(), spec) > MAX_RESULT_CELLS) {
            throw new IllegalArgumentException("too many results to hold: " + resultCells(p, scenarios.size(), spec)
                    + " cells (scenarios × draws × years × measures × dimension values); at most "
                    + MAX_RESULT_CELLS + ": fewer draws or years");
        }
        Run run = new Run(p, c, m, List.copyOf(scenarios), spec, progress);
        return run.execute();
    }

    static long mix(long z) {
        z = (z ^ (z >>> 30)) * 0xbf58476d1ce4e5b9L;
        z = (z ^ (z >>> 27)) * 0x94d049bb133111ebL;
        return z ^ (z >>> 31);
    }

    static long streamSeed(long seed, int draw, int block, int year) {
        return mix(mix(mix(seed + 0x9e3779b97f4a7c15L * (draw + 1)) + block) * 31 + year);
    }

    /** A year's thresholds for one scenario and draw: per type, leaving (from Kazakhstan) and returning. */
    record Thresholds(long[] leave, long[] back) {
    }

    static final class Run {
        final Population p;
        final Context c;
        final Model m;
        final List<Levers> scenarios;
        final RunSpec spec;
        final Progress progress;
        final int s;
        final int h;
        final Slots slots;
        final Tally layout;
        final Conditions[][] conditions;
        /** The coefficient-free part of the thresholds; the same object for years with the same chances. */
        final Deficits[][] deficits;
        final Results results;
        final long[] emigrantCost = new long[4];

        Run(Population p, Context c, Model m, List<Levers> scenarios, RunSpec spec, Progress progress) {
            this.p = p;
            this.c = c;
            this.m = m;
            this.scenarios = scenarios;
            this.spec = spec;
            this.progress = progress;
            this.s = scenarios.size();
            this.h = spec.horizon();
            this.slots = new Slots(p.regions());
            this.layout = new Tally(slots.count);
            conditions = new Conditions[s][h];
            for (int i = 0; i < s; i++) {
                for (int t = 0; t < h; t++) {
                    conditions[i][t] = new Conditions(c, scenarios.get(i), c.startYear() + t);
                }
            }
            deficits = new Deficits[s][h];
            for (int i = 0; i < s; i++) {
                for (int t = 0; t < h; t++) {
                    deficits[i][t] = t > 0 && conditions[i][t].sameChances(conditions[i][t - 1])
                            ? deficits[i][t - 1] : new Deficits(p.types, conditions[i][t]);
                }
            }
            double[] cost = c.brainDrainCostPerEmigrantKzt();
            for (int l = 0; l < 4; l++) {
                emigrantCost[l] = Math.round(cost[l]);
            }
            results = new Results(c.startYear(), s, h, spec.draws(), slots);
        }

        Results execute() {
            int draws = spec.draws();
            int blocks = (p.size + BLOCK - 1) / BLOCK;
            int chunks = Math.max(1, Math.min(blocks, spec.threads() * 4));
            int batch = Math.max(1, spec.threads() * 2);
            Outcome start = Outcome.start(p, slots);
            ExecutorService pool = Executors.newFixedThreadPool(spec.threads(), r -> {
                Thread thread = new Thread(r, "agyn-simulation");
                thread.setDaemon(true);
                return thread;
            });
            try {
                for (int d0 = 0; d0 < draws; d0 += batch) {
                    int d1 = Math.min(draws, d0 + batch);
                    List<Callable<Thresholds[][]>> tableJobs = new ArrayList<>();
                    for (int d = d0; d < d1; d++) {
                        int draw = d;
                        tableJobs.add(() -> thresholds(m.forDraw(draw)));
                    }
                    List<Thresholds[][]> tables = all(pool, tableJobs);
                    List<long[][]> highest = new ArrayList<>();
                    for (Thresholds[][] table : tables) {
                        highest.add(highestLeave(table));
                    }
                    List<Callable<long[]>> jobs = new ArrayList<>();
                    for (int d = d0; d < d1; d++) {
                        int draw = d;
                        Thresholds[][] table = tables.get(d - d0);
                        long[][] bound = highest.get(d - d0);
                        for (int k = 0; k < chunks; k++) {
                            int from = (int) ((long) blocks * k / chunks);
                            int to = (int) ((long) blocks * (k + 1) / chunks);
                            jobs.add(() -> simulate(draw, m.forDraw(draw), table, bound, from, to));
                        }
                    }
                    List<long[]> tallies = all(pool, jobs);
                    for (int d = d0; d < d1; d++) {
                        long[] sum = new long[s * h * layout.size];
                        for (int k = 0; k < chunks; k++) {
                            long[] part = tallies.get((d - d0) * chunks + k);
                            for (int i = 0; i < sum.length; i++) {
                                sum[i] += part[i];
                            }
                        }
                        start.finish(this, d, sum);
                    }
                }
            } finally {
                pool.shutdownNow();
            }
            return results;
        }

        private <T> List<T> all(ExecutorService pool, List<Callable<T>> jobs) {
            if (progress.cancelled()) {
                throw new CancelledException();
            }
            try {
                List<T> out = new ArrayList<>(jobs.size());
                for (Future<T> f : pool.invokeAll(jobs)) {
                    out.add(f.get());
                }
                return out;
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new CancelledException();
            } catch (ExecutionException e) {
                if (e.getCause() instanceof RuntimeException r) {
                    throw r;
                }
                throw new IllegalStateException(e.getCause());
            }
        }

        /**
         * Per scenario and year; a year whose chances equal the year before's shares its table. What does not
         * depend on the coefficients (the pay and living deficits of each type) is worked out once per run, so a
         * draw's table costs one exponential per type and direction.
         */
        Thresholds[][] thresholds(Coefficients k) {
            Population.Types types = p.types;
            double[] who = new double[types.count];
            for (int type = 0; type < types.count; type++) {
                who[type] = Decision.who(k, types, type);
            }
            Thresholds[][] out = new Thresholds[s][h];
            for (int i = 0; i < s; i++) {
                for (int t = 0; t < h; t++) {
                    if (t > 0 && deficits[i][t] == deficits[i][t - 1]) {
                        out[i][t] = out[i][t - 1];
                        continue;
                    }
                    Deficits in = deficits[i][t];
                    Conditions cond = conditions[i][t];
                    double common = k.growth() * cond.growthDeficit + k.socioPolitical() * cond.fairnessDeficit;
                    double research = k.research() * cond.researchDeficit;
                    long[] leave = new long[types.count];
                    long[] back = new long[types.count];
                    for (int type = 0; type < types.count; type++) {
                        double r = types.sector[type] >= Sector.RESEARCH.ordinal() ? research : 0; // as Decision
                        double stay = common + r + k.pay() * in.payLeave[type] + k.living() * in.livingLeave[type];
                        double home = common + r + k.pay() * in.payBack[type] + k.living() * in.livingBack[type];
                        leave[type] = Decision.threshold(Decision.logistic(who[type] + stay));
                        back[type] = Decision.threshold(Decision.logistic(k.returnIntercept() - home));
                    }
                    out[i][t] = new Thresholds(leave, back);
                }
            }
            return out;
        }

        /** Per year, per type: the highest leaving threshold of any scenario (the candidates' bound). */
        long[][] highestLeave(Thresholds[][] table) {
            long[][] out = new long[h][];
            for (int t = 0; t < h; t++) {
                boolean same = t > 0;
                for (int i = 0; i < s && same; i++) {
                    same = table[i][t] == table[i][t - 1];
                }
                if (same) {
                    out[t] = out[t - 1];
                    continue;
                }
                long[] max = table[0][t].leave().clone();
                for (int i = 1; i < s; i++) {
                    long[] leave = table[i][t].leave();
                    for (int type = 0; type < max.length; type++) {
                        max[type] = Math.max(max[type], leave[type]);
                    }
                }
                out[t] = max;
            }
            return out;
        }

        /**
         * One draw over blocks [from, to): the tallies of every scenario and year.
         *
         * <p>Most agents are in Kazakhstan and most years nothing happens to them, so they are not visited one by
         * one: each block-year draws only its <i>candidates</i>, the agents whose uniform falls below their type's
         * highest leaving threshold P in any scenario, by geometric jumps between them, each with its uniform drawn
         * in [0, P). The agents that are not in Kazakhstan (abroad, returnees within incentive years, scholars) are
         * kept in a list per scenario and visited every year; one that is not a candidate gets its uniform in
         * [P, 1) from a hash of its place, the same in every scenario. So every agent still has one
         * uniform a year, shared by all scenarios (common random numbers), and the streams still depend only on
         * the block, never on the thread.
         */
        long[] simulate(int draw, Coefficients k, Thresholds[][] table, long[][] highest, int fromBlock,
                        int toBlock) {
            long[] tally = new long[s * h * layout.size];
            byte[][] state = new byte[s][BLOCK];
            byte[][] owed = new byte[s][BLOCK];
            byte[][] since = new byte[s][BLOCK];
            int[][] away = new int[s][BLOCK];
            int[] awayCount = new int[s];
            int[] joined = new int[BLOCK];
            int[] cand = new int[BLOCK];
            long[] candX = new long[BLOCK];
            int[] mark = new int[BLOCK];
            int[] slot = new int[BLOCK];
            int stamp = 0;
            for (int b = fromBlock; b < toBlock; b++) {
                if (progress.cancelled()) {
                    throw new CancelledException();
                }
                int lo = b * BLOCK;
                int hi = Math.min(p.size, lo + BLOCK);
                for (int i = 0; i < s; i++) {
                    awayCount[i] = initial(lo, hi, state[i], owed[i], since[i], away[i]);
                }
                for (int t = 0; t < h; t++) {
                    long seed = streamSeed(spec.seed(), draw, b, t);
                    long[] bound = highest[t];
                    int n = candidates(seed, bound, p.type, p.firstOfType, lo, hi, cand, candX);
                    stamp++;
                    for (int c = 0; c < n; c++) {
                        mark[cand[c]] = stamp;
                        slot[cand[c]] = c;
                    }
                    long otherSeed = mix(seed ^ 0xd1b54a32d192ed03L);
                    for (int i = 0; i < s; i++) {
                        int at = (i * h + t) * layout.size;
                        Conditions cond = conditions[i][t];
                        long[] leave = table[i][t].leave();
                        long[] back = table[i][t].back();
                        byte[] st = state[i];
                        // Candidates in Kazakhstan at the year's start who leave; those abroad are in the list.
                        int newly = 0;
                        for (int c = 0; c < n; c++) {
                            int j = cand[c];
                            if (st[j] == IN_KZ && candX[c] < leave[p.type[lo + j]]) {
                                st[j] = ABROAD;
                                leaves(lo + j, tally, at);
                                joined[newly++] = j;
                            }
                        }
                        // Those not in Kazakhstan at the year's start; who is still not stays on the list.
                        int[] list = away[i];
                        int kept = 0;
                        for (int e = 0, count = awayCount[i]; e < count; e++) {
                            int j = list[e];
                            int type = p.type[lo + j];
                            long x = mark[j] == stamp ? candX[slot[j]]
                                    : bound[type] + (((mix(otherSeed + 0x9e3779b97f4a7c15L * (j + 1)) >>> 32)
                                            * (Decision.ONE - bound[type])) >>> 32);
                            byte was = st[j];
                            if (was == ABROAD) {
                                if (x >= Decision.ONE - back[type]) {
                                    st[j] = cond.window > 0 ? RETURNEE : IN_KZ;
                                    since[i][j] = (byte) (cond.window > 0 ? 1 : 0);
                                    returns(lo + j, tally, at);
                                }
                            } else {
                                rare(k, cond, lo + j, j, x, st, owed[i], since[i], tally, at);
                            }
                            if (st[j] != IN_KZ) {
                                list[kept++] = j;
                            }
                        }
                        System.arraycopy(joined, 0, list, kept, newly);
                        awayCount[i] = kept + newly;
                    }
                }
                progress.advance((long) (hi - lo) * h * s);
            }
            return tally;
        }

        /** Sets the block's starting states; lists those not in Kazakhstan in {@code away}; returns how many. */
        int initial(int lo, int hi, byte[] state, byte[] owed, byte[] since, int[] away) {
            int n = 0;
            for (int i = lo; i < hi; i++) {
                int j = i - lo;
                since[j] = 0;
                owed[j] = p.workOff[i];
                if (p.location[i] == Location.KAZAKHSTAN.ordinal()) {
                    state[j] = p.obligation[i] == ObligationState.WORKING_OFF.ordinal() && p.workOff[i] > 0
                            ? WORKING_OFF : IN_KZ;
                } else {
                    state[j] = p.obligation[i] == ObligationState.STUDYING.ordinal() ? STUDYING : ABROAD;
                }
                if (state[j] != IN_KZ) {
                    away[n++] = j;
                }
            }
            return n;
        }

        /**
         * The block-year's candidates among agents [lo, hi): those whose uniform is below their type's bound (of
         * 2³²), each with its uniform, in [0, bound). Places relative to lo, in order; returns how many.
         *
         * <p>Type runs are joined into segments of at least {@link #SEGMENT} agents (most runs are that long; short
         * ones are joined with their neighbours, whose chances are alike). In a segment, the agents whose uniform
         * is below the segment's highest bound are found by geometric jumps (one logarithm per segment and per
         * agent found) from a SplitMix64 stream, and each is a candidate if its uniform is also below its own
         * type's bound. One that is not (or is not reached) is not a candidate; if it needs a uniform, it gets
         * one in [bound, 1) from a hash of its place: what it drew here said only that it is not below its bound.
         */
        static int candidates(long seed, long[] bound, int[] type, int[] firstOfType, int lo, int hi, int[] cand,
                              long[] x) {
            long z = seed;
            int n = 0;
            int from = lo;
            int ty = type[lo];
            while (from < hi) {
                int to = from;
                long b = 0;
                while (to < hi && (to - from < SEGMENT || to == from)) {
                    b = Math.max(b, bound[ty]);
                    to = Math.min(hi, firstOfType[ty + 1]);
                    ty++;
                }
                if (b >= Decision.ONE) {
                    for (int j = from; j < to; j++) {
                        z += 0x9e3779b97f4a7c15L;
                        long u = mix(z) >>> 32;
                        cand[n] = j - lo;
                        x[n] = u;
                        n += u < bound[type[j]] ? 1 : 0;
                    }
                } else if (b > 0) {
                    double logMiss = Math.log1p(-(double) b / Decision.ONE);
                    int j = from - 1;
                    while (true) {
                        z += 0x9e3779b97f4a7c15L;
                        // U in (0, 1]: the jump to the next candidate is geometric, floor(ln U / ln(1 − P)).
                        double jump = Math.floor(Math.log(((mix(z) >>> 11) + 1) * 0x1.0p-53) / logMiss);
                        if (jump >= to - 1 - j) {
                            break;
                        }
                        j += 1 + (int) jump;
                        z += 0x9e3779b97f4a7c15L;
                        long u = ((mix(z) >>> 32) * b) >>> 32;
                        cand[n] = j - lo;
                        x[n] = u;
                        n += u < bound[type[j]] ? 1 : 0;
                    }
                }
                from = to;
            }
            return n;
        }

        /** Returnees within their incentive years and scholars: few, so their chances are worked out each time. */
        void rare(Coefficients k, Conditions cond, int i, int j, long x, byte[] state, byte[] owed, byte[] since,
                  long[] tally, int at) {
            Population.Types types = p.types;
            int type = p.type[i];
            byte st = state[j];
            if (st == STUDYING) {
                double home = Decision.scholarReturning(k, types, type, cond, owed[j]);
                long back = Decision.threshold(Assumptions.STUDY_END_HAZARD * home);
                long stay = Decision.threshold(Assumptions.STUDY_END_HAZARD * (1 - home));
                if (x < back) {
                    state[j] = WORKING_OFF;
                    since[j] = (byte) (cond.window > 0 ? 1 : 0);
                    returns(i, tally, at);
                } else if (x >= Decision.ONE - stay) {
                    state[j] = ABROAD;
                    breach(i, owed[j], tally, at);
                }
                return;
            }
            int sinceReturn = since[j];
            boolean supplement = sinceReturn > 0 && sinceReturn <= cond.supplementYears;
            boolean holiday = sinceReturn > 0 && sinceReturn <= cond.holidayYears;
            double pay = p.pay[i] * cond.multiplier(p.sector[i], p.isco[i]);
            if (supplement) {
                tally[at + layout.supplement] += Math.round(cond.supplementShare * pay);
            }
            if (holiday) {
                tally[at + layout.holiday] += Math.round(cond.taxRate * pay);
            }
            int yearsOwed = st == WORKING_OFF ? owed[j] : 0;
            long leave = Decision.threshold(
                    Decision.emigration(k, types, type, cond, supplement, holiday, yearsOwed));
            if (x < leave) {
                state[j] = ABROAD;
                since[j] = 0;
                if (st == WORKING_OFF) {
                    breach(i, owed[j], tally, at);
                }
                leaves(i, tally, at);
                return;
            }
            int next = sinceReturn > 0 && sinceReturn < cond.window ? sinceReturn + 1 : 0;
            since[j] = (byte) next;
            if (st == WORKING_OFF) {
                owed[j]--;
                if (owed[j] > 0) {
                    return;
                }
                tally[at + layout.fulfilled + 0]++;
                add(i, tally, at + layout.fulfilled);
            }
            state[j] = next > 0 ? RETURNEE : IN_KZ;
        }

        private void breach(int i, int yearsLeft, long[] tally, int at) {
            tally[at + layout.recoveredYears] += yearsLeft;
            tally[at + layout.breach]++;
            add(i, tally, at + layout.breach);
        }

        private void leaves(int i, long[] tally, int at) {
            tally[at + layout.emigrants]++;
            add(i, tally, at + layout.emigrants);
            long cost = emigrantCost[p.isced[i]];
            tally[at + layout.emigrantCost] += cost;
            add(i, tally, at + layout.emigrantCost, cost);
            int group = p.sector[i] * 10 + p.isco[i];
            tally[at + layout.payFlow + group] -= p.pay[i];
            tally[at + layout.countFlow + group]--;
        }

        private void returns(int i, long[] tally, int at) {
            tally[at + layout.returnees]++;
            add(i, tally, at + layout.returnees);
            int group = p.sector[i] * 10 + p.isco[i];
            tally[at + layout.payFlow + group] += p.pay[i];
            tally[at + layout.countFlow + group]++;
        }

        /** Counts agent i in its value of each dimension but TOTAL (slot 0, which the caller counts). */
        private void add(int i, long[] tally, int base) {
            add(i, tally, base, 1);
        }

        private void add(int i, long[] tally, int base, long amount) {
            tally[base + slots.region + p.region[i]] += amount;
            tally[base + slots.isco + p.isco[i]] += amount;
            tally[base + slots.isced + p.isced[i]] += amount;
            tally[base + slots.sex + p.sex[i]] += amount;
            tally[base + slots.age + p.types.ageGroup[p.type[i]]] += amount;
            tally[base + slots.sector + p.sector[i]] += amount;
        }
    }

    /** Per type, the pay and living deficits of one who stays (leave) and of one abroad weighing return (back). */
    static final class Deficits {
        final double[] payLeave;
        final double[] livingLeave;
        final double[] payBack;
        final double[] livingBack;

        Deficits(Population.Types types, Conditions c) {
            payLeave = new double[types.count];
            livingLeave = new double[types.count];
            payBack = new double[types.count];
            livingBack = new double[types.count];
            for (int type = 0; type < types.count; type++) {
                double stay = Decision.effectivePay(types, type, c, false, false);
                payLeave[type] = Decision.payDeficit(types, type, c, stay);
                livingLeave[type] = Decision.livingDeficit(types, type, c, stay);
                double back = Decision.effectivePay(types, type, c, c.supplementYears > 0, c.holidayYears > 0);
                payBack[type] = Decision.payDeficit(types, type, c, back);
                livingBack[type] = Decision.livingDeficit(types, type, c, back);
            }
        }
    }

    /** Offsets in one scenario-year row of tallies (integers: agents, or KZT rounded per agent). */
    static final class Tally {
        final int emigrants;
        final int returnees;
        final int fulfilled;
        final int breach;
        final int emigrantCost;
        /** Pay (KZT a month) of agents who came to Kazakhstan less those who left, by sector × 10 + ISCO. */
        final int payFlow;
        final int countFlow;
        /** Supplements paid a month, KZT. */
        final int supplement;
        /** Income tax forgone a month, KZT. */
        final int holiday;
        /** Years of work-off left at each breach: what the repayments are prorated on. */
        final int recoveredYears;
        final int size;

        Tally(int slots) {
            emigrants = 0;
            returnees = slots;
            fulfilled = 2 * slots;
            breach = 3 * slots;
            emigrantCost = 4 * slots;
            payFlow = 5 * slots;
            countFlow = payFlow + 40;
            supplement = countFlow + 40;
            holiday = supplement + 1;
            recoveredYears = holiday + 1;
            size = recoveredYears + 1;
        }
    }
}
