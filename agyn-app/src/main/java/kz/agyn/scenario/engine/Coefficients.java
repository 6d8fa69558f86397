package kz.agyn.scenario.engine;

/**
 * The decision model's coefficients (logit scale). Emigration of an agent in Kazakhstan, a year:
 * <pre>
 * x = intercept + isco[g] + isced[l] + ageGroup[a] + ties·studiedAbroad
 *     + pay·D_pay + growth·D_growth + socioPolitical·D_fair + research·D_research + living·D_living
 *     − obligation·(repayment owed / a year's pay abroad)    (scholars working off)
 * </pre>
 * where each D is a deficit against par (0 = no reason to leave on that count, see package doc). Return of an
 * agent abroad: {@code returnIntercept − (the same five terms)}; a scholar whose studies end returns with
 * {@code scholarReturnIntercept − (the five terms) + obligation·(repayment owed / a year's pay abroad)}.
 */
public record Coefficients(double intercept, double[] isco, double[] isced, double[] ageGroup, double ties,
                           double pay, double growth, double socioPolitical, double research, double living,
                           double obligation, double returnIntercept, double scholarReturnIntercept) {

    public Coefficients {
        if (isco.length != 10 || isced.length != 4 || ageGroup.length != Assumptions.AGE_GROUP_FROM.length) {
            throw new IllegalArgumentException("coefficients need 10 ISCO, 4 ISCED and 5 age-group terms");
        }
        isco = isco.clone();
        isced = isced.clone();
        ageGroup = ageGroup.clone();
    }

    @Override
    public double[] isco() {
        return isco.clone();
    }

    @Override
    public double[] isced() {
        return isced.clone();
    }

    @Override
    public double[] ageGroup() {
        return ageGroup.clone();
    }

    double isco(int g) {
        return isco[g];
    }

    double isced(int level) {
        return isced[level];
    }

    double ageGroup(int a) {
        return ageGroup[a];
    }

    /** The coefficient of a reason's deficit. */
    public double of(Reason reason) {
        return switch (reason) {
            case PAY -> pay;
            case GROWTH -> growth;
            case SOCIO_POLITICAL -> socioPolitical;
            case RESEARCH -> research;
            case LIVING -> living;
        };
    }

    /**
     * Coefficients under which nobody ever leaves or returns (probability exactly 0): for tests and for checking
     * a product's plumbing.
     */
    public static Coefficients zeroHazard() {
        double n = Double.NEGATIVE_INFINITY;
        return new Coefficients(n, new double[10], new double[4], new double[5], 0, 0, 0, 0, 0, 0, 0, n, n);
    }

    Coefficients with(double[] iscoTerms, double[] iscedTerms, double[] reasons, double ret, double scholarRet) {
        return new Coefficients(intercept, iscoTerms, iscedTerms, ageGroup, ties, reasons[0], reasons[1],
                reasons[2], reasons[3], reasons[4], obligation, ret, scholarRet);
    }
}
