package kz.agyn.scenario.engine;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Fits the coefficients so that the baseline's start year reproduces the targets, and draws coefficient sets for
 * parameter uncertainty.
 *
 * <p><b>What is fitted.</b> The ISCO and ISCED terms make the model's emigration rate of each group (the mean
 * chance over the group's agents in Kazakhstan) equal its target, by alternating logit corrections (iterative
 * proportional fitting on the logit scale). The return and scholar-return intercepts make the mean chances equal
 * theirs. The five reason coefficients make the reasons' weights equal the surveys' shares.
 *
 * <p><b>Weight of a reason.</b> The share of the baseline's emigrants a year that would not leave if that factor
 * were at par (its deficit 0) and everything else unchanged: {@code w_k = Σ_i [p_i − p_i(deficit_k = 0)]},
 * normalised to sum to 1 over the five reasons. The weights fix the coefficients only relative to each other,
 * so the pay coefficient is anchored at its central value (1.0: the odds of leaving grow in proportion to the pay
 * gap, an elasticity of 1, within the 0.5–1.5 of migration studies) and the others follow it.
 *
 * <p><b>Uncertainty.</b> Each coefficient draw refits to targets perturbed by their sampling error: each rate
 * times exp(N(0, relative standard error)), each reason share plus N(0, its standard error), the shares then
 * renormalised. The age, ties and obligation terms are assumptions, not fitted (no target speaks to them).
 */
public final class Calibration {

    /**
     * The central values of the terms that are not fitted, and the starting point of those that are; the
     * intercept puts the chance of leaving at a few percent a year, as observed.
     */
    public static Coefficients defaults() {
        return new Coefficients(-8.5, new double[10], new double[4], new double[] {0.3, 0.15, 0, -0.4, -1.0}, 0.4,
                1.0, 0.5, 0.5, 0.5, 0.5, 0.3, -3, 0);
    }

    private static final int ITERATIONS = 400;

    private Calibration() {
    }

    public static Model fit(Population p, Context c, Targets t, long seed, int coefficientDraws) {
        if (coefficientDraws < 0 || coefficientDraws > 10_000) {
            throw new IllegalArgumentException("coefficient draws must be 0..10000, was " + coefficientDraws);
        }
        Fitter fitter = new Fitter(p, c);
        Coefficients central = fitter.fit(t, defaults());
        List<Coefficients> draws = new ArrayList<>();
        for (int j = 0; j < coefficientDraws; j++) {
            Random random = new Random(Simulator.mix(seed * 31 + j));
            draws.add(fitter.fit(perturb(t, random), central));
        }
        return new Model(central, draws, fitter.report(central, t));
    }

    private static Targets perturb(Targets t, Random random) {
        double[] isco = t.emigrationRateByIsco();
        double[] isced = t.emigrationRateByIsced();
        double se = t.rateRelativeStandardError();
        for (int g = 0; g < isco.length; g++) {
            isco[g] = rate(isco[g], se, random);
        }
        for (int l = 0; l < isced.length; l++) {
            isced[l] = rate(isced[l], se, random);
        }
        EnumMap<Reason, Double> shares = new EnumMap<>(Reason.class);
        double sum = 0;
        for (Reason r : Reason.values()) {
            double s = t.reasonShares().get(r);
            s = s > 0 ? Math.max(0.005, s + t.reasonShareStandardError() * random.nextGaussian()) : 0;
            shares.put(r, s);
            sum += s;
        }
        for (Reason r : Reason.values()) {
            shares.put(r, shares.get(r) / sum);
        }
        return new Targets(isco, isced, rate(t.returnRate(), se, random), rate(t.scholarReturnRate(), se, random),
                shares, t.rateRelativeStandardError(), t.reasonShareStandardError());
    }

    private static double rate(double r, double se, Random random) {
        return Double.isNaN(r) ? r : Math.min(0.99, r * Math.exp(se * random.nextGaussian()));
    }

    /** The population aggregated by type, at the start year's baseline conditions. */
    private static final class Fitter {
        final Population.Types types;
        final Conditions baseline;
        final long[] inKz;
        final long[] abroad;
        final long[] studying;
        final double[] owedStudying;
        final double[][] deficit;
        final double[] returnPush;

        Fitter(Population p, Context c) {
            types = p.types;
            baseline = new Conditions(c, Levers.none(), c.startYear());
            int n = types.count;
            inKz = new long[n];
            abroad = new long[n];
            studying = new long[n];
            owedStudying = new double[n];
            for (int i = 0; i < p.size; i++) {
                int type = p.type[i];
                if (p.location[i] == Location.KAZAKHSTAN.ordinal()) {
                    inKz[type]++;
                } else if (p.obligation[i] == ObligationState.STUDYING.ordinal()) {
                    studying[type]++;
                    owedStudying[type] += p.workOff[i];
                } else {
                    abroad[type]++;
                }
            }
            boolean anyAbroad = false;
            for (int type = 0; type < n; type++) {
                owedStudying[type] = studying[type] > 0 ? owedStudying[type] / studying[type] : 0;
                anyAbroad |= abroad[type] > 0;
            }
            if (!anyAbroad) {
                // Nobody abroad yet: the return rate is fitted as if the population were abroad.
                System.arraycopy(inKz, 0, abroad, 0, n);
            }
            deficit = new double[n][5];
            returnPush = new double[n];
            for (int type = 0; type < n; type++) {
                Decision.deficits(types, type, baseline, Decision.effectivePay(types, type, baseline, false, false),
                        deficit[type]);
            }
        }

