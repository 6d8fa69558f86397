package kz.agyn.costmodel;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.SplittableRandom;

/**
 * The cost of brain drain to Kazakhstan: what one year's emigrants cost, by education level, with its uncertainty.
 * Stateless; every method is a pure function of its arguments.
 *
 * <h2>The model</h2>
 * For one emigrant whose highest completed level is L (school, bachelor, master, PhD), with r = discount_rate,
 * n = working_years and p = return_probability:
 * <pre>
 * a   = (1 − (1 + r)^−n) / r                                (a = n when r = 0)
 * E_L = Σ_{k before L} spending_k × years_k
 *       + (1 − σ_L) × spending_L × years_L
 *       + σ_L × scholarship_L × (1 − scholarship_recovered_share)
 *       σ_L = scholar_share_L for master and PhD, 0 for school and bachelor
 * w_L = pay_highly_skilled for bachelor, master and PhD; pay_school for school   (KZT a month)
 * T_L = 12 × w_L × (income_tax_rate + social_tax_rate) × a
 * P_L = 12 × w_L × pension_contribution_rate × a
 * N_L = 12 × w_L × (1 − income_tax_rate − pension_contribution_rate) × a
 * O_L = 12 × w_L × productivity_premium × a                 (0 for school)
 * H_L = replacement_months × w_L
 * R   = remittances_per_year × a
 * fiscal_L   = (1 − p) × (E_L + T_L)
 * economic_L = (1 − p) × (O_L − R) + H_L
 * private_L  = (1 − p) × (P_L + N_L)                        (not a cost to the country)
 * C_L = fiscal_L + economic_L
 * cost to the country = Σ_L emigrants_L × C_L; its Monte Carlo mean is the headline
 * </pre>
 * a is the present value of 1 KZT a year, paid at the end of each of the n remaining working years. E_L is the
 * public money spent on the emigrant's education: every level up to L at home, except that a share σ_L took the
 * last degree abroad on a state scholarship (net of what is recovered from scholars in breach) instead of at home.
 * T_L are the income tax and social tax and contributions the budget no longer collects, P_L the leaver's own
 * funded pension savings, N_L the pay left after tax and pension, O_L the output lost beyond that pay, H_L the
 * cost of hiring and training a replacement, R the remittances the emigrant sends home.
 *
 * <p><b>Three views, each part in one</b> (decision 0023). The fiscal view is the state budget: what it spent on
 * the leaver's education and the taxes it will not collect. The economic view is what the rest of the economy
 * loses net of the replacement: the replacement's cost, and the output beyond pay that a replacement paid the
 * same does not restore, less remittances; the pay-equivalent output is not counted again, since its taxes are
 * fiscal and its remainder is the leaver's own. The private view is the leaver's own, pension savings and net
 * pay, shown and never added to the cost to the country. So pension contributions are counted nowhere as a loss,
 * the replacement is not counted beside the full lifetime output, and education spending (fiscal) is never
 * added to the leaver's private return to it.
 *
 * <p><b>What the return probability scales.</b> An emigrant who comes back brings the education back and resumes
 * paying taxes and producing, and stops remitting: so p scales E, T, O, R, P and N, treating a return as if the
 * departure had not happened. It does not scale H: the vacancy is filled when the emigrant leaves, whether or not
 * they come back later. The taxes lost during the years abroad are not counted for returnees, so the model
 * understates the cost of a late return.
 *
 * <p>The parts add up: C_L = E_L + T_L + O_L + H_L − R + returnOffset with returnOffset = −p × (E_L + T_L + O_L
 * − R); {@link Components} carries them. Amounts are doubles in tenge: Monte Carlo needs speed, and the model is
 * far coarser than a tenge.
 *
 * <h2>Uncertainty</h2>
 * {@link #monteCarlo} draws every parameter independently from its {@link Distribution} over [low, high];
 * {@link #tornado} moves one parameter at a time to the ends of its range; {@link #checkClaim} places a claimed
 * total in the Monte Carlo distribution and finds, for the parameters that matter most, the single value that
 * would give it.
 */
