package kz.agyn.warehouse.metrics;

import java.util.List;
import java.util.Objects;

/**
 * What a page shows beside a metric's value so that a reader can check it: the formula in plain
 * mathematical text (the same in every language), the inputs it takes, the unit of the result and
 * where the definition comes from.
 *
 * @param expression the formula, e.g. {@code m = E_h / (N_h + E_h)}
 * @param inputs     the quantities the formula reads, in the order the formula names them
 * @param unit       what the result means
 * @param reference  the literature or standard the definition follows, as a citation
 */
public record Formula(String expression, List<Input> inputs, Unit unit, String reference) {

    public Formula {
        Objects.requireNonNull(expression, "expression");
        Objects.requireNonNull(unit, "unit");
        Objects.requireNonNull(reference, "reference");
        inputs = List.copyOf(inputs);
    }
}
