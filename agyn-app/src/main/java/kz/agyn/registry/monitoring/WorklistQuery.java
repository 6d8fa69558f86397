package kz.agyn.registry.monitoring;

import java.util.Locale;
import java.util.Set;
import java.util.regex.Pattern;

import kz.agyn.registry.RegistryException;

/**
 * The worklist's filters, each optional: task kind, region (a first-level KATO code, matched against the region
 * of the scholar's latest job), call year, degree, country (the host country of the award or the country of the
 * latest job), and status ("open", "done" or "all"; open by default). Built from request parameters, so every
 * component is checked here and a bad one is refused with the parameter's name.
 */
public record WorklistQuery(TaskKind kind, String region, Integer callYear, String degree, String country,
                            String status, int page, int size) {

    public static final int PAGE_SIZE = 50;
    private static final int MAX_SIZE = 500;
    private static final Set<String> DEGREES = Set.of("BACHELOR", "MASTER", "PHD", "INTERNSHIP");
    private static final Set<String> STATUSES = Set.of("open", "done", "all");
    private static final Pattern KATO = Pattern.compile("\\d{9}");
    private static final Pattern COUNTRY = Pattern.compile("[A-Z]{2}");

    public static WorklistQuery of(String kind, String region, Integer callYear, String degree, String country,
                                   String status, Integer page, Integer size) {
        TaskKind k = null;
        if (present(kind)) {
            try {
                k = TaskKind.valueOf(kind.strip().toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException e) {
                throw RegistryException.invalid("monitoring.filter.bad", "kind");
            }
        }
        String r = present(region) ? region.strip() : null;
        if (r != null && !KATO.matcher(r).matches()) {
            throw RegistryException.invalid("monitoring.filter.bad", "region");
        }
        if (callYear != null && (callYear < 1993 || callYear > 2100)) {
            throw RegistryException.invalid("monitoring.filter.bad", "callYear");
        }
        String d = present(degree) ? degree.strip().toUpperCase(Locale.ROOT) : null;
        if (d != null && !DEGREES.contains(d)) {
            throw RegistryException.invalid("monitoring.filter.bad", "degree");
        }
        String c = present(country) ? country.strip().toUpperCase(Locale.ROOT) : null;
        if (c != null && !COUNTRY.matcher(c).matches()) {
            throw RegistryException.invalid("monitoring.filter.bad", "country");
        }
        String s = present(status) ? status.strip().toLowerCase(Locale.ROOT) : "open";
        if (!STATUSES.contains(s)) {
            throw RegistryException.invalid("monitoring.filter.bad", "status");
        }
        int p = page == null ? 0 : page;
        int n = size == null ? PAGE_SIZE : size;
        if (p < 0) {
            throw RegistryException.invalid("monitoring.filter.bad", "page");
        }
        if (n < 1 || n > MAX_SIZE) {
            throw RegistryException.invalid("monitoring.filter.bad", "size");
        }
        return new WorklistQuery(k, r, callYear, d, c, s, p, n);
    }

    /** The same filters on another page. */
    public WorklistQuery page(int p) {
        return new WorklistQuery(kind, region, callYear, degree, country, status, p, size);
    }

    /** The filters as a query string (without page), for export links and the pager. */
    public String queryString() {
        StringBuilder sb = new StringBuilder("status=").append(status);
        if (kind != null) {
            sb.append("&kind=").append(kind.name());
        }
        if (region != null) {
            sb.append("&region=").append(region);
        }
        if (callYear != null) {
            sb.append("&callYear=").append(callYear);
        }
        if (degree != null) {
            sb.append("&degree=").append(degree);
        }
        if (country != null) {
            sb.append("&country=").append(country);
        }
        return sb.toString();
    }

    private static boolean present(String s) {
        return s != null && !s.isBlank();
    }
}
