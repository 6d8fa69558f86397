package kz.agyn.forecast;

import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.warehouse.Dimension;

/**
 * Which warehouse series to forecast: an indicator, a code for each dimension (absent: the total, Kazakhstan as a
 * whole for the region) and optionally the dataset to read it from (absent: the one holding the longest series).
 */
public record SeriesChoice(String indicator, Map<Dimension, String> filters, String dataset) {

    /** The dimensions a series is picked by, as the explorer's filters. */
    public static final List<Dimension> DIMENSIONS = List.of(Dimension.REGION, Dimension.OCCUPATION,
            Dimension.EDUCATION, Dimension.COUNTRY, Dimension.SEX, Dimension.AGE, Dimension.FLOW);
    /** The whole country, as readers write it; stored as SDMX's all-zero KATO code. */
    public static final String WHOLE_COUNTRY = "KZ";

    public SeriesChoice {
        indicator = indicator == null || indicator.isBlank() ? null : indicator.trim().toUpperCase(Locale.ROOT);
        Map<Dimension, String> f = new EnumMap<>(Dimension.class);
        if (filters != null) {
            filters.forEach((d, v) -> {
                if (v != null && !v.isBlank()) {
                    f.put(d, v.trim());
                }
            });
        }
        filters = Map.copyOf(f);
        dataset = dataset == null || dataset.isBlank() ? null : dataset.trim();
    }

    /** A choice from the codes as a form, the API or the command line gives them (blank: not chosen). */
    public static SeriesChoice of(String indicator, String region, String occupation, String education,
                                  String country, String sex, String age, String flow, String dataset) {
        Map<Dimension, String> f = new EnumMap<>(Dimension.class);
        String[] codes = {region, occupation, education, country, sex, age, flow};
        for (int i = 0; i < codes.length; i++) {
            f.put(DIMENSIONS.get(i), codes[i]);
        }
        return new SeriesChoice(indicator, f, dataset);
    }

    /** Every dimension's code as stored: the one given, else the total. */
    public Map<Dimension, String> stored() {
        Map<Dimension, String> out = new EnumMap<>(Dimension.class);
        for (Dimension d : DIMENSIONS) {
            String v = filters.get(d);
            if (d == Dimension.REGION) {
                out.put(d, v == null || v.equalsIgnoreCase(WHOLE_COUNTRY) || v.equals("_T") ? "000000000" : v);
            } else {
                out.put(d, v == null ? d.defaultCode() : v);
            }
        }
        return out;
    }

    /** The code of a dimension as readers write it (KZ for the whole country). */
    public String shown(Dimension d) {
        String v = stored().get(d);
        return d == Dimension.REGION && "000000000".equals(v) ? WHOLE_COUNTRY : v;
    }
}
