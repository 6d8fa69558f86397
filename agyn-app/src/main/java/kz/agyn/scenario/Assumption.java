package kz.agyn.scenario;

/**
 * One input of a run and where it came from, shown beside the results. The page words {@code kind} and the
 * field in the reader's language ({@code scenario.field.*}, {@code scenario.source.*}; a default's reason is
 * {@code scenario.default.<field>}); {@code dataset} names the warehouse dataset, {@code synthetic} flags invented
 * demonstration data.
 *
 * @param field     the input, e.g. {@code researchBudgetKzt}, {@code regionShares}
 * @param kind      WAREHOUSE, REGISTRY, COST_MODEL, NOTE (the note's published figure) or DEFAULT
 * @param dataset   the warehouse dataset and version ({@code code v3}), or null
 * @param synthetic whether the figure is from synthetic (invented) data
 * @param value     the figure used, or null for a distribution (a mix of shares)
 */
public record Assumption(String field, String kind, String dataset, boolean synthetic, Double value) {

    public static final String WAREHOUSE = "WAREHOUSE";
    public static final String REGISTRY = "REGISTRY";
    public static final String COST_MODEL = "COST_MODEL";
    public static final String NOTE = "NOTE";
    public static final String DEFAULT = "DEFAULT";

    /** As the engine's {@code Context.sources} takes it: "source, licence" or "default: reason", in English. */
    public String sourceText() {
        return switch (kind) {
            case WAREHOUSE -> "warehouse " + dataset + (synthetic ? " (SYNTHETIC)" : "");
            case REGISTRY -> "registry (pseudonymised counts)";
            case COST_MODEL -> "cost model (kz.agyn.costmodel)";
            case NOTE -> "the note of 2024-11-06";
            default -> "default: docs/decisions/0036";
        };
    }
}