        double logit(Coefficients k, int type, double[] iscoTerms, double[] iscedTerms, double[] reasons) {
            double x = k.intercept() + iscoTerms[types.isco[type]] + iscedTerms[types.isced[type]]
                    + k.ageGroup(types.ageGroup[type]) + (types.studied[type] ? k.ties() : 0);
            for (int r = 0; r < 5; r++) {
                x += reasons[r] * deficit[type][r];
            }
            return x;
        }

        Coefficients fit(Targets t, Coefficients start) {
            int n = types.count;
            double[] isco = start.isco();
            double[] isced = start.isced();
            double[] reasons = new double[5];
            for (Reason r : Reason.values()) {
                reasons[r.ordinal()] = t.reasonShares().get(r) > 0 ? Math.max(start.of(r), 0.05) : 0;
            }
            double[] target = new double[5];
            for (Reason r : Reason.values()) {
                target[r.ordinal()] = t.reasonShares().get(r);
            }
            double[] x = new double[n];
            double[] before = new double[19];
            for (int iteration = 0; iteration < ITERATIONS; iteration++) {
                if (!moved(before, isco, isced, reasons) && iteration > 0) {
                    break;
                }
                for (int type = 0; type < n; type++) {
                    x[type] = logit(start, type, isco, isced, reasons);
                }
                double[][] byIsco = rates(x, true);
                for (int g = 0; g < 10; g++) {
                    if (!Double.isNaN(t.isco(g)) && byIsco[1][g] > 0) {
                        isco[g] += logit(t.isco(g)) - logit(byIsco[0][g] / byIsco[1][g]);
                    }
                }
                for (int type = 0; type < n; type++) {
                    x[type] = logit(start, type, isco, isced, reasons);
                }
                double[][] byIsced = rates(x, false);
                for (int l = 0; l < 4; l++) {
                    if (!Double.isNaN(t.isced(l)) && byIsced[1][l] > 0) {
                        isced[l] += 0.5 * (logit(t.isced(l)) - logit(byIsced[0][l] / byIsced[1][l]));
                    }
                }
                double[] w = weights(x, reasons);
                int pay = Reason.PAY.ordinal();
                if (w[pay] > 0 && target[pay] > 0) {
                    for (int r = 0; r < 5; r++) {
                        if (r == pay || target[r] == 0 || w[r] <= 0) {
                            continue;
                        }
                        double ratio = (target[r] / target[pay]) / (w[r] / w[pay]);
                        reasons[r] = Math.min(50, reasons[r] * Math.pow(Math.max(0.5, Math.min(2, ratio)), 0.7));
                    }
                }
            }
            Coefficients fitted = start.with(isco, isced, reasons, start.returnIntercept(),
                    start.scholarReturnIntercept());
            double ret = solve(fitted, t.returnRate(), false);
            double scholar = solve(fitted, t.scholarReturnRate(), true);
            return fitted.with(isco, isced, reasons, ret, scholar);
        }

        /** Whether the terms moved since the last look (1e-7 on the logit scale); remembers them. */
        static boolean moved(double[] before, double[] isco, double[] isced, double[] reasons) {
            double[] now = new double[before.length];
            System.arraycopy(isco, 0, now, 0, 10);
            System.arraycopy(isced, 0, now, 10, 4);
            System.arraycopy(reasons, 0, now, 14, 5);
            boolean moved = false;
            for (int i = 0; i < now.length; i++) {
                moved |= Math.abs(now[i] - before[i]) > 1e-7;
            }
            System.arraycopy(now, 0, before, 0, now.length);
            return moved;
        }

        /** Sum of chances and agents in Kazakhstan, by ISCO group (or ISCED level). */
        double[][] rates(double[] x, boolean byIsco) {
            double[][] out = new double[2][byIsco ? 10 : 4];
            for (int type = 0; type < types.count; type++) {
                if (inKz[type] == 0) {
                    continue;
                }
                int g = byIsco ? types.isco[type] : types.isced[type];
                out[0][g] += inKz[type] * Decision.logistic(x[type]);
                out[1][g] += inKz[type];
            }
            return out;
        }

