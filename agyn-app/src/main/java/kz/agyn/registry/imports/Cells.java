package kz.agyn.registry.imports;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

import kz.agyn.platform.problems.ProblemCollector;
import kz.agyn.tabular.Location;
import kz.agyn.tabular.Row;

/**
 * The cells of one row of a registry file, read by column name; each read is checked, and where it fails the
 * problem is reported at the row and column (by its header) and the row marked {@link #bad}. A parser reads every
 * cell before giving up on a row, so that one report lists all that is wrong with it.
 */
final class Cells {

    private static final Pattern REF = Pattern.compile("[A-Za-z0-9._/-]{1,40}");
    /** Each code list's constants by name, looked up per row without copying the enum's array. */
    private static final ClassValue<Map<String, Enum<?>>> CONSTANTS = new ClassValue<>() {
        @Override
        protected Map<String, Enum<?>> computeValue(Class<?> type) {
            Map<String, Enum<?>> byName = new HashMap<>();
            for (Object e : type.getEnumConstants()) {
                byName.put(((Enum<?>) e).name(), (Enum<?>) e);
            }
            return Map.copyOf(byName);
        }
    };

    private final Map<String, Integer> columns;
    private final Row row;
    private final ProblemCollector problems;
    private boolean bad;

    Cells(Map<String, Integer> columns, Row row, ProblemCollector problems) {
        this.columns = columns;
        this.row = row;
        this.problems = problems;
    }

    /** Whether a read failed: the row is then not imported (its problems are reported). */
    boolean bad() {
        return bad;
    }

    /** The row's place: file, sheet and row, no column. */
    Location at() {
        Location l = row.location();
        return new Location(l.file(), l.sheet(), l.row(), 0);
    }

    /** The constant of {@code type} called {@code name}, or null. */
    static <E extends Enum<E>> E named(Class<E> type, String name) {
        return name == null ? null : type.cast(CONSTANTS.get(type).get(name));
    }

    void problem(String column, String code, Object... args) {
        bad = true;
        Integer i = columns.get(column);
        Location l = row.location();
        problems.report(new Location(l.file(), l.sheet(), l.row(), i == null ? 0 : i + 1), column, code, args);
    }

    String optional(String column) {
        Integer i = columns.get(column);
        if (i == null) {
            return null;
        }
        String v = row.cell(i);
        return v == null || v.isBlank() ? null : v.strip();
    }

    String required(String column) {
        String v = optional(column);
        if (v == null) {
            problem(column, "registry.field.required", column);
        } else if (v.length() > 200) {
            problem(column, "registry.field.tooLong", column, 200);
            return null;
        }
        return v;
    }

    String ref(String column) {
        String v = required(column);
        if (v != null && !REF.matcher(v).matches()) {
            problem(column, "registry.import.badRef");
            return null;
        }
        return v;
    }

    String name(String column, boolean required) {
        String v = required ? required(column) : optional(column);
        if (v != null && v.length() > 100) {
            problem(column, "registry.field.tooLong", column, 100);
        }
        return v;
    }

    /** The non-blank cells of {@code cols}, joined by a space; null when all are blank. */
    String joined(String... cols) {
        StringBuilder sb = new StringBuilder();
        for (String c : cols) {
            String v = optional(c);
            if (v != null) {
                sb.append(sb.isEmpty() ? "" : " ").append(v);
            }
        }
        return sb.isEmpty() ? null : sb.toString();
    }

    /** A scholar's reference, which must be in the files read before or in the registry. */
    String scholarRef(Set<String> inFiles, Set<String> inRegistry) {
        String ref = ref("scholar_ref");
        if (ref != null && !inFiles.contains(ref) && !inRegistry.contains(ref)) {
            problem("scholar_ref", "registry.import.unknownScholar", ref);
        }
        return ref;
    }

    /** A required code of {@code type}, in any case (degrees always were taken so). */
    <E extends Enum<E>> E requiredCode(String column, Class<E> type) {
        String v = required(column);
        E e = v == null ? null : named(type, v.toUpperCase(Locale.ROOT));
        if (v != null && e == null) {
            problem(column, "registry.import.badCode", v);
        }
        return e;
    }

    /** An optional code of {@code type}, as the format writes it (upper case). */
    <E extends Enum<E>> E optionalCode(String column, Class<E> type) {
        String v = optional(column);
        E e = named(type, v);
        if (v != null && e == null) {
            problem(column, "registry.import.badCode", v);
        }
        return e;
    }

    /** An ISO 3166 alpha-2 code of {@code known} (upper case), in any case. */
    String country(String column, Set<String> known) {
        String v = required(column);
        if (v != null && !known.contains(v.toUpperCase(Locale.ROOT))) {
            problem(column, "registry.field.badCountry", column, v);
            return null;
        }
        return v == null ? null : v.toUpperCase(Locale.ROOT);
    }

    Integer integer(String column, int min, int max) {
        String v = required(column);
        if (v == null) {
            return null;
        }
        try {
            int n = Integer.parseInt(v);
            if (n < min || n > max) {
                problem(column, "registry.import.outOfRange", v);
                return null;
            }
            return n;
        } catch (NumberFormatException e) {
            problem(column, "registry.import.notANumber", shortened(v, 20));
            return null;
        }
    }

    /** An optional whole amount of tenge, zero or more; null when the column is absent or empty. */
    BigDecimal optionalAmount(String column) {
        String v = optional(column);
        if (v == null) {
            return null;
        }
        try {
            long n = Long.parseLong(v);
            if (n < 0) {
                problem(column, "registry.import.outOfRange", v);
                return null;
            }
            return BigDecimal.valueOf(n);
        } catch (NumberFormatException e) {
            problem(column, "registry.import.notANumber", shortened(v, 20));
            return null;
        }
    }

    LocalDate date(String column, boolean required) {
        String v = required ? required(column) : optional(column);
        if (v == null) {
            return null;
        }
        try {
            return LocalDate.parse(v);
        } catch (DateTimeParseException e) {
            problem(column, "registry.import.badDate", shortened(v, 20));
            return null;
        }
    }

    /** Reports {@code column} when {@code later} is before {@code earlier} (or the same day, unless it may be). */
    void order(String column, LocalDate earlier, LocalDate later, boolean mayEqual) {
        if (earlier != null && later != null && (later.isBefore(earlier) || (!mayEqual && later.equals(earlier)))) {
            problem(column, "registry.import.dateOrder", column);
        }
    }

    boolean bool(String column) {
        String v = optional(column);
        if (v == null) {
            return false;
        }
        if (!v.equalsIgnoreCase("true") && !v.equalsIgnoreCase("false")) {
            problem(column, "registry.import.badBoolean", v.length() > 10 ? v.substring(0, 10) : v);
            return false;
        }
        return Boolean.parseBoolean(v.toLowerCase(Locale.ROOT));
    }

    /** A bad value quoted in a problem, cut short: it may be anything, and long. */
    private static String shortened(String v, int max) {
        return v.length() > max ? v.substring(0, max) + "…" : v;
    }
}
