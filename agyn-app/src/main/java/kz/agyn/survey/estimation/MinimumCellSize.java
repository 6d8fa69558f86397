package kz.agyn.survey.estimation;

import java.util.Optional;
import java.util.function.Supplier;

/**
 * The rule that no estimate is published for a breakdown cell of fewer respondents than a minimum,
 * counted unweighted: a weighted share from a handful of people looks precise and is not, and may point
 * at an identifiable person.
 *
 * @param minimum the fewest respondents a cell must hold to be shown; 10 by default
 */
public record MinimumCellSize(int minimum) {

    /** Ten respondents, as the survey specification requires. */
    public static final MinimumCellSize DEFAULT = new MinimumCellSize(10);

    public MinimumCellSize {
        if (minimum < 1) {
            throw new IllegalArgumentException("the minimum cell size must be at least 1: " + minimum);
        }
    }

    /** True when a cell of {@code respondents} must not be shown. */
    public boolean suppressed(int respondents) {
        return respondents < minimum;
    }

    /** The estimate when the cell is large enough; otherwise empty, and the estimate is never computed. */
    public <T> Optional<T> apply(int respondents, Supplier<T> estimate) {
        return suppressed(respondents) ? Optional.empty() : Optional.of(estimate.get());
    }
}