public final class CostModel {

    /** The formula as text for display, with the parameters named by their codes. */
    public static final String FORMULA = """
            For one emigrant whose highest completed level is L (school, bachelor, master, PhD):
            a   = (1 − (1 + r)^−n) / r, or n when r = 0; r = discount_rate, n = working_years
            E_L = Σ over levels k before L of spending_k × years_k
                  + (1 − σ_L) × spending_L × years_L
                  + σ_L × scholarship_L × (1 − scholarship_recovered_share)
                  where σ_L = scholar_share_L for master and PhD, 0 for school and bachelor
            w_L = pay_highly_skilled for bachelor, master and PhD; pay_school for school (KZT a month)
            T_L = 12 × w_L × (income_tax_rate + social_tax_rate) × a
            P_L = 12 × w_L × pension_contribution_rate × a
            N_L = 12 × w_L × (1 − income_tax_rate − pension_contribution_rate) × a
            O_L = 12 × w_L × productivity_premium × a (0 for school)
            H_L = replacement_months × w_L
            R   = remittances_per_year × a
            fiscal_L   = (1 − p) × (E_L + T_L); p = return_probability
            economic_L = (1 − p) × (O_L − R) + H_L
            private_L  = (1 − p) × (P_L + N_L), not a cost to the country
            C_L = fiscal_L + economic_L
            Cost to the country = Σ over L of emigrants_L × C_L; the headline is its Monte Carlo mean
            A return (probability p) gives back education, taxes, output and ends remittances;
            the replacement cost H_L is spent when the emigrant leaves, so p does not scale it.
            By occupation j (ISCO-08 major group), with w_j its pay and π_j|L the share of level L's
            emigrants who work in j (both from the indicator warehouse; w_L stands in where w_j is unknown):
            C_L,j = C_L with w_j in place of w_L
            total_j = Σ over L of emigrants_L × π_j|L × C_L,j; per emigrant of j: total_j / Σ_L emigrants_L × π_j|L
            The same emigrants as above, priced at their occupation's pay: Σ_j total_j differs from the
            annual total only by the pay, and both are shown.""";

    /** The largest number of Monte Carlo draws a run accepts. */
    public static final int MAX_DRAWS = 1_000_000;

    /** How many parameters {@link #checkClaim(ParameterSet, double, int, long)} solves for. */
    public static final int DEFAULT_SOLVED = 5;

    private CostModel() {
    }

    /**
     * a(r, n) = (1 − (1 + r)^−n) / r: the present value of 1 KZT a year at the end of each of n years,
     * discounted at r; n when r = 0. n may be fractional.
     */
    public static double annuityFactor(double rate, double years) {
        if (Math.abs(rate) < 1e-12) {
            return years;
        }
        return -Math.expm1(-years * Math.log1p(rate)) / rate;
    }

    /** The deterministic result at the parameters' base values. */
    public static CostResult evaluate(ParameterSet parameters) {
        return Evaluator.detail(parameters.bases());
    }

    /**
     * The year's emigrants by occupation at the parameters' base values (formula in {@link #FORMULA}): for every
     * occupation, the cost of one emigrant of each level at the occupation's pay; and when every occupation
     * carries its shares of the levels, the occupation's emigrants, its cost per emigrant and its total.
     *
     * @throws IllegalArgumentException when two occupations share a code, or when shares are given and a level's
     *                                  shares over the occupations do not add up to 1 (to 1e-6)
     */
    public static OccupationBreakdown byOccupation(ParameterSet parameters, List<OccupationMix> occupations) {
        java.util.Set<String> codes = new java.util.HashSet<>();
        for (OccupationMix o : occupations) {
            if (!codes.add(o.code())) {
                throw new IllegalArgumentException("occupation " + o.code() + " is given twice");
            }
        }
        if (!occupations.isEmpty() && occupations.stream().allMatch(OccupationMix::hasShares)) {
            for (EducationLevel level : EducationLevel.values()) {
                double sum = occupations.stream().mapToDouble(o -> o.levelShares().get(level.ordinal())).sum();
                if (Math.abs(sum - 1) > 1e-6) {
                    throw new IllegalArgumentException("the shares of " + level + " add up to " + sum + ", not 1");
                }
            }
        }
        return Evaluator.byOccupation(parameters.bases(), occupations);
    }

