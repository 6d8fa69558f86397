package kz.agyn.warehouse.web;

import java.util.Locale;

import kz.agyn.warehouse.VersionDifference;

/**
 * The code of Kazakhstan as a whole on every way in and out of the warehouse: {@code KZ}, as Agyn's own CSV has
 * always written it (docs/formats/observations.md). The store keeps SDMX's all-zero KATO code {@code 000000000}
 * so that a region column holds nine digits; no reader should have to know that. On the way in, {@code KZ},
 * {@code _T} (SDMX's "total", what every other dimension's total is called) and {@code 000000000} all mean the
 * whole country, so a filter written any of the three ways finds it.
 */
final class WholeCountry {

    static final String CODE = "KZ";
    static final String STORED = "000000000";

    private WholeCountry() {
    }

    /** The region code as readers see it. */
    static String shown(String region) {
        return STORED.equals(region) ? CODE : region;
    }

    static VersionDifference shownIn(VersionDifference d) {
        return new VersionDifference(d.change(), d.indicator(), d.period(), shown(d.region()), d.occupation(),
                d.education(), d.country(), d.sex(), d.age(), d.flow(), d.before(), d.beforeStatus(), d.after(),
                d.afterStatus(), d.suppressed());
    }

    /** The region code as stored, from any of the codes a reader may use for the whole country. */
    static String stored(String region) {
        if (region == null) {
            return null;
        }
        String r = region.trim();
        String upper = r.toUpperCase(Locale.ROOT);
        return upper.equals(CODE) || upper.equals("_T") || r.equals(STORED) ? STORED : r;
    }
}
