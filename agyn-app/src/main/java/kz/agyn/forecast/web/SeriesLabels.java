package kz.agyn.forecast.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.Dimension;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names of the dimension codes a series is picked by, in the reader's language, from the reference data and the
 * explorer's words for totals (the explorer's own labeller is its web package's, which features do not share).
 * A code without a name is shown as it is.
 */
@Component
class SeriesLabels {

    private final ReferenceData reference;
    private final MessageSource messages;

    SeriesLabels(ReferenceData reference, MessageSource messages) {
        this.reference = reference;
        this.messages = messages;
    }

    Map<String, String> labels(Dimension dimension, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        for (String c : new String[] {"_T", "_U", "_Z"}) {
            labels.put(c, messages.getMessage("explore.code." + c, null, c, locale));
        }
        switch (dimension) {
            case REGION -> {
                labels.put("000000000", messages.getMessage("explore.code.KZ", null, "KZ", locale));
                for (Region r : reference.regionHistory()) {
                    labels.putIfAbsent(r.kato(), r.names().in(locale));
                }
            }
            case OCCUPATION -> reference.occupations().forEach(o -> labels.put(o.code(), o.names().in(locale)));
            case EDUCATION -> reference.educationLevels().forEach(e -> labels.put(e.code(), e.names().in(locale)));
            case COUNTRY -> reference.countries().forEach(c -> labels.put(c.iso2(), c.names().in(locale)));
            case SEX -> {
                labels.put("M", messages.getMessage("explore.sex.M", null, "M", locale));
                labels.put("F", messages.getMessage("explore.sex.F", null, "F", locale));
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

    String name(String code, Map<String, String> labels) {
        return code == null ? "" : labels.getOrDefault(code, code);
    }
}
