package kz.agyn.registry.scholars;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import kz.agyn.reference.Names;
import kz.agyn.reference.Occupation;
import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * The reader's-language names of the codes the registry stores, for pages that show them: ISCED-F fields of
 * study ("06"), ISCO-08 occupations ("23", or a longer code by its closest named group), countries (ISO 3166
 * "GB") and KATO regions, the region's name taken from the whole history (an old job may name a region since
 * merged or split). A code is shown with its name, "06 · Information and communication technologies", so an
 * officer can still match it to a file; an unknown code is shown as it is.
 */
@Component
public class RegistryCodeLabels {

    private final ReferenceData reference;
    private final MessageSource messages;

    public RegistryCodeLabels(ReferenceData reference, MessageSource messages) {
        this.reference = reference;
        this.messages = messages;
    }

    /** The labels in one language, for one page. */
    public In in(Locale locale) {
        return new In(locale);
    }

    /** Labels in one language; what a template calls. */
    public final class In {

        private final Locale locale;
        private final Map<String, String> regions = new HashMap<>();
        private final Map<String, String> occupations = new HashMap<>();

        In(Locale locale) {
            this.locale = locale;
            for (Region r : reference.regionHistory()) {
                regions.put(r.kato(), r.names().in(locale));
            }
            for (Occupation o : reference.occupations()) {
                occupations.put(o.code(), o.names().in(locale));
            }
        }

        /** An ISCED-F field: the broad field of its first two digits names it. */
        public String field(String code) {
            if (code == null || code.length() < 2) {
                return code;
            }
            String name = messages.getMessage("registry.cohorts.field." + code.substring(0, 2), null, null, locale);
            return name == null ? code : code + " · " + name;
        }

        /** An ISCO-08 code by the longest prefix the reference names (major or sub-major group). */
        public String isco(String code) {
            if (code == null || code.isBlank()) {
                return code;
            }
            for (int n = code.length(); n > 0; n--) {
                String name = occupations.get(code.substring(0, n));
                if (name != null) {
                    return code + " · " + name;
                }
            }
            return code;
        }

        /** A country's name, the code when the reference does not know it. */
        public String country(String iso2) {
            if (iso2 == null) {
                return null;
            }
            return reference.country(iso2.strip()).map(c -> c.names()).map(this::name).orElse(iso2);
        }

        /** A region's name (KATO code), from the whole history. */
        public String region(String kato) {
            return kato == null ? null : regions.getOrDefault(kato.strip(), kato);
        }

        /** The regions' names by KATO code. */
        public Map<String, String> regions() {
            return regions;
        }

        /** Where a job is: its region in Kazakhstan, its country abroad. */
        public String place(String country, String region) {
            if (country == null) {
                return null;
            }
            return "KZ".equals(country.strip()) && region != null ? region(region) : country(country);
        }

        private String name(Names names) {
            return names.in(locale);
        }
    }
}
