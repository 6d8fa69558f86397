package kz.agyn.measure.web;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

import kz.agyn.measure.KpiSource;
import kz.agyn.measure.KpiUnit;
import kz.agyn.measure.MeasureDraft;
import kz.agyn.measure.MeasureException;
import kz.agyn.measure.MeasureStatus;
import kz.agyn.measure.RegistryFormula;
import org.springframework.context.support.DefaultMessageSourceResolvable;

/**
 * The editor's fields as typed, and their reading into a {@link MeasureDraft}: a number may carry spaces between
 * groups and a decimal comma, as kk and ru write them; a field that cannot be read is named in the message.
 */
final class MeasureForm {

    /** Every field of the form, in its order. */
    static final List<String> FIELDS = List.of("nameKk", "nameRu", "nameEn", "ownerKk", "ownerRu", "ownerEn",
            "legalBasis", "budgetKzt", "kpiSource", "kpiUnit", "indicator", "dataset", "filters", "registryFormula",
            "baselineValue", "baselineYear", "targetValue", "targetYear", "deadline", "status");

    private MeasureForm() {
    }

    /** The fields as sent, each field of the form present (null when it was not sent). */
    static Map<String, String> complete(Map<String, String> sent) {
        Map<String, String> f = new LinkedHashMap<>();
        for (String field : FIELDS) {
            f.put(field, sent.get(field));
        }
        return f;
    }

    /** The fields of a draft as the form shows them. */
    static Map<String, String> fields(MeasureDraft d) {
        Map<String, String> f = new LinkedHashMap<>();
        f.put("nameKk", d.nameKk());
        f.put("nameRu", d.nameRu());
        f.put("nameEn", d.nameEn());
        f.put("ownerKk", d.ownerKk());
        f.put("ownerRu", d.ownerRu());
        f.put("ownerEn", d.ownerEn());
        f.put("legalBasis", d.legalBasis());
        f.put("budgetKzt", plain(d.budgetKzt()));
        f.put("kpiSource", d.kpiSource() == null ? null : d.kpiSource().name());
        f.put("kpiUnit", d.kpiUnit() == null ? null : d.kpiUnit().name());
        f.put("indicator", d.indicator());
        f.put("dataset", d.dataset());
        f.put("filters", d.filters());
        f.put("registryFormula", d.registryFormula() == null ? null : d.registryFormula().name());
        f.put("baselineValue", plain(d.baselineValue()));
        f.put("baselineYear", d.baselineYear() == null ? null : d.baselineYear().toString());
        f.put("targetValue", plain(d.targetValue()));
        f.put("targetYear", d.targetYear() == null ? null : d.targetYear().toString());
        f.put("deadline", d.deadline() == null ? null : d.deadline().toString());
        f.put("status", d.status() == null ? null : d.status().name());
        return f;
    }

    static MeasureDraft draft(Map<String, String> f) {
        return new MeasureDraft(f.get("nameKk"), f.get("nameRu"), f.get("nameEn"), f.get("ownerKk"), f.get("ownerRu"),
                f.get("ownerEn"), f.get("legalBasis"), number(f, "budgetKzt"),
                choice(f, "kpiSource", KpiSource.class), choice(f, "kpiUnit", KpiUnit.class), f.get("indicator"),
                f.get("dataset"), f.get("filters"),
                f.get("kpiSource") != null && f.get("kpiSource").equals("REGISTRY")
                        ? choice(f, "registryFormula", RegistryFormula.class) : null,
                number(f, "baselineValue"), year(f, "baselineYear"), number(f, "targetValue"), year(f, "targetYear"),
                date(f, "deadline"), choice(f, "status", MeasureStatus.class));
    }

    static BigDecimal number(Map<String, String> f, String field) {
        String s = blank(f.get(field));
        if (s == null) {
            return null;
        }
        try {
            return new BigDecimal(s.replaceAll("[\\s\u00A0\u202F]", "").replace(',', '.'));
        } catch (NumberFormatException e) {
            throw unreadable("measure.error.number", field, s);
        }
    }

    static Integer year(Map<String, String> f, String field) {
        String s = blank(f.get(field));
        if (s == null) {
            return null;
        }
        if (!s.matches("\\d{4}")) {
            throw unreadable("measure.error.yearField", field, s);
        }
        return Integer.valueOf(s);
    }

    private static LocalDate date(Map<String, String> f, String field) {
        String s = blank(f.get(field));
        if (s == null) {
            return null;
        }
        try {
            return LocalDate.parse(s);
        } catch (DateTimeParseException e) {
            throw unreadable("measure.error.date", field, s);
        }
    }

    private static <E extends Enum<E>> E choice(Map<String, String> f, String field, Class<E> type) {
        String s = blank(f.get(field));
        if (s == null) {
            return null;
        }
        try {
            return Enum.valueOf(type, s);
        } catch (IllegalArgumentException e) {
            throw unreadable("measure.error.choice", field, s);
        }
    }

    /** The field is named by its label in the reader's language (the message source resolves the argument). */
    private static MeasureException unreadable(String code, String field, String typed) {
        return MeasureException.invalid(code, new DefaultMessageSourceResolvable("measure.field." + field), typed);
    }

    private static String plain(BigDecimal d) {
        return d == null ? null : d.toPlainString();
    }

    private static String blank(String s) {
        return s == null || s.isBlank() ? null : s.strip();
    }
}
