package kz.agyn.registry.obligation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * One version of one programme's work-off rules. Rule sets are data: they are stored as rows or text with
 * {@link #toMap()}, edited, and read back with {@link #fromMap(Map)}, which validates every key and reports
 * the first problem as an {@link ObligationException} naming the key.
 *
 * <h2>How the rules are applied</h2>
 * <ul>
 *   <li><b>Required days.</b> "N years" is a calendar span: from the first counted day D, the number of days
 *       from D to the same date N years later ({@link LocalDate#plusYears}, which makes 29 February into 28
 *       February). Five years from 1 September 2020 are the 1,826 days up to 31 August 2025, inclusive, one of
 *       them 29 February 2024; three years from 1 January 2021 are 1,095 days. So someone who works without a
 *       break from D is done on the day before the anniversary, which is what officers and scholars expect.
 *       Until there is a counted day, D is the day after study ends and the figure is marked provisional.</li>
 *   <li><b>Return deadline.</b> The last day of study plus {@code returnDeadlineMonths} calendar months
 *       ({@link LocalDate#plusMonths}); 3 by default, an assumption for the operator to confirm. If
 *       {@code deferralsExtendDeadline}, every approved deferral (after study, overlaps merged) that starts on
 *       or before the deadline as extended so far pushes it later by the deferral's length.</li>
 *   <li><b>Which work counts.</b> Only days after the last day of study; in Kazakhstan, in a region whose
 *       KATO code starts with one of {@code countedRegionPrefixes} (empty: anywhere); abroad only if
 *       {@code abroadCounts} (e.g. a Kazakhstan employer's foreign office); in one of {@code countedSectors}
 *       (empty: any). Overlapping jobs count each day once.</li>
 *   <li><b>Breaks.</b> See {@link GapMode}. Independently, if {@code maxBreakDays} is positive, a stretch
 *       without counted work after return (before the first job, between jobs or since the last one), not
 *       covered by an approved deferral and longer than that, makes the scholar breach-eligible: a reason code,
 *       not a state, since only an officer declares a breach.</li>
 *   <li><b>Repayment.</b> See {@link RepaymentBasis}; the principal is rounded half-up to whole tenge, the
 *       penalty is {@code penaltyRate} times the rounded principal, again rounded half-up, so the printed
 *       figures add up.</li>
 * </ul>
 *
 * @param programme               programme code: A–Z, 0–9, '_' or '-', e.g. "BOLASHAK"
 * @param version                 1, 2, … within the programme
 * @param validFrom               the first award date this version applies to
 * @param requiredYears           years of counted work, 1–15; default 5
 * @param returnDeadlineMonths    months after study to come back, 0–60; default 3
 * @param countedRegionPrefixes   KATO prefixes (1–9 digits) where work counts; empty: everywhere
 * @param abroadCounts            whether work abroad counts; default false
 * @param countedSectors          sectors whose work counts; empty: all
 * @param gapMode                 how breaks between jobs count; default PAUSE
 * @param graceDays               under GRACE the longest credited break, 1–365; 0 under PAUSE
 * @param maxBreakDays            the longest break before breach eligibility, 0–3650; 0 (default): no limit
 * @param repaymentBasis          default PRO_RATA
 * @param penaltyRate             added share on top of the principal, 0–1 (0.10 is 10%); default 0
 * @param deferralsExtendDeadline whether approved deferrals push the return deadline; default true
 */
public record ObligationRules(String programme, int version, LocalDate validFrom, int requiredYears,
                              int returnDeadlineMonths, Set<String> countedRegionPrefixes, boolean abroadCounts,
                              Set<Sector> countedSectors, GapMode gapMode, int graceDays, int maxBreakDays,
                              RepaymentBasis repaymentBasis, BigDecimal penaltyRate, boolean deferralsExtendDeadline) {

    /** Map keys, in the order {@link #toMap()} writes them. */
    public static final List<String> KEYS = List.of("programme", "version", "validFrom", "requiredYears",
            "returnDeadlineMonths", "countedRegions", "abroadCounts", "countedSectors", "gapRule", "graceDays",
            "maxBreakDays", "repayment", "penaltyRate", "deferralsExtendDeadline");

    private static final Pattern PROGRAMME = Pattern.compile("[A-Z0-9_-]{1,40}");
    private static final Pattern KATO_PREFIX = Pattern.compile("[0-9]{1,9}");

    /** Validates every component; see the parameters for the ranges. */
    public ObligationRules {
        if (programme == null || !PROGRAMME.matcher(programme).matches()) {
            throw new ObligationException(ObligationProblem.BAD_PROGRAMME, "programme", programme);
        }
        range("version", version, 1, Integer.MAX_VALUE);
        Objects.requireNonNull(validFrom, "validFrom");
        range("requiredYears", requiredYears, 1, 15);
        range("returnDeadlineMonths", returnDeadlineMonths, 0, 60);
        Objects.requireNonNull(countedRegionPrefixes, "countedRegionPrefixes");
        for (String prefix : countedRegionPrefixes) {
            if (prefix == null || !KATO_PREFIX.matcher(prefix).matches()) {
                throw new ObligationException(ObligationProblem.BAD_REGION_PREFIX, "countedRegions", prefix);
            }
        }
        // Sorted so that toMap() writes the same text for the same rules.
        countedRegionPrefixes = Set.copyOf(new TreeSet<>(countedRegionPrefixes));
        countedSectors = countedSectors.isEmpty() ? Set.of() : Set.copyOf(EnumSet.copyOf(countedSectors));
        Objects.requireNonNull(gapMode, "gapMode");
        if (gapMode == GapMode.GRACE) {
            range("graceDays", graceDays, 1, 365);
        } else {
            // A grace length under PAUSE would sit in the editor looking effective while doing nothing.
            range("graceDays", graceDays, 0, 0);
        }
        range("maxBreakDays", maxBreakDays, 0, 3650);
        Objects.requireNonNull(repaymentBasis, "repaymentBasis");
        Objects.requireNonNull(penaltyRate, "penaltyRate");
        if (penaltyRate.signum() < 0 || penaltyRate.compareTo(BigDecimal.ONE) > 0) {
            throw new ObligationException(ObligationProblem.OUT_OF_RANGE, "penaltyRate", penaltyRate.toPlainString());
        }
        penaltyRate = penaltyRate.signum() == 0 ? BigDecimal.ZERO : penaltyRate.stripTrailingZeros();
    }

    /** The defaults: 5 years anywhere in Kazakhstan, back within 3 months, breaks pause, pro rata, no penalty. */
    public static ObligationRules defaults(String programme, int version, LocalDate validFrom) {
        return new ObligationRules(programme, version, validFrom, 5, 3, Set.of(), false, Set.of(), GapMode.PAUSE,
                0, 0, RepaymentBasis.PRO_RATA, BigDecimal.ZERO, true);
    }

    /**
     * Reads a rule set from string keys and values (see {@link #KEYS}); surrounding whitespace is ignored,
     * sets are comma-separated, absent keys other than programme, version and validFrom take their defaults.
     *
     * @throws ObligationException naming the first bad key
     */
    public static ObligationRules fromMap(Map<String, String> map) {
        for (String key : map.keySet()) {
            if (!KEYS.contains(key)) {
                throw new ObligationException(ObligationProblem.UNKNOWN_KEY, key, key);
            }
        }
        String programme = required(map, "programme");
        int version = integer(map, "version", null);
        LocalDate validFrom = date(map, "validFrom");
        return new ObligationRules(programme, version, validFrom,
                integer(map, "requiredYears", 5),
                integer(map, "returnDeadlineMonths", 3),
                list(map, "countedRegions").stream().collect(Collectors.toSet()),
                bool(map, "abroadCounts", false),
                options(map, "countedSectors", Sector.class),
                option(map, "gapRule", GapMode.class, GapMode.PAUSE),
                integer(map, "graceDays", 0),
                integer(map, "maxBreakDays", 0),
                option(map, "repayment", RepaymentBasis.class, RepaymentBasis.PRO_RATA),
                decimal(map, "penaltyRate"),
                bool(map, "deferralsExtendDeadline", true));
    }

    /**
     * Every key, defaults included, in {@link #KEYS} order. Writing defaults out keeps a stored version
     * meaning the same thing if a default in the code changes later.
     */
    public Map<String, String> toMap() {
        Map<String, String> map = new LinkedHashMap<>();
        map.put("programme", programme);
        map.put("version", Integer.toString(version));
        map.put("validFrom", validFrom.toString());
        map.put("requiredYears", Integer.toString(requiredYears));
        map.put("returnDeadlineMonths", Integer.toString(returnDeadlineMonths));
        map.put("countedRegions", String.join(",", new TreeSet<>(countedRegionPrefixes)));
        map.put("abroadCounts", Boolean.toString(abroadCounts));
        map.put("countedSectors", countedSectors.stream().sorted(Comparator.naturalOrder())
                .map(Enum::name).collect(Collectors.joining(",")));
        map.put("gapRule", gapMode.name());
        map.put("graceDays", Integer.toString(graceDays));
        map.put("maxBreakDays", Integer.toString(maxBreakDays));
        map.put("repayment", repaymentBasis.name());
        map.put("penaltyRate", penaltyRate.toPlainString());
        map.put("deferralsExtendDeadline", Boolean.toString(deferralsExtendDeadline));
        return map;
    }

    /**
     * Why the episode's days do not count under these rules, or null if they do. Only the place and sector
     * are judged here; the dates are the engine's business.
     */
    public ObligationReason exclusion(EmploymentEpisode episode) {
        if (!episode.inKazakhstan()) {
            if (!abroadCounts) {
                return ObligationReason.ABROAD_NOT_COUNTED;
            }
        } else if (!countedRegionPrefixes.isEmpty()) {
            if (episode.region() == null) {
                return ObligationReason.REGION_MISSING;
            }
            if (!inCountedRegion(episode.region().kato())) {
                return ObligationReason.REGION_NOT_COUNTED;
            }
        }
        if (!countedSectors.isEmpty() && !countedSectors.contains(episode.sector())) {
            return ObligationReason.SECTOR_NOT_COUNTED;
        }
        return null;
    }

    private boolean inCountedRegion(String kato) {
        for (String prefix : countedRegionPrefixes) {
            if (kato.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    private static void range(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new ObligationException(ObligationProblem.OUT_OF_RANGE, field, value);
        }
    }

    private static String value(Map<String, String> map, String key) {
        String value = map.get(key);
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static String required(Map<String, String> map, String key) {
        String value = value(map, key);
        if (value == null) {
            throw new ObligationException(ObligationProblem.MISSING, key, "");
        }
        return value;
    }

    private static int integer(Map<String, String> map, String key, Integer fallback) {
        String value = fallback == null ? required(map, key) : value(map, key);
        if (value == null) {
            return fallback;
        }
        try {
            return Integer.parseInt(value);
        } catch (NumberFormatException e) {
            throw new ObligationException(ObligationProblem.NOT_A_NUMBER, key, value);
        }
    }

    private static BigDecimal decimal(Map<String, String> map, String key) {
        String value = value(map, key);
        if (value == null) {
            return BigDecimal.ZERO;
        }
        try {
            return new BigDecimal(value);
        } catch (NumberFormatException e) {
            throw new ObligationException(ObligationProblem.NOT_A_DECIMAL, key, value);
        }
    }

    private static LocalDate date(Map<String, String> map, String key) {
        String value = required(map, key);
        try {
            return LocalDate.parse(value);
        } catch (DateTimeParseException e) {
            throw new ObligationException(ObligationProblem.NOT_A_DATE, key, value);
        }
    }

    private static boolean bool(Map<String, String> map, String key, boolean fallback) {
        String value = value(map, key);
        if (value == null) {
            return fallback;
        }
        // Boolean.parseBoolean would read "yes" or "ture" as false without a word.
        return switch (value.toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw new ObligationException(ObligationProblem.NOT_A_BOOLEAN, key, value);
        };
    }

    private static List<String> list(Map<String, String> map, String key) {
        String value = value(map, key);
        List<String> items = new ArrayList<>();
        if (value != null) {
            for (String item : value.split(",")) {
                if (!item.isBlank()) {
                    items.add(item.strip());
                }
            }
        }
        return items;
    }

    private static <E extends Enum<E>> E option(Map<String, String> map, String key, Class<E> type, E fallback) {
        String value = value(map, key);
        return value == null ? fallback : parseOption(key, value, type);
    }

    private static <E extends Enum<E>> Set<E> options(Map<String, String> map, String key, Class<E> type) {
        Set<E> set = EnumSet.noneOf(type);
        for (String item : list(map, key)) {
            set.add(parseOption(key, item, type));
        }
        return set;
    }

    private static <E extends Enum<E>> E parseOption(String key, String value, Class<E> type) {
        try {
            return Enum.valueOf(type, value.toUpperCase(Locale.ROOT));
        } catch (IllegalArgumentException e) {
            throw new ObligationException(ObligationProblem.NOT_AN_OPTION, key, value);
        }
    }
}
