package kz.agyn.registry.scholars;

/**
 * Gross monthly salary, nominal KZT, in the band an employer reports; a band rather than an amount because that is
 * what monitoring needs and all a scholar should have to disclose.
 */
public enum SalaryBand {
    /** Under 150,000 KZT. */
    B1(0, 150_000),
    /** 150,000–299,999 KZT. */
    B2(150_000, 300_000),
    /** 300,000–599,999 KZT. */
    B3(300_000, 600_000),
    /** 600,000–1,199,999 KZT. */
    B4(600_000, 1_200_000),
    /** 1,200,000 KZT and more. */
    B5(1_200_000, Long.MAX_VALUE);

    private final long from;
    private final long below;

    SalaryBand(long from, long below) {
        this.from = from;
        this.below = below;
    }

    /** Lowest amount in the band, inclusive. */
    public long from() {
        return from;
    }

    /** Upper bound, exclusive; {@link Long#MAX_VALUE} for the open top band. */
    public long below() {
        return below;
    }

    public static SalaryBand of(long monthlyKzt) {
        for (SalaryBand b : values()) {
            if (monthlyKzt < b.below) {
                return b;
            }
        }
        return B5;
    }
}