    /**
     * A Monte Carlo run: {@code draws} times, every parameter is drawn from its distribution over its range,
     * independently of the others, and the model evaluated. A generator seeded with {@code seed}
     * ({@link SplittableRandom}, whose algorithm is specified) makes the run reproducible. Every parameter takes
     * one uniform number per draw, FIXED ones included, so fixing or freeing one parameter leaves the draws of
     * the others unchanged.
     *
     * @throws CostModelException DRAWS_OUT_OF_RANGE unless 1 ≤ draws ≤ {@link #MAX_DRAWS}
     */
    public static MonteCarloResult monteCarlo(ParameterSet parameters, int draws, long seed) {
        Sample s = sample(parameters, draws, seed);
        List<LevelBand> levels = new ArrayList<>();
        for (EducationLevel level : EducationLevel.values()) {
            levels.add(new LevelBand(level, Band.of(s.perEmigrant[level.ordinal()]),
                    Band.of(s.levelTotal[level.ordinal()])));
        }
        double base = Evaluator.total(parameters.bases());
        return new MonteCarloResult(draws, seed, base, Band.of(s.totals), levels, Band.of(s.views[0]),
                Band.of(s.views[1]), Band.of(s.views[2]), Band.of(s.views[3]));
    }

    /**
     * The raw draws of a run; the arrays are unsorted, in draw order. views: fiscal, economic, private and the
     * tertiary education spending before returns, each summed over the levels.
     */
    record Sample(double[] totals, double[][] perEmigrant, double[][] levelTotal, double[][] views) {
    }

    static Sample sample(ParameterSet parameters, int draws, long seed) {
        int[] emigrants = new int[EducationLevel.values().length];
        for (EducationLevel l : EducationLevel.values()) {
            emigrants[l.ordinal()] = Codes.index(Codes.emigrants(l));
        }
        int levels = emigrants.length;
        double[] totals = new double[draws < 1 || draws > MAX_DRAWS ? 0 : draws];
        double[][] perEmigrant = new double[levels][totals.length];
        double[][] levelTotal = new double[levels][totals.length];
        double[][] views = new double[4][totals.length];
        int[] viewSlots = {Evaluator.FISCAL, Evaluator.ECONOMIC, Evaluator.PRIVATE, Evaluator.E_TERTIARY};
        double[] scratch = new double[Evaluator.PARTS];
        forEachDraw(parameters, draws, seed, (d, v) -> {
            double a = Evaluator.annuity(v);
            double total = 0;
            for (EducationLevel level : EducationLevel.values()) {
                int l = level.ordinal();
                Evaluator.perEmigrant(v, level, a, scratch);
                double n = v[emigrants[l]];
                perEmigrant[l][d] = scratch[Evaluator.NET];
                levelTotal[l][d] = scratch[Evaluator.NET] * n;
                total += levelTotal[l][d];
                for (int k = 0; k < viewSlots.length; k++) {
                    views[k][d] += n * scratch[viewSlots[k]];
                }
            }
            totals[d] = total;
        });
        return new Sample(totals, perEmigrant, levelTotal, views);
    }

    /** What a Monte Carlo run does with one draw of the values, in {@link Codes#ALL} order. */
    private interface Draw {
        void accept(int draw, double[] values);
    }

