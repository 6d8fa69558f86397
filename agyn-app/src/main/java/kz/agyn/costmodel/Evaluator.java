package kz.agyn.costmodel;

import java.util.ArrayList;
import java.util.List;

/**
 * The model's arithmetic on an array of values in {@link Codes#ALL} order. Kept apart from the records so that a
 * Monte Carlo draw costs a few dozen multiplications and no allocation; {@link #detail} builds the records from
 * the same per-level function, so the deterministic result and the draws cannot drift apart.
 */
final class Evaluator {

    private static final EducationLevel[] LEVELS = EducationLevel.values();
    private static final int N = LEVELS.length;
    private static final int[] EMIGRANTS = new int[N];
    private static final int[] SPENDING = new int[N];
    private static final int[] YEARS = new int[N];
    private static final int[] SCHOLARSHIP = new int[N];
    private static final int[] SCHOLAR_SHARE = new int[N];
    private static final int[] PAY = new int[N];
    private static final int RECOVERED = Codes.index(Codes.RECOVERED_SHARE);
    private static final int IIT = Codes.index(Codes.INCOME_TAX_RATE);
    private static final int PENSION = Codes.index(Codes.PENSION_RATE);
    private static final int SOCIAL = Codes.index(Codes.SOCIAL_RATE);
    private static final int WORKING_YEARS = Codes.index(Codes.WORKING_YEARS);
    private static final int DISCOUNT = Codes.index(Codes.DISCOUNT_RATE);
    private static final int PREMIUM = Codes.index(Codes.PRODUCTIVITY_PREMIUM);
    private static final int REPLACEMENT = Codes.index(Codes.REPLACEMENT_MONTHS);
    private static final int REMITTANCES = Codes.index(Codes.REMITTANCES);
    private static final int RETURN = Codes.index(Codes.RETURN_PROBABILITY);

    static {
        for (EducationLevel l : LEVELS) {
            int i = l.ordinal();
            EMIGRANTS[i] = Codes.index(Codes.emigrants(l));
            SPENDING[i] = Codes.index(Codes.spending(l));
            YEARS[i] = Codes.index(Codes.years(l));
            SCHOLARSHIP[i] = Codes.hasScholarship(l) ? Codes.index(Codes.scholarship(l)) : -1;
            SCHOLAR_SHARE[i] = Codes.hasScholarship(l) ? Codes.index(Codes.scholarShare(l)) : -1;
            PAY[i] = Codes.index(Codes.pay(l));
        }
    }

    /** Slots of the per-emigrant parts in the scratch array {@link #perEmigrant} fills. */
    static final int E = 0, T = 1, O = 2, H = 3, R = 4, RET = 5, NET = 6, E_TERTIARY = 7, PENSION_SAVINGS = 8,
            NET_PAY = 9, FISCAL = 10, ECONOMIC = 11, PRIVATE = 12, PARTS = 13;

    /**
     * Fills {@code out} (length ≥ {@link #PARTS}) with the parts of the cost of one emigrant of {@code level}.
     *
     * @param a the annuity factor a(r, n), computed once per evaluation
     */
    static void perEmigrant(double[] v, EducationLevel level, double a, double[] out) {
        perEmigrant(v, level, a, v[PAY[level.ordinal()]], out);
    }

    /**
     * As {@link #perEmigrant(double[], EducationLevel, double, double[])}, with {@code monthlyPay} in place of the
     * level's pay: the cost of an emigrant of that level in an occupation with that pay.
     *
     * <p>Each part belongs to exactly one view (decision 0023): the fiscal view holds public education spending
     * and the income and social taxes the state no longer collects; the economic view holds the output beyond pay
     * that the economy loses, the cost of replacing the leaver and the remittances that come back; the private
     * view holds what remains the leaver's own, the funded pension savings and the pay after tax and pension.
     * The cost to the country, {@code NET}, is fiscal + economic: the private view is not a loss to those who
     * stay, and adding it would count the leaver's own savings and pay as the country's.
     */
    static void perEmigrant(double[] v, EducationLevel level, double a, double monthlyPay, double[] out) {
        int l = level.ordinal();
        double education = 0;
        for (int k = 0; k < l; k++) {
            education += v[SPENDING[k]] * v[YEARS[k]];
        }
        double domestic = v[SPENDING[l]] * v[YEARS[l]];
        if (SCHOLARSHIP[l] >= 0) {
            double share = v[SCHOLAR_SHARE[l]];
            education += (1 - share) * domestic + share * v[SCHOLARSHIP[l]] * (1 - v[RECOVERED]);
        } else {
            education += domestic;
        }
        // School is level 0: every other level's education begins with the school years.
        double school = v[SPENDING[0]] * v[YEARS[0]];
        double tertiary = l == 0 ? 0 : education - school;
        double annualPay = 12 * monthlyPay;
        double taxes = annualPay * (v[IIT] + v[SOCIAL]) * a;
        double pension = annualPay * v[PENSION] * a;
        double netPay = annualPay * (1 - v[IIT] - v[PENSION]) * a;
        double output = level.highlySkilled() ? annualPay * v[PREMIUM] * a : 0;
        double replacement = v[REPLACEMENT] * monthlyPay;
        double remittances = v[REMITTANCES] * a;
        double p = v[RETURN];
        double stay = 1 - p;
        double returnOffset = -p * (education + taxes + output - remittances);
        double fiscal = stay * (education + taxes);
        double economic = stay * (output - remittances) + replacement;
        out[E] = education;
        out[T] = taxes;
        out[O] = output;
        out[H] = replacement;
        out[R] = remittances;
        out[RET] = returnOffset;
        out[NET] = fiscal + economic;
        out[E_TERTIARY] = tertiary;
        out[PENSION_SAVINGS] = pension;
        out[NET_PAY] = netPay;
        out[FISCAL] = fiscal;
        out[ECONOMIC] = economic;
        out[PRIVATE] = stay * (pension + netPay);
    }

