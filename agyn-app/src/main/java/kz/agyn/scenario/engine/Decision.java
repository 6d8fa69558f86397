package kz.agyn.scenario.engine;

/**
 * The decision model: the chance a year that an agent of a type leaves, returns or (a scholar whose studies end)
 * comes back to work off. Pure functions of the type, the year's conditions, the coefficients and the agent's
 * obligation; the simulator turns them into integer thresholds.
 */
final class Decision {

    private Decision() {
    }

    static final long ONE = 1L << 32;

    /** The probability as a threshold for a uniform 32-bit integer: P(u < threshold) = p, exactly 0 and 1 kept. */
    static long threshold(double p) {
        if (!(p > 0)) {
            return 0;
        }
        if (p >= 1) {
            return ONE;
        }
        return (long) (p * ONE);
    }

    static double logistic(double x) {
        return 1 / (1 + Math.exp(-x));
    }

    /** Domestic pay a month with incentives: pay change, a returnee's supplement, a tax holiday (gross equivalent). */
    static double effectivePay(Population.Types types, int type, Conditions c, boolean supplement, boolean holiday) {
        double pay = types.pay[type] * c.multiplier(types.sector[type], types.isco[type]);
        if (supplement) {
            pay *= 1 + c.supplementShare;
        }
        if (holiday) {
            pay /= 1 - c.taxRate;
        }
        return pay;
    }

    /** The five deficits (the order of {@link Reason}) of a type under conditions, at an effective pay. */
    static void deficits(Population.Types types, int type, Conditions c, double effectivePay, double[] into) {
        into[0] = payDeficit(types, type, c, effectivePay);
        into[1] = c.growthDeficit;
        into[2] = c.fairnessDeficit;
        into[3] = researchDeficit(types, type, c);
        into[4] = livingDeficit(types, type, c, effectivePay);
    }

    static double payDeficit(Population.Types types, int type, Conditions c, double effectivePay) {
        return Math.max(0, Math.log(c.destinationPay[types.isco[type]] / effectivePay));
    }

    /** Research funding matters to research institutes and universities. */
    static double researchDeficit(Population.Types types, int type, Conditions c) {
        return types.sector[type] >= Sector.RESEARCH.ordinal() ? c.researchDeficit : 0;
    }

    /** Housing support goes to those under 35 (the first two age groups). */
    static double livingDeficit(Population.Types types, int type, Conditions c, double effectivePay) {
        return types.ageGroup[type] < 2 ? 1 / (1 + c.housingKzt / (12 * effectivePay)) : 1;
    }

    /** The reasons' part of the logit: each deficit times its coefficient. */
    static double pushes(Coefficients k, Population.Types types, int type, Conditions c, double effectivePay) {
        return k.pay() * payDeficit(types, type, c, effectivePay) + k.growth() * c.growthDeficit
                + k.socioPolitical() * c.fairnessDeficit + k.research() * researchDeficit(types, type, c)
                + k.living() * livingDeficit(types, type, c, effectivePay);
    }

    /** The logit without the reasons: who the agent is. */
    static double who(Coefficients k, Population.Types types, int type) {
        return k.intercept() + k.isco(types.isco[type]) + k.isced(types.isced[type])
                + k.ageGroup(types.ageGroup[type]) + (types.studied[type] ? k.ties() : 0);
    }

    /**
     * Repayment owed with y years of work-off left, in years of the pay the scholar would earn abroad (not of the
     * domestic pay: a pay rise at home must not make the debt look smaller and so the scholar likelier to leave).
     */
    static double owedInYearsOfPay(Population.Types types, int type, Conditions c, int yearsLeft) {
        double owed = Assumptions.SCHOLARSHIP_COST_KZT * (1 + Assumptions.BREACH_PENALTY)
                * Math.min(1.0, yearsLeft / (double) Assumptions.WORK_OFF_YEARS);
        return owed / (12 * c.destinationPay[types.isco[type]]);
    }

    static double emigration(Coefficients k, Population.Types types, int type, Conditions c, boolean supplement,
                             boolean holiday, int yearsOwed) {
        double pay = effectivePay(types, type, c, supplement, holiday);
        double x = who(k, types, type) + pushes(k, types, type, c, pay);
        if (yearsOwed > 0) {
            x -= k.obligation() * owedInYearsOfPay(types, type, c, yearsOwed);
        }
        return logistic(x);
    }

    /** An agent abroad weighs home with the incentives a returnee would get. */
    static double returning(Coefficients k, Population.Types types, int type, Conditions c) {
        double pay = effectivePay(types, type, c, c.supplementYears > 0, c.holidayYears > 0);
        return logistic(k.returnIntercept() - pushes(k, types, type, c, pay));
    }

    /** A scholar whose studies end comes back to work off (or stays abroad: a breach). */
    static double scholarReturning(Coefficients k, Population.Types types, int type, Conditions c, int yearsOwed) {
        double pay = effectivePay(types, type, c, c.supplementYears > 0, c.holidayYears > 0);
        return logistic(k.scholarReturnIntercept() - pushes(k, types, type, c, pay)
                + k.obligation() * owedInYearsOfPay(types, type, c, yearsOwed));
    }
}
