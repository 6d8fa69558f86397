package kz.agyn.note.writer;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
import kz.agyn.reference.ReferenceData;
import kz.agyn.warehouse.DatasetInfo;
import kz.agyn.warehouse.DatasetPeriod;
import kz.agyn.warehouse.Dimension;
import kz.agyn.warehouse.Observation;
import kz.agyn.warehouse.ObservationQuery;
import kz.agyn.warehouse.Warehouse;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Reads the warehouse for a note's blocks as the explorer reads it, so that a figure in the note is the number the
 * explorer shows for the same choices: the source is the one asked for, else the richest series of the indicator
 * (most periods, then most figures, then a published source before a synthetic one, then by code); each dimension
 * not chosen is held at its total when the data have one, else at the code most figures have.
 */
@Component
class WarehouseReader {

    /** The dimensions a block may choose, by the names a template uses. */
    static final Map<String, Dimension> KEYS = Map.of("region", Dimension.REGION, "occupation",
            Dimension.OCCUPATION, "education", Dimension.EDUCATION, "country", Dimension.COUNTRY, "sex",
            Dimension.SEX, "age", Dimension.AGE, "flow", Dimension.FLOW);
    static final String WHOLE_COUNTRY = "000000000";

    private final Warehouse warehouse;
    private final ReferenceData reference;
    private final MessageSource messages;

    WarehouseReader(Warehouse warehouse, ReferenceData reference, MessageSource messages) {
        this.warehouse = warehouse;
        this.reference = reference;
        this.messages = messages;
    }

    boolean knows(String indicator) {
        return warehouse.indicator(indicator).isPresent();
    }

    String unit(String indicator) {
        return warehouse.indicator(indicator).map(kz.agyn.warehouse.Indicator::unit).orElse("");
    }

    Optional<DatasetInfo> dataset(String code) {
        return warehouse.dataset(code);
    }

    /**
     * The observations of an indicator under the given filters and periods, every other dimension but
     * {@code keep} held at one code; from the pinned version when there is one, else the current version of the
     * source chosen.
     */
    List<Observation> read(String indicator, Map<Dimension, String> given, String from, String to, String dataset,
                           Dimension keep, Map<String, NoteParameters.DataVersion> pinned) {
        NoteParameters.DataVersion pin = pinned.get(indicator);
        String ds = pin != null ? pin.dataset() : dataset != null ? dataset : richest(indicator);
        if (ds == null) {
            return List.of();
        }
        Map<Dimension, String> filters = new EnumMap<>(Dimension.class);
        given.forEach((d, v) -> filters.put(d, d == Dimension.REGION ? stored(v) : v));
        List<Observation> obs = warehouse.observations(new ObservationQuery(indicator, filters, from, to, ds,
                pin == null ? null : pin.version(), null, 0, ObservationQuery.MAX_PAGE_SIZE));
        for (Dimension d : KEYS.values().stream().sorted().toList()) {
            if (d == keep || filters.containsKey(d) || obs.isEmpty()) {
                continue;
            }
            Map<String, Long> counts = obs.stream().collect(Collectors.groupingBy(o -> code(o, d), TreeMap::new,
                    Collectors.counting()));
            String total = d == Dimension.REGION ? WHOLE_COUNTRY : d.defaultCode();
            String held = counts.containsKey(total) ? total : counts.entrySet().stream()
                    .max(Map.Entry.<String, Long>comparingByValue().thenComparing(Map.Entry.comparingByKey(
                            Comparator.reverseOrder()))).map(Map.Entry::getKey).orElseThrow();
            obs = obs.stream().filter(o -> code(o, d).equals(held)).toList();
        }
        return obs;
    }

