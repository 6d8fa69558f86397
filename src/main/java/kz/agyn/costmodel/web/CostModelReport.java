package kz.agyn.costmodel.web;

import java.util.List;

import io.swagger.v3.oas.annotations.media.Schema;
import kz.agyn.costmodel.Components;
import kz.agyn.costmodel.inputs.WarehouseFigure;

/**
 * The cost model as the API answers it and the page shows it. Public records, because the page's expressions
 * read them by reflection; amounts are KZT, per year where they are annual totals.
 */
public final class CostModelReport {

    private CostModelReport() {
    }

    /** The model as a reader needs it before running it: parameters, formula, the claim and the run's limits. */
    public record Model(List<ParameterInfo> parameters, List<Group> groups, String formula, ClaimSource claim,
                        int minDraws, int maxDraws, int defaultDraws, long defaultSeed, String warehouseInputs) {
    }

    /** A heading of the parameter form. */
    public record Group(String code, String name, List<ParameterInfo> parameters) {
    }

    /**
     * One parameter.
     *
     * @param value       the value used (the default unless overridden)
     * @param low         the low end of the plausible range (Monte Carlo and tornado)
     * @param high        the high end of the plausible range
     * @param allowedLow  the smallest override accepted
     * @param allowedHigh the largest override accepted, or null when the unit has no upper bound
     * @param source      where the default comes from, in the reader's language when it is the warehouse
     * @param warehouse   the indicator warehouse figure the default is, or null when it is the documented
     *                    default of costmodel/defaults.properties
     */
    public record ParameterInfo(String code, String name, String group, String unit, String unitName,
                                double value, double defaultValue, boolean overridden, double low, double high,
                                double allowedLow, Double allowedHigh, String distribution, boolean varies,
                                String source, String url, boolean assumption, WarehouseFigure warehouse) {
    }

    /** Where the claimed annual cost is stated. */
    public record ClaimSource(double value, String figure, String citation, String location, String quote) {
    }

    /** The answer of a run. */
    public record Result(
            @Schema(description = "The deterministic annual total at the parameters' values, KZT per year")
            double total,
            @Schema(description = "P5 of the Monte Carlo distribution of the annual total, KZT per year")
            double low,
            @Schema(description = "P95 of the Monte Carlo distribution of the annual total, KZT per year")
            double high,
            double mean, double median, String currency, int draws, long seed, List<String> overridden,
            double annuityFactor, Components components, List<LevelResult> perEmigrant, List<Bar> tornado,
            ClaimResult claim, String formula, String method) {
    }

    /**
     * One education level: the cost of one emigrant (deterministic, with its Monte Carlo band) and of all of
     * the year's emigrants with that level.
     */
    public record LevelResult(String level, String isced, String name, double emigrants, double cost,
                              double costLow, double costHigh, Components components, double total,
                              double totalLow, double totalHigh) {
    }

    /** One tornado bar: the annual total with one parameter at each end of its range, others at their values. */
    public record Bar(String code, String name, String unit, double low, double value, double high,
                      double totalAtLow, double totalAtHigh, double swing) {
    }

    /**
     * The note's claim against the model.
     *
     * @param position         BELOW, WITHIN or ABOVE the model's P5–P95 band
     * @param impliedEmigrants emigrants a year who, at the model's cost per emigrant and mix of levels, would cost
     *                         the claimed total; null when the model's total is 0
     * @param solutions        for the parameters that move the total most, the single value that would give the
     *                         claim with every other parameter unchanged
     */
    public record ClaimResult(double claimed, ClaimSource source, double modelTotal, double percentile,
                              String position, Double impliedEmigrants, double modelEmigrants,
                              List<Solution> solutions, String summary) {
    }

    /** The value of one parameter that would give the claim, or reachable = false when none in range does. */
    public record Solution(String code, String name, String unit, double low, double value, double high,
                           double totalAtLow, double totalAtHigh, boolean reachable, Double claimValue) {
    }
}