    /** The parts in {@code s} as a record. */
    static Components components(double[] s) {
        return new Components(s[E], s[T], s[O], s[H], s[R], s[RET], s[NET], s[E_TERTIARY], s[PENSION_SAVINGS],
                s[NET_PAY], s[FISCAL], s[ECONOMIC], s[PRIVATE]);
    }

    static double annuity(double[] v) {
        return CostModel.annuityFactor(v[DISCOUNT], v[WORKING_YEARS]);
    }

    /**
     * The annual total; when {@code perEmigrantNet} is not null, also each level's net cost per emigrant.
     *
     * @param scratch an array of length ≥ {@link #PARTS}, reused to avoid allocation
     */
    static double total(double[] v, double[] perEmigrantNet, double[] scratch) {
        double a = annuity(v);
        double total = 0;
        for (EducationLevel level : LEVELS) {
            perEmigrant(v, level, a, scratch);
            if (perEmigrantNet != null) {
                perEmigrantNet[level.ordinal()] = scratch[NET];
            }
            total += v[EMIGRANTS[level.ordinal()]] * scratch[NET];
        }
        return total;
    }

    static double total(double[] v) {
        return total(v, null, new double[PARTS]);
    }

    static CostResult detail(double[] v) {
        double a = annuity(v);
        double[] s = new double[PARTS];
        List<LevelCost> levels = new ArrayList<>(N);
        Components sum = Components.ZERO;
        for (EducationLevel level : LEVELS) {
            perEmigrant(v, level, a, s);
            Components one = components(s);
            double n = v[EMIGRANTS[level.ordinal()]];
            Components all = one.times(n);
            levels.add(new LevelCost(level, n, one, all));
            sum = sum.plus(all);
        }
        return new CostResult(levels, sum, a, CostModel.FORMULA);
    }

    /** The breakdown by occupation at the values {@code v}; see {@link CostModel#byOccupation}. */
    static OccupationBreakdown byOccupation(double[] v, List<OccupationMix> occupations) {
        double a = annuity(v);
        double[] s = new double[PARTS];
        List<OccupationCost> rows = new ArrayList<>(occupations.size());
        boolean mixed = !occupations.isEmpty() && occupations.stream().allMatch(OccupationMix::hasShares);
        Components sum = Components.ZERO;
        double allEmigrants = 0;
        for (OccupationMix o : occupations) {
            List<Components> byLevel = new ArrayList<>(N);
            Components total = Components.ZERO;
            double emigrants = 0;
            for (EducationLevel level : LEVELS) {
                int l = level.ordinal();
                double pay = o.monthlyPay() == null ? v[PAY[l]] : o.monthlyPay();
                perEmigrant(v, level, a, pay, s);
                Components one = components(s);
                byLevel.add(one);
                if (mixed) {
                    double n = v[EMIGRANTS[l]] * o.levelShares().get(l);
                    emigrants += n;
                    total = total.plus(one.times(n));
                }
            }
            Components perEmigrant = mixed && emigrants > 0 ? total.times(1 / emigrants) : null;
            rows.add(new OccupationCost(o.code(), o.monthlyPay(), byLevel, mixed ? emigrants : null, perEmigrant,
                    mixed ? total : null));
            if (mixed) {
                sum = sum.plus(total);
                allEmigrants += emigrants;
            }
        }
        return new OccupationBreakdown(rows, mixed ? sum : null, mixed ? allEmigrants : null);
    }

    /**
     * One occupation's annual cost and emigrants at the values {@code v}, without building records: {total,
     * emigrants}. The occupation must carry its shares of the levels.
     */
    static double[] occupation(double[] v, OccupationMix o) {
        double a = annuity(v);
        double[] s = new double[PARTS];
        double total = 0;
        double emigrants = 0;
        for (EducationLevel level : LEVELS) {
            int l = level.ordinal();
            perEmigrant(v, level, a, o.monthlyPay() == null ? v[PAY[l]] : o.monthlyPay(), s);
            double n = v[EMIGRANTS[l]] * o.levelShares().get(l);
            emigrants += n;
            total += n * s[NET];
        }
        return new double[] {total, emigrants};
    }

    private Evaluator() {
    }
}
