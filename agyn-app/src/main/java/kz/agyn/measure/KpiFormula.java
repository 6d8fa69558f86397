package kz.agyn.measure;

import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.StringJoiner;

import kz.agyn.warehouse.Dimension;

/**
 * How a KPI's actual values are found. For {@link KpiSource#WAREHOUSE}: an indicator, optionally one dataset, and
 * a code for some dimensions; every dimension not named takes its total code ({@link Dimension#defaultCode()}:
 * Kazakhstan as a whole, all occupations…), so that one figure a period is selected, never a sum of breakdowns.
 * For {@link KpiSource#REGISTRY}: a {@link RegistryFormula}. For {@link KpiSource#MANUAL}: nothing, the values
 * are entered.
 *
 * @param source    where the values come from
 * @param indicator the warehouse indicator's code (warehouse only)
 * @param dataset   the dataset to read, or null for any holding the indicator (warehouse only)
 * @param filters   codes of dimensions other than the total (warehouse only)
 * @param registry  the registry formula (registry only)
 */
public record KpiFormula(KpiSource source, String indicator, String dataset, Map<Dimension, String> filters,
                         RegistryFormula registry) {

    /** The dimensions a filter may name: those of an observation, not its value, period or bookkeeping. */
    public static final java.util.List<Dimension> FILTERABLE = java.util.List.of(Dimension.REGION,
            Dimension.OCCUPATION, Dimension.EDUCATION, Dimension.COUNTRY, Dimension.SEX, Dimension.AGE,
            Dimension.FLOW);

    public KpiFormula {
        filters = filters == null || filters.isEmpty() ? Map.of() : Map.copyOf(new EnumMap<>(filters));
    }

    public static KpiFormula warehouse(String indicator, String dataset, Map<Dimension, String> filters) {
        return new KpiFormula(KpiSource.WAREHOUSE, indicator, dataset, filters, null);
    }

    public static KpiFormula registry(RegistryFormula formula) {
        return new KpiFormula(KpiSource.REGISTRY, null, null, Map.of(), formula);
    }

    public static KpiFormula manual() {
        return new KpiFormula(KpiSource.MANUAL, null, null, Map.of(), null);
    }

    /** Every filterable dimension with its code: the one named, else the total. */
    public Map<Dimension, String> selection() {
        Map<Dimension, String> all = new EnumMap<>(Dimension.class);
        for (Dimension d : FILTERABLE) {
            all.put(d, filters.getOrDefault(d, d.defaultCode()));
        }
        return all;
    }

    /** The filters as stored and typed: {@code OCCUPATION=21, REGION=750000000}; empty for none. */
    public String filtersText() {
        StringJoiner text = new StringJoiner(", ");
        if (filters.isEmpty()) {
            return "";
        }
        new EnumMap<>(filters).forEach((d, code) -> text.add(d.name() + "=" + code));
        return text.toString();
    }

    /**
     * Filters from their text form. A part that is not {@code DIMENSION=code} with a filterable dimension is
     * refused with the message key {@code measure.error.filter} and the part.
     */
    public static Map<Dimension, String> parseFilters(String text) {
        Map<Dimension, String> out = new LinkedHashMap<>();
        if (text == null || text.isBlank()) {
            return out;
        }
        for (String part : text.split("[,;]")) {
            if (part.isBlank()) {
                continue;
            }
            int eq = part.indexOf('=');
            Dimension d = null;
            if (eq > 0) {
                try {
                    d = Dimension.of(part.substring(0, eq));
                } catch (IllegalArgumentException e) {
                    d = null;
                }
            }
            String code = eq > 0 ? part.substring(eq + 1).strip() : "";
            if (d == null || !FILTERABLE.contains(d) || code.isEmpty() || out.containsKey(d)) {
                throw MeasureException.invalid("measure.error.filter", part.strip());
            }
            out.put(d, code);
        }
        return out;
    }
}
