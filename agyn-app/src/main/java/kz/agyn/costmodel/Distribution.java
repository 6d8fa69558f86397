package kz.agyn.costmodel;

/**
 * How the Monte Carlo run draws a parameter from its range. Parameters are drawn independently of each other:
 * the model knows no correlations between them.
 */
public enum Distribution {
    /** Triangular on [low, high] with its mode at the base value: the default, for a range with a best guess. */
    TRIANGULAR,
    /** Uniform on [low, high]: every value in the range equally likely, the base value only a midpoint. */
    UNIFORM,
    /** Not drawn: always the base value, and low = base = high. */
    FIXED;

    /**
     * The value at cumulative probability {@code u} (inverse transform sampling).
     *
     * <p>Triangular with a = low, c = base, b = high and F(c) = (c − a)/(b − a): x = a + √(u (b − a)(c − a)) for
     * u &lt; F(c), else x = b − √((1 − u)(b − a)(b − c)). Uniform: x = a + u (b − a).
     *
     * @param u a number in [0, 1)
     */
    public double quantile(double u, double low, double base, double high) {
        double width = high - low;
        if (this == FIXED || width <= 0) {
            return base;
        }
        if (this == UNIFORM) {
            return low + u * width;
        }
        double fc = (base - low) / width;
        return u < fc
                ? low + Math.sqrt(u * width * (base - low))
                : high - Math.sqrt((1 - u) * width * (high - base));
    }
}