    /**
     * Draws every parameter {@code draws} times, in a fixed order from one generator, and hands each draw over;
     * every run over the same parameters, draws and seed sees the same values, so bands computed by separate
     * runs (by level, by occupation) come from the same draws.
     */
    private static void forEachDraw(ParameterSet parameters, int draws, long seed, Draw draw) {
        if (draws < 1 || draws > MAX_DRAWS) {
            throw new CostModelException(CostModelException.Problem.DRAWS_OUT_OF_RANGE, "draws", draws);
        }
        List<Parameter> ps = parameters.parameters();
        int m = ps.size();
        Distribution[] dist = new Distribution[m];
        double[] low = new double[m];
        double[] base = new double[m];
        double[] high = new double[m];
        for (int i = 0; i < m; i++) {
            Parameter p = ps.get(i);
            dist[i] = p.distribution();
            low[i] = p.low();
            base[i] = p.base();
            high[i] = p.high();
        }
        SplittableRandom random = new SplittableRandom(seed);
        double[] v = new double[m];
        for (int d = 0; d < draws; d++) {
            for (int i = 0; i < m; i++) {
                v[i] = dist[i].quantile(random.nextDouble(), low[i], base[i], high[i]);
            }
            draw.accept(d, v);
        }
    }

    /**
     * Monte Carlo bands of the breakdown by occupation, from the same draws as {@link #monteCarlo} with the same
     * seed: for each occupation the band of its cost per emigrant and of its total, and the band of the total by
     * occupation. Occupation pay is a figure, not a drawn parameter; what varies is everything else. Empty when
     * the occupations carry no shares of the levels, since then they have no totals.
     *
     * @throws CostModelException DRAWS_OUT_OF_RANGE
     * @throws IllegalArgumentException as {@link #byOccupation}
     */
    public static OccupationBands monteCarloByOccupation(ParameterSet parameters, List<OccupationMix> occupations,
                                                         int draws, long seed) {
        byOccupation(parameters, occupations);
        if (occupations.isEmpty() || !occupations.stream().allMatch(OccupationMix::hasShares)) {
            return new OccupationBands(null, List.of());
        }
        int k = occupations.size();
        double[][] perEmigrant = new double[k][draws];
        double[][] total = new double[k][draws];
        double[] all = new double[draws];
        forEachDraw(parameters, draws, seed, (d, v) -> {
            double sum = 0;
            for (int j = 0; j < k; j++) {
                double[] t = Evaluator.occupation(v, occupations.get(j));
                perEmigrant[j][d] = t[1] > 0 ? t[0] / t[1] : 0;
                total[j][d] = t[0];
                sum += t[0];
            }
            all[d] = sum;
        });
        List<OccupationBands.OccupationBand> bands = new ArrayList<>();
        for (int j = 0; j < k; j++) {
            bands.add(new OccupationBands.OccupationBand(occupations.get(j).code(), Band.of(perEmigrant[j]), Band.of(total[j])));
        }
        return new OccupationBands(Band.of(all), bands);
    }

    /**
     * The tornado chart: for every parameter with a range (low &lt; high), the annual total with that parameter at
     * its low and at its high end and every other at base; widest swing first, ties in code order. FIXED
     * parameters have no bar.
     */
    public static List<TornadoBar> tornado(ParameterSet parameters) {
        double[] v = parameters.bases();
        double baseTotal = Evaluator.total(v);
        List<TornadoBar> bars = new ArrayList<>();
        List<Parameter> ps = parameters.parameters();
        for (int i = 0; i < ps.size(); i++) {
            Parameter p = ps.get(i);
            if (!p.varies()) {
                continue;
            }
            double atLow = totalWith(v, i, p.low());
            double atHigh = totalWith(v, i, p.high());
            bars.add(new TornadoBar(p.code(), p.unit(), p.low(), p.base(), p.high(), atLow, atHigh, baseTotal,
                    Math.abs(atHigh - atLow)));
        }
        bars.sort(Comparator.comparingDouble(TornadoBar::swing).reversed().thenComparing(TornadoBar::code));
        return List.copyOf(bars);
    }

