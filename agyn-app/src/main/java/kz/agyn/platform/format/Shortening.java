package kz.agyn.platform.format;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/**
 * Which scales a large amount may be written in, and with how many decimals each: an amount is written in the
 * largest scale it reaches, or as it is ({@code unscaled}) below the smallest. The cost model writes billions
 * with one decimal and millions with two; the note's figures billions and trillions with up to two.
 *
 * @param unscaled the decimals of an amount below every scale
 * @param steps    the scales with their decimals, largest first
 */
public record Shortening(Decimals unscaled, List<Step> steps) {

    /** One scale and the decimals a number in it is written with. */
    public record Step(Scale scale, Decimals decimals) {
    }

    public Shortening {
        steps = steps.stream().sorted(Comparator.comparing((Step s) -> s.scale().factor()).reversed()).toList();
    }

    /** No shortening: every amount written as it is, with these decimals. */
    public static Shortening none(Decimals unscaled) {
        return new Shortening(unscaled, List.of());
    }

    /** This shortening and also {@code scale}, written with {@code decimals}. */
    public Shortening and(Scale scale, Decimals decimals) {
        List<Step> more = new ArrayList<>(steps);
        more.add(new Step(scale, decimals));
        return new Shortening(unscaled, more);
    }

    /** The largest step that an amount of this size (already made positive) reaches, or null below them all. */
    Step stepFor(java.math.BigDecimal magnitude) {
        return steps.stream().filter(s -> magnitude.compareTo(s.scale().factor()) >= 0).findFirst().orElse(null);
    }

    /** The same for a double, compared as a double, as the callers' arithmetic is in doubles. */
    Step stepFor(double magnitude) {
        return steps.stream().filter(s -> magnitude >= s.scale().factor().doubleValue()).findFirst().orElse(null);
    }
}
