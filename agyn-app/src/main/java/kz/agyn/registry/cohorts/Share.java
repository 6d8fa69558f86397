package kz.agyn.registry.cohorts;

/**
 * A proportion {@code count / base} with its Wilson score 95% interval.
 *
 * <p>With p̂ = x/n and z = 1.959963984540054 (the 97.5% normal quantile):
 * <pre>
 *   centre = (p̂ + z²/(2n)) / (1 + z²/n)
 *   half   = z / (1 + z²/n) · √( p̂(1 − p̂)/n + z²/(4n²) )
 *   [lower, upper] = [centre − half, centre + half]
 * </pre>
 * Wilson rather than the textbook p̂ ± z√(p̂(1 − p̂)/n) because cohort cells are small and shares near 0 or 1
 * (a handful in breach): there the plain interval collapses to a point or leaves [0, 1], and Wilson does
 * neither. The interval treats the graduates as a sample from the process that produces outcomes, which is
 * what "within sampling error" means when the note's figure is set against the registry.
 *
 * <p>{@code value}, {@code lower} and {@code upper} are null when the base is zero, and every component is
 * null in a cell blanked for a viewer without the right to see small numbers; null rather than NaN because
 * NaN is not JSON.
 *
 * @param count the numerator, or null if blanked
 * @param base  the denominator, or null if blanked
 * @param value count / base, or null
 * @param lower the Wilson lower bound, or null
 * @param upper the Wilson upper bound, or null
 */
public record Share(Long count, Long base, Double value, Double lower, Double upper) {

    /** The two-sided 95% normal quantile, as R's {@code qnorm(0.975)}. */
    public static final double Z95 = 1.959963984540054;

    /** A blanked cell. */
    public static final Share HIDDEN = new Share(null, null, null, null, null);

    /** {@code count / base} with its Wilson 95% interval. */
    public static Share of(long count, long base) {
        if (count < 0 || count > base) {
            throw new IllegalArgumentException("count " + count + " outside 0.." + base);
        }
        if (base == 0) {
            return new Share(0L, 0L, null, null, null);
        }
        double n = base;
        double p = count / n;
        double z2 = Z95 * Z95;
        double denominator = 1 + z2 / n;
        double centre = (p + z2 / (2 * n)) / denominator;
        double half = Z95 / denominator * Math.sqrt(p * (1 - p) / n + z2 / (4 * n * n));
        // At p = 0 (or 1) the bound is exactly 0 (or 1); centre − half leaves a rounding residue of ~1e-17
        // that would put the estimate outside its own interval.
        double lower = count == 0 ? 0 : Math.max(0, centre - half);
        double upper = count == base ? 1 : Math.min(1, centre + half);
        return new Share(count, base, p, lower, upper);
    }

    /** Whether there is a value to show: a non-zero base, not blanked. */
    public boolean defined() {
        return value != null;
    }

    /** Whether {@code x} lies in the interval, bounds included; false when undefined. */
    public boolean covers(double x) {
        return defined() && lower <= x && x <= upper;
    }
}