    /** {@link #checkClaim(ParameterSet, double, int, long, int)} for the {@value #DEFAULT_SOLVED} top parameters. */
    public static ClaimCheck checkClaim(ParameterSet parameters, double claimed, int draws, long seed) {
        return checkClaim(parameters, claimed, draws, seed, DEFAULT_SOLVED);
    }

    /**
     * Where a claimed annual total falls in the Monte Carlo distribution, and which single value of each of the
     * {@code top} parameters with the widest tornado swing would give it with every other parameter at base.
     * The total is monotone in each single parameter (linear in all but r and n, which act through the
     * annuity factor, itself monotone in each), so the claim is reachable exactly when it lies between the
     * totals at the range's ends; the value is then found by bisection to 1e-12 of the range.
     *
     * @param claimed the claimed annual total in KZT, e.g. 25e9
     * @throws CostModelException NOT_A_NUMBER for a claim that is not finite, DRAWS_OUT_OF_RANGE
     */
    public static ClaimCheck checkClaim(ParameterSet parameters, double claimed, int draws, long seed, int top) {
        if (!Double.isFinite(claimed)) {
            throw new CostModelException(CostModelException.Problem.NOT_A_NUMBER, "claimed", claimed);
        }
        double[] totals = sample(parameters, draws, seed).totals();
        double[] sorted = totals.clone();
        Arrays.sort(sorted);
        int atOrBelow = upperBound(sorted, claimed);
        double percentile = 100.0 * atOrBelow / sorted.length;
        Band band = Band.of(totals);

        double[] v = parameters.bases();
        List<ClaimCheck.Solution> solutions = new ArrayList<>();
        for (TornadoBar bar : tornado(parameters).subList(0, Math.min(Math.max(top, 0), tornadoSize(parameters)))) {
            int i = Codes.index(bar.code());
            solutions.add(solve(v, i, bar, claimed));
        }
        double baseTotal = Evaluator.total(v);
        double emigrants = 0;
        for (EducationLevel l : EducationLevel.values()) {
            emigrants += v[Codes.index(Codes.emigrants(l))];
        }
        double implied = baseTotal == 0 ? Double.NaN : claimed * emigrants / baseTotal;
        return new ClaimCheck(claimed, baseTotal, percentile, band, implied, solutions);
    }

    private static int tornadoSize(ParameterSet parameters) {
        return (int) parameters.parameters().stream().filter(Parameter::varies).count();
    }

    private static ClaimCheck.Solution solve(double[] v, int i, TornadoBar bar, double claimed) {
        double lo = bar.low();
        double hi = bar.high();
        double fLo = bar.totalAtLow() - claimed;
        double fHi = bar.totalAtHigh() - claimed;
        Double value = null;
        if (fLo == 0) {
            value = lo;
        } else if (fHi == 0) {
            value = hi;
        } else if (Math.signum(fLo) != Math.signum(fHi)) {
            double tolerance = (hi - lo) * 1e-12;
            for (int step = 0; step < 200 && hi - lo > tolerance; step++) {
                double mid = 0.5 * (lo + hi);
                double fMid = totalWith(v, i, mid) - claimed;
                if (fMid == 0) {
                    lo = mid;
                    hi = mid;
                } else if (Math.signum(fMid) == Math.signum(fLo)) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            value = 0.5 * (lo + hi);
        }
        return new ClaimCheck.Solution(bar.code(), bar.low(), bar.base(), bar.high(), bar.totalAtLow(),
                bar.totalAtHigh(), value != null, value);
    }

    /** The number of sorted values ≤ x. */
    private static int upperBound(double[] sorted, double x) {
        int lo = 0;
        int hi = sorted.length;
        while (lo < hi) {
            int mid = (lo + hi) >>> 1;
            if (sorted[mid] <= x) {
                lo = mid + 1;
            } else {
                hi = mid;
            }
        }
        return lo;
    }

    private static double totalWith(double[] v, int i, double value) {
        double saved = v[i];
        v[i] = value;
        try {
            return Evaluator.total(v);
        } finally {
            v[i] = saved;
        }
    }
}
