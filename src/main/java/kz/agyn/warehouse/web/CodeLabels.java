package kz.agyn.warehouse.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.Dimension;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Names for dimension codes in the reader's language: regions, occupations, countries, sexes, totals. */
@Component
class CodeLabels {

    private final ReferenceData reference;
    private final MessageSource messages;

    CodeLabels(ReferenceData reference, MessageSource messages) {
        this.reference = reference;
        this.messages = messages;
    }

    /** A labeller for one dimension; unknown codes are shown as they are. */
    Map<String, String> labels(Dimension dimension, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        labels.put("_T", messages.getMessage("explore.code._T", null, "Total", locale));
        labels.put("_U", messages.getMessage("explore.code._U", null, "Unknown", locale));
        labels.put("_Z", messages.getMessage("explore.code._Z", null, "—", locale));
        switch (dimension) {
            case REGION -> {
                String kazakhstan = messages.getMessage("explore.code.KZ", null, "Kazakhstan", locale);
                labels.put(WholeCountry.STORED, kazakhstan);
                labels.put(WholeCountry.CODE, kazakhstan);
                for (Region r : reference.regionHistory()) {
                    String name = r.names().in(locale);
                    labels.merge(r.kato(), name, (a, b) -> a.equals(b) ? a : b);
                }
            }
            case OCCUPATION -> reference.occupations().forEach(o -> labels.put(o.code(), o.code() + " " + o.names().in(locale)));
            case EDUCATION -> reference.educationLevels().forEach(e -> labels.put(e.code(), e.code() + " " + e.names().in(locale)));
            case COUNTRY -> reference.countries().forEach(c -> labels.put(c.iso2(), c.names().in(locale)));
            case SEX -> {
                labels.put("M", messages.getMessage("sex.MALE", null, locale));
                labels.put("F", messages.getMessage("sex.FEMALE", null, locale));
            }
            case FLOW -> {
                for (String f : new String[] {"EMI", "IMM", "NET"}) {
                    labels.put(f, messages.getMessage("explore.flow." + f, null, f, locale));
                }
            }
            default -> { }
        }
        return labels;
    }
}