        double[] weights(double[] x, double[] reasons) {
            double[] w = new double[5];
            for (int type = 0; type < types.count; type++) {
                if (inKz[type] == 0) {
                    continue;
                }
                double p = Decision.logistic(x[type]);
                for (int r = 0; r < 5; r++) {
                    w[r] += inKz[type] * (p - Decision.logistic(x[type] - reasons[r] * deficit[type][r]));
                }
            }
            double sum = w[0] + w[1] + w[2] + w[3] + w[4];
            for (int r = 0; r < 5; r++) {
                w[r] = sum > 0 ? w[r] / sum : 0;
            }
            return w;
        }

        /** The intercept that makes the mean chance of return (or a scholar's return) equal the target. */
        double solve(Coefficients k, double target, boolean scholars) {
            if (Double.isNaN(target)) {
                return scholars ? k.scholarReturnIntercept() : k.returnIntercept();
            }
            double lo = -40;
            double hi = 40;
            for (int i = 0; i < 80; i++) {
                double mid = (lo + hi) / 2;
                double rate = returnRate(k, mid, scholars);
                if (Double.isNaN(rate)) {
                    return logit(target);
                }
                if (rate < target) {
                    lo = mid;
                } else {
                    hi = mid;
                }
            }
            return (lo + hi) / 2;
        }

        double returnRate(Coefficients k, double intercept, boolean scholars) {
            double sum = 0;
            double agents = 0;
            for (int type = 0; type < types.count; type++) {
                long n = scholars ? studying[type] : abroad[type];
                if (n == 0) {
                    continue;
                }
                double pay = Decision.effectivePay(types, type, baseline, false, false);
                double y = intercept - Decision.pushes(k, types, type, baseline, pay);
                if (scholars) {
                    y += k.obligation()
                            * Decision.owedInYearsOfPay(types, type, baseline, (int) Math.round(owedStudying[type]));
                }
                sum += n * Decision.logistic(y);
                agents += n;
            }
            return agents == 0 ? Double.NaN : sum / agents;
        }

        FitReport report(Coefficients k, Targets t) {
            int n = types.count;
            double[] x = new double[n];
            double[] reasons = new double[5];
            for (Reason r : Reason.values()) {
                reasons[r.ordinal()] = k.of(r);
            }
            for (int type = 0; type < n; type++) {
                x[type] = logit(k, type, k.isco(), k.isced(), reasons);
            }
            List<TargetFit> rows = new ArrayList<>();
            double se = t.rateRelativeStandardError();
            double[][] byIsco = rates(x, true);
            for (int g = 0; g < 10; g++) {
                if (!Double.isNaN(t.isco(g)) && byIsco[1][g] > 0) {
                    rows.add(new TargetFit("EMIGRATION_RATE", "ISCO " + g, t.isco(g), byIsco[0][g] / byIsco[1][g],
                            2 * se * t.isco(g)));
                }
            }
            double[][] byIsced = rates(x, false);
            for (int l = 0; l < 4; l++) {
                if (!Double.isNaN(t.isced(l)) && byIsced[1][l] > 0) {
                    rows.add(new TargetFit("EMIGRATION_RATE", "ISCED " + (l + 5), t.isced(l),
                            byIsced[0][l] / byIsced[1][l], 2 * se * t.isced(l)));
                }
            }
            double ret = returnRate(k, k.returnIntercept(), false);
            if (!Double.isNaN(t.returnRate()) && !Double.isNaN(ret)) {
                rows.add(new TargetFit("RETURN_RATE", "TOTAL", t.returnRate(), ret, 2 * se * t.returnRate()));
            }
            double scholar = returnRate(k, k.scholarReturnIntercept(), true);
            if (!Double.isNaN(t.scholarReturnRate()) && !Double.isNaN(scholar)) {
                rows.add(new TargetFit("SCHOLAR_RETURN_RATE", "TOTAL", t.scholarReturnRate(), scholar,
                        2 * se * t.scholarReturnRate()));
            }
            double[] w = weights(x, reasons);
            for (Reason r : Reason.values()) {
                rows.add(new TargetFit("REASON_SHARE", r.name(), t.reasonShares().get(r), w[r.ordinal()],
                        2 * t.reasonShareStandardError()));
            }
            return new FitReport(rows);
        }

        static double logit(double p) {
            return Math.log(p / (1 - p));
        }
    }

    /** The weight of each reason in the baseline's start year under coefficients k (see the class comment). */
    public static Map<Reason, Double> reasonWeights(Population p, Context c, Coefficients k) {
        Fitter fitter = new Fitter(p, c);
        double[] reasons = new double[5];
        for (Reason r : Reason.values()) {
            reasons[r.ordinal()] = k.of(r);
        }
        double[] x = new double[p.types.count];
        for (int type = 0; type < x.length; type++) {
            x[type] = fitter.logit(k, type, k.isco(), k.isced(), reasons);
        }
        double[] w = fitter.weights(x, reasons);
        EnumMap<Reason, Double> out = new EnumMap<>(Reason.class);
        for (Reason r : Reason.values()) {
            out.put(r, w[r.ordinal()]);
        }
        return out;
    }
}