    /** The explorer's default source of an indicator: the richest series. */
    private String richest(String indicator) {
        Map<String, DatasetInfo> datasets = warehouse.datasets().stream()
                .collect(Collectors.toMap(DatasetInfo::code, d -> d, (a, b) -> a, LinkedHashMap::new));
        Map<String, Long> figures = new LinkedHashMap<>();
        Map<String, Long> periods = new LinkedHashMap<>();
        for (DatasetPeriod p : warehouse.periods(indicator)) {
            figures.merge(p.dataset(), p.observations(), Long::sum);
            periods.merge(p.dataset(), 1L, Long::sum);
        }
        return figures.keySet().stream().filter(datasets::containsKey).min(Comparator
                .comparing((String c) -> -periods.get(c))
                .thenComparing(c -> -figures.get(c))
                .thenComparing(c -> datasets.get(c).synthetic())
                .thenComparing(c -> c)).orElse(null);
    }

    /** The whole country as stored, from any way a template writes it ({@code KZ}, {@code _T}, nine zeros). */
    static String stored(String region) {
        String r = region.trim();
        return r.equalsIgnoreCase("KZ") || r.equals("_T") ? WHOLE_COUNTRY : r;
    }

    /** A region's name in the reader's language; empty when the code is not a region Agyn knows. */
    Optional<String> regionName(String region, Locale locale) {
        String r = stored(region);
        if (r.equals(WHOLE_COUNTRY)) {
            return Optional.of(msg("explore.code.KZ", locale));
        }
        return reference.regionHistory().stream().filter(x -> x.kato().equals(r))
                .max(Comparator.comparing(x -> x.validTo() == null ? java.time.LocalDate.MAX : x.validTo()))
                .map(x -> x.names().in(locale));
    }

    /** A code's name in the reader's language, as the explorer names it (the code itself when it has none). */
    String label(Dimension d, String code, Locale locale) {
        if (code.equals("_T") || code.equals("_U") || code.equals("_Z")) {
            return msg("explore.code." + code, locale);
        }
        return switch (d) {
            case REGION -> regionName(code, locale).orElse(code);
            case OCCUPATION -> reference.occupations().stream().filter(o -> o.code().equals(code)).findFirst()
                    .map(o -> o.names().in(locale)).orElse(code);
            case EDUCATION -> reference.educationLevels().stream().filter(o -> o.code().equals(code)).findFirst()
                    .map(o -> o.names().in(locale)).orElse(code);
            case COUNTRY -> reference.country(code).map(c -> c.names().in(locale)).orElse(code);
            case SEX -> code.equals("M") || code.equals("F") ? msg("explore.sex." + code, locale) : code;
            case FLOW -> List.of("EMI", "IMM", "NET").contains(code) ? msg("explore.flow." + code, locale) : code;
            default -> code;
        };
    }

    static String code(Observation o, Dimension d) {
        return switch (d) {
            case REGION -> o.region();
            case OCCUPATION -> o.occupation();
            case EDUCATION -> o.education();
            case COUNTRY -> o.country();
            case SEX -> o.sex();
            case AGE -> o.age();
            case FLOW -> o.flow();
            case PERIOD -> o.period();
            default -> "";
        };
    }

    /** Whether a code is its dimension's total (listed last in a pivot). */
    static boolean total(Dimension d, String code) {
        return code.equals(d == Dimension.REGION ? WHOLE_COUNTRY : d.defaultCode());
    }

    /** The codes of a dimension in the observations: totals last, the others by value of the last period. */
    static List<String> rowOrder(List<Observation> obs, Dimension d, String lastPeriod) {
        Map<String, java.math.BigDecimal> last = new LinkedHashMap<>();
        obs.forEach(o -> last.putIfAbsent(code(o, d), java.math.BigDecimal.ZERO));
        obs.stream().filter(o -> o.period().equals(lastPeriod)).forEach(o -> last.put(code(o, d), o.scaledValue()));
        List<String> out = new ArrayList<>(last.keySet());
        out.sort(Comparator.comparing((String c) -> total(d, c)).thenComparing(c -> last.get(c),
                Comparator.reverseOrder()).thenComparing(c -> c));
        return out;
    }

    private String msg(String key, Locale locale) {
        return messages.getMessage(key, null, key, locale);
    }
}
