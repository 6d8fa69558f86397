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
                        int minDraws, int maxDraws, int defaultDraws, long defaultSeed, String warehouseInputs,
                        List<OccupationPay> occupationPay, String occupationShares, String scenario,
                        List<ScenarioInfo> scenarios) {
    }

    /** A named scenario the page and the API offer: its code, name and what it does. */
    public record ScenarioInfo(String code, String name, String description, java.util.Map<String, Double> overrides) {
    }

    /**
     * The pay of one occupation, as the breakdown by occupation uses it.
     *
     * @param pay          KZT a month; null when the warehouse has none and each level's pay stands in
     * @param defaultPay   the warehouse's figure, or null
     * @param overridden   whether the user set the pay
     * @param editable     whether it may be set: every major group, not the unknown occupation
     * @param source       where the pay comes from, in the reader's language
     * @param synthetic    the warehouse figure is synthetic demonstration data
     */
    public record OccupationPay(String code, String name, Double pay, Double defaultPay, boolean overridden,
                                boolean editable, String source, boolean synthetic) {
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
     * @param allowedHigh the largest override accepted (the parameter's max); an override fixes the parameter at
     *                    the value
     * @param source      where the default comes from, in the reader's language when it is the warehouse
     * @param warehouse   the indicator warehouse figure the default is, or null when it is the documented
     *                    default of costmodel/defaults.properties
     */
    public record ParameterInfo(String code, String name, String group, String unit, String unitName,
                                double value, double defaultValue, boolean overridden, double low, double high,
                                double allowedLow, Double allowedHigh, String distribution, boolean varies,
                                String source, String url, boolean assumption, WarehouseFigure warehouse,
                                String sourceOriginal) {
    }

    /** Where the claimed annual cost is stated. */
    public record ClaimSource(double value, String figure, String citation, String location, String quote) {
    }

    /** The answer of a run. */
    public record Result(
            @Schema(description = "The headline: the Monte Carlo mean of the annual cost to the country (fiscal + "
                    + "economic view), KZT per year; it lies within low..high")
            double total,
            @Schema(description = "What `total` is: MONTE_CARLO_MEAN")
            String totalMeasure,
            @Schema(description = "P5 of the Monte Carlo distribution of the annual cost to the country, KZT per year")
            double low,
            @Schema(description = "P95 of the Monte Carlo distribution of the annual cost to the country, KZT per year")
            double high,
            double mean, double median,
            @Schema(description = "The cost to the country with every parameter at its central value (the mode of "
                    + "its distribution); not the expected cost, and it can lie outside the band")
            double atCentralValues,
            String currency, int draws, long seed,
            @Schema(description = "The named scenario the run starts from: model or note_25bn")
            String scenario,
            List<String> overridden,
            double annuityFactor, Components components,
            @Schema(description = "The fiscal, economic and private views: each part of the cost in exactly one; "
                    + "the cost to the country is fiscal + economic, the private view is not added")
            List<ViewResult> views,
            @Schema(description = "The note's 25 bn read as public spending on the tertiary years of the year's "
                    + "emigrants with a degree, before returns")
            Reading reading,
            List<LevelResult> perEmigrant, List<Bar> tornado,
            ClaimResult claim, String formula, String method,
            @Schema(description = "The same emigrants by ISCO-08 major group, each priced at the pay of their "
                    + "occupation: cost per emigrant of each education level, and where the warehouse holds "
                    + "emigrants by occupation and education, each occupation's emigrants, cost per emigrant and "
                    + "total")
            Occupations perEmigrantByOccupation) {
    }

    /**
     * One view of the cost (decision 0023).
     *
     * @param code            FISCAL, ECONOMIC or PRIVATE
     * @param inCountryCost   whether the view is part of the headline cost to the country
     * @param mean            Monte Carlo mean, KZT a year
     * @param atCentralValues the view with every parameter at its central value
     * @param parts           the parts the view holds, at the central values
     * @param explanation     what the view holds and why, in the reader's language
     */
    public record ViewResult(String code, String name, boolean inCountryCost, double mean, double median,
                             double low, double high, double atCentralValues, List<Part> parts,
                             String explanation) {
    }

    /** One part of a view, KZT a year at the central values; negative for an offset. */
    public record Part(String code, String name, double value) {
    }

    /**
     * A reading of the note's figure.
     *
     * @param atCentralValues the reading with every parameter at its central value, KZT a year
     * @param synthetic       whether the emigrant counts it rests on are synthetic demonstration data
     * @param explanation     what is read and how, in the reader's language
     */
    public record Reading(String code, String name, double atCentralValues, double mean, double low, double high,
                          boolean synthetic, String explanation) {
    }

    /**
     * The breakdown by occupation.
     *
     * @param occupations one row per ISCO-08 major group, then the unknown occupation
     * @param total       Σ over occupations of their totals, KZT a year; null without a cross-table
     * @param low         P5 of that total over the Monte Carlo draws of the level model; null likewise
     * @param high        P95 of it; null likewise
     * @param levelTotal  the annual total of the breakdown by level, for comparison
     * @param shares      where each occupation's share of the levels comes from, in the reader's language
     * @param summary     the two totals compared in a sentence, or why there is no occupation total
     */
    public record Occupations(List<OccupationResult> occupations, Double total, Double low, Double high,
                              Double emigrants, double levelTotal, String shares, String summary) {
    }

    /**
     * One occupation.
     *
     * @param pay         KZT a month used; null when each level's pay stands in
     * @param byLevel     the cost of one emigrant of each education level in this occupation, in level order
     * @param emigrants   the year's emigrants in this occupation (its share of each level's); null without a
     *                    cross-table
     * @param cost        the cost of one emigrant of this occupation over its mix of levels; null likewise
     * @param costLow     P5 of the cost per emigrant over the Monte Carlo draws; null likewise
     * @param total       the cost of the year's emigrants in it; null likewise
     */
    public record OccupationResult(String code, String name, Double pay, boolean payOverridden, String paySource,
                                   List<OccupationLevel> byLevel, Double emigrants, Double cost, Double costLow,
                                   Double costHigh, Components components, Double total, Double totalLow,
                                   Double totalHigh) {
    }

    /** The cost of one emigrant of one level in one occupation. */
    public record OccupationLevel(String level, double cost, Components components) {
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
