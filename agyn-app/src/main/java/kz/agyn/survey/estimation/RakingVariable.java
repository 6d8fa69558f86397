package kz.agyn.survey.estimation;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One variable to rake on: each respondent's category and the population total of each category.
 *
 * @param name       the variable's name, as the analyst knows it ("region", "age group")
 * @param categories each respondent's category, aligned with the base weights
 * @param margins    the known population total of each category, e.g. from the warehouse; iteration
 *                   order is kept
 */
public record RakingVariable(String name, List<String> categories, Map<String, Double> margins) {

    public RakingVariable {
        if (name == null || name.isBlank()) {
            throw new IllegalArgumentException("a raking variable needs a name");
        }
        categories = java.util.Collections.unmodifiableList(new java.util.ArrayList<>(categories));
        margins = java.util.Collections.unmodifiableMap(new LinkedHashMap<>(margins));
    }

    /** The sum of the margins: the population total this variable implies. */
    public double total() {
        return margins.values().stream().mapToDouble(Double::doubleValue).sum();
    }
}
