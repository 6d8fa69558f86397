package kz.agyn.warehouse.web;

import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.reference.ReferenceData;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.Dimension;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/**
 * Names for dimension codes in the reader's language: regions, occupations, education levels, countries, sexes,
 * age groups, flows, totals. Names only: the code is shown beside them by the page where analysts need it, so
 * that a name is never mistaken for a code nor a code left unexplained.
 */
@Component
class CodeLabels {

    /** SDMX age groups: Y15T24 (15 to 24), Y_GE65 (65 and over), Y_LT15 (under 15), Y20 (aged 20). */
    private static final Pattern AGE_RANGE = Pattern.compile("Y(\\d+)T(\\d+)");
    private static final Pattern AGE_AT_LEAST = Pattern.compile("Y_GE(\\d+)");
    private static final Pattern AGE_UNDER = Pattern.compile("Y_LT(\\d+)");
    private static final Pattern AGE_EXACT = Pattern.compile("Y(\\d+)");
    /** ISCED aggregates as SDMX writes them: 5T8 is levels 5 to 8. */
    private static final Pattern ISCED_RANGE = Pattern.compile("(\\d)T(\\d)");

    private final ReferenceData reference;
    private final MessageSource messages;

    CodeLabels(ReferenceData reference, MessageSource messages) {
        this.reference = reference;
        this.messages = messages;
    }

    /** A labeller for one dimension; codes it does not know are left out (the page shows them as they are). */
    Map<String, String> labels(Dimension dimension, Locale locale) {
        Map<String, String> labels = new HashMap<>();
        labels.put("_T", message("explore.code._T", locale));
        labels.put("_U", message("explore.code._U", locale));
        labels.put("_Z", message("explore.code._Z", locale));
        switch (dimension) {
            case REGION -> {
                String kazakhstan = message("explore.code.KZ", locale);
                labels.put(WholeCountry.STORED, kazakhstan);
                labels.put(WholeCountry.CODE, kazakhstan);
                for (Region r : reference.regionHistory()) {
                    String name = r.names().in(locale);
                    labels.merge(r.kato(), name, (a, b) -> a.equals(b) ? a : b);
                }
            }
            case OCCUPATION -> reference.occupations().forEach(o -> labels.put(o.code(), o.names().in(locale)));
            case EDUCATION -> reference.educationLevels().forEach(e -> labels.put(e.code(), e.names().in(locale)));
            case COUNTRY -> reference.countries().forEach(c -> labels.put(c.iso2(), c.names().in(locale)));
            case SEX -> {
                labels.put("M", message("explore.sex.M", locale));
                labels.put("F", message("explore.sex.F", locale));
            }
            case FLOW -> {
                for (String f : new String[] {"EMI", "IMM", "NET"}) {
                    labels.put(f, message("explore.flow." + f, locale));
                }
            }
            default -> { }
        }
        return labels;
    }

    /** The name of a code in the reader's language, or the code itself when it has none. */
    String name(Dimension dimension, String code, Map<String, String> known, Locale locale) {
        String name = known.get(code);
        if (name != null || code == null) {
            return name == null ? "" : name;
        }
        Matcher m;
        if (dimension == Dimension.AGE) {
            if ((m = AGE_RANGE.matcher(code)).matches()) {
                return message("explore.age.range", locale, m.group(1), m.group(2));
            }
            if ((m = AGE_AT_LEAST.matcher(code)).matches()) {
                return message("explore.age.atLeast", locale, m.group(1));
            }
            if ((m = AGE_UNDER.matcher(code)).matches()) {
                return message("explore.age.under", locale, m.group(1));
            }
            if ((m = AGE_EXACT.matcher(code)).matches()) {
                return message("explore.age.exact", locale, m.group(1));
            }
        }
        if (dimension == Dimension.EDUCATION && (m = ISCED_RANGE.matcher(code)).matches()) {
            return message("explore.isced.range", locale, m.group(1), m.group(2));
        }
        return code;
    }

    /**
     * Where an age group starts, so that groups are listed youngest first (the codes alone would sort Y_GE65
     * before Y_LT15 and after Y15T24).
     */
    static int ageFrom(String code) {
        Matcher m;
        if ((m = AGE_RANGE.matcher(code)).matches() || (m = AGE_AT_LEAST.matcher(code)).matches()
                || (m = AGE_EXACT.matcher(code)).matches()) {
            return Integer.parseInt(m.group(1));
        }
        return AGE_UNDER.matcher(code).matches() ? -1 : Integer.MAX_VALUE;
    }

    private String message(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, locale);
    }
}
