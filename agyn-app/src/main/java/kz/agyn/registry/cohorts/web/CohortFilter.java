package kz.agyn.registry.cohorts.web;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;

import kz.agyn.registry.cohorts.Breakdown;
import kz.agyn.registry.cohorts.SectorBasis;

/**
 * The cohort page's filter as read from GET parameters, so that a view can be shared as a link. A value that
 * cannot be used is not an error page: it is refused with a message key and replaced by its default, and the
 * page shows both the refusal and the report for what remained.
 *
 * @param programme a programme code the registry holds, or null for all
 * @param breakdown what the table and the curves group by
 * @param basis     which job puts a returnee in a sector
 * @param asOf      the day to describe, or null for the service's default
 * @param refusals  what was refused, as message keys with arguments
 */
record CohortFilter(String programme, Breakdown breakdown, SectorBasis basis, LocalDate asOf,
                    List<Refusal> refusals) {

    static final Breakdown DEFAULT_BREAKDOWN = Breakdown.GRADUATION_YEAR;
    // The note's Table 3 says where returnees work now, so the dashboard opens on the same basis.
    static final SectorBasis DEFAULT_BASIS = SectorBasis.CURRENT_JOB;

    /** A refused parameter: the message key and its arguments. */
    record Refusal(String code, Object... args) {
    }

    CohortFilter {
        refusals = List.copyOf(refusals);
    }

    /**
     * Reads the four parameters; blank means the default. The refused value is echoed in the message only after
     * trimming it to a few characters, since it comes from the address bar.
     */
    static CohortFilter parse(String programme, String breakdown, String basis, String asOf,
                              List<String> programmes) {
        List<Refusal> refusals = new ArrayList<>();
        String p = blankToNull(programme);
        if (p != null && !programmes.contains(p)) {
            refusals.add(new Refusal("registry.cohorts.error.programme", echo(p)));
            p = null;
        }
        Breakdown b = DEFAULT_BREAKDOWN;
        if (blankToNull(breakdown) != null) {
            try {
                b = Breakdown.valueOf(breakdown.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                refusals.add(new Refusal("registry.cohorts.error.breakdown", echo(breakdown)));
            }
        }
        SectorBasis s = DEFAULT_BASIS;
        if (blankToNull(basis) != null) {
            try {
                s = SectorBasis.valueOf(basis.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                refusals.add(new Refusal("registry.cohorts.error.basis", echo(basis)));
            }
        }
        LocalDate day = null;
        if (blankToNull(asOf) != null) {
            try {
                day = LocalDate.parse(asOf.strip());
            } catch (DateTimeParseException e) {
                refusals.add(new Refusal("registry.cohorts.error.asOf", echo(asOf)));
            }
        }
        return new CohortFilter(p, b, s, day, refusals);
    }

    /** The same filter describing the default day, with one more refusal. */
    CohortFilter withDefaultDay(Refusal why) {
        List<Refusal> all = new ArrayList<>(refusals);
        all.add(why);
        return new CohortFilter(programme, breakdown, basis, null, all);
    }

    /** The parameters of the report actually shown, for the export links and the language switch. */
    String queryString(LocalDate shownDay) {
        Map<String, String> params = new LinkedHashMap<>();
        if (programme != null) {
            params.put("programme", programme);
        }
        params.put("breakdown", breakdown.name());
        params.put("basis", basis.name());
        params.put("asOf", shownDay.toString());
        return params.entrySet().stream()
                .map(e -> e.getKey() + "=" + URLEncoder.encode(e.getValue(), StandardCharsets.UTF_8))
                .collect(Collectors.joining("&"));
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }

    private static String echo(String s) {
        String v = s.strip();
        return v.length() > 40 ? v.substring(0, 40) + "…" : v;
    }
}
