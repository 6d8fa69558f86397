package kz.agyn.scenario.engine;

/** A pay supplement for those who return from abroad: share of pay (0.20 = +20%) for the first years after return. */
public record ReturneeSupplement(double share, int years) {

    public ReturneeSupplement {
        if (!(share >= 0) || Double.isInfinite(share)) {
            throw new IllegalArgumentException("a supplement must be a share of pay of 0 or more, was " + share);
        }
        if (years < 0 || years > RunSpec.MAX_HORIZON) {
            throw new IllegalArgumentException("supplement years must be 0.." + RunSpec.MAX_HORIZON + ", was " + years);
        }
    }
}
