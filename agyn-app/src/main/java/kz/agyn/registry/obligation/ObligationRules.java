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
 *   <li><b>Terms by place and award.</b> A job in a place whose KATO code starts with one of
 *       {@code cityRegionPrefixes} (Astana 71, Almaty 75, Shymkent 79) has the term {@code requiredYears}; a job
 *       elsewhere in Kazakhstan has {@code regionYears}; with no city list, {@code requiredYears} applies
 *       everywhere. Internships ({@code degree} INTERNSHIP) have {@code internshipYears} and
 *       {@code internshipRegionYears} instead. A foreign grant held before the award takes
 *       {@code foreignGrantYearsLess} years off, excellent study {@code honoursYearsLess}; never below
 *       {@code minimumYears}. Which reductions an award gets depends on the version in force on its award date,
 *       so the 2025 changes are versions valid from 2025, not dates in code. Work abroad that counts, and work
 *       without a recorded region, take the city term: the longer one, so that a gap in the record never
 *       shortens an obligation. Mixed periods: see {@link MixedPlaces}.</li>
 *   <li><b>Specialty.</b> See {@link SpecialtyCheck}. The award's field (ISCED-F, 2 or 3 digits) is looked up
 *       as {@code specialty.NNN}, then {@code specialty.NN}; a job matches if its ISCO-08 code starts with one of
 *       the listed prefixes or one of {@code specialtyAny} (managers, university teachers: any field). A job
 *       without an ISCO code, or a field without a row, cannot be judged: it counts, with a reason saying so.</li>
 *   <li><b>Late return.</b> If {@code lateReturnBreach}, coming back after the return deadline makes the scholar
 *       breach-eligible, as a break longer than {@code maxBreakDays} does.</li>
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
 * @param cityRegionPrefixes      KATO prefixes of the places with the term {@code requiredYears}; empty (default):
 *                                that term everywhere
 * @param regionYears             the term elsewhere in Kazakhstan, 1–15; default {@code requiredYears}
 * @param internshipYears         the city term of an internship, 1–15; default {@code requiredYears}
 * @param internshipRegionYears   the regional term of an internship, 1–15; default {@code regionYears}
 * @param foreignGrantYearsLess   years off for an award holder who already had a foreign grant, 0–10; default 0
 * @param honoursYearsLess        years off for excellent study, 0–10; default 0
 * @param minimumYears            the shortest term reductions may leave, 1–15; default 1
 * @param mixedPlaces             how days in places with different terms add up; default PROPORTIONAL
 * @param specialtyCheck          whether work must be in the specialty; default OFF
 * @param specialtyAny            ISCO-08 prefixes that match every field
 * @param specialtyTable          ISCED-F field (2 or 3 digits) to the ISCO-08 prefixes that match it
 * @param lateReturnBreach        whether a return after the deadline makes the scholar breach-eligible; default false
 * @param maxInstalmentYears      the longest repayment schedule officers may agree, 1–30 years; default 15 (the
 *                                longest reported); the engine does not use it, the instalment workflow checks it
 */
public record ObligationRules(String programme, int version, LocalDate validFrom, int requiredYears,
                              int returnDeadlineMonths, Set<String> countedRegionPrefixes, boolean abroadCounts,
                              Set<Sector> countedSectors, GapMode gapMode, int graceDays, int maxBreakDays,
                              RepaymentBasis repaymentBasis, BigDecimal penaltyRate, boolean deferralsExtendDeadline,
                              Set<String> cityRegionPrefixes, int regionYears, int internshipYears,
                              int internshipRegionYears, int foreignGrantYearsLess, int honoursYearsLess,
                              int minimumYears, MixedPlaces mixedPlaces, SpecialtyCheck specialtyCheck,
                              Set<String> specialtyAny, Map<String, Set<String>> specialtyTable,
                              boolean lateReturnBreach, int maxInstalmentYears) {

    /**
     * Map keys, in the order {@link #toMap()} writes them; besides these, {@code specialty.NN} rows (see
     * {@link #SPECIALTY_PREFIX}).
     */
    public static final List<String> KEYS = List.of("programme", "version", "validFrom", "requiredYears",
            "returnDeadlineMonths", "countedRegions", "abroadCounts", "countedSectors", "gapRule", "graceDays",
            "maxBreakDays", "repayment", "penaltyRate", "deferralsExtendDeadline", "cityRegions", "regionYears",
            "internshipYears", "internshipRegionYears", "foreignGrantYearsLess", "honoursYearsLess", "minimumYears",
            "mixedPlaces", "specialtyCheck", "specialtyAny", "lateReturnBreach", "maxInstalmentYears");

    /** The key prefix of a specialty-table row: {@code specialty.06 = 25,35} (ICT: ICT professionals, technicians). */
    public static final String SPECIALTY_PREFIX = "specialty.";

    /** The degree code that selects the internship terms. */
    public static final String INTERNSHIP = "INTERNSHIP";

    private static final Pattern FIELD = Pattern.compile("[0-9]{2,3}");
    private static final Pattern ISCO_PREFIX = Pattern.compile("[0-9]{1,4}");

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
        Objects.requireNonNull(cityRegionPrefixes, "cityRegionPrefixes");
        for (String prefix : cityRegionPrefixes) {
            if (prefix == null || !KATO_PREFIX.matcher(prefix).matches()) {
                throw new ObligationException(ObligationProblem.BAD_REGION_PREFIX, "cityRegions", prefix);
            }
        }
        cityRegionPrefixes = Set.copyOf(new TreeSet<>(cityRegionPrefixes));
        range("regionYears", regionYears, 1, 15);
        range("internshipYears", internshipYears, 1, 15);
        range("internshipRegionYears", internshipRegionYears, 1, 15);
        range("foreignGrantYearsLess", foreignGrantYearsLess, 0, 10);
        range("honoursYearsLess", honoursYearsLess, 0, 10);
        range("minimumYears", minimumYears, 1, 15);
        Objects.requireNonNull(mixedPlaces, "mixedPlaces");
        Objects.requireNonNull(specialtyCheck, "specialtyCheck");
        Objects.requireNonNull(specialtyAny, "specialtyAny");
        for (String prefix : specialtyAny) {
            if (prefix == null || !ISCO_PREFIX.matcher(prefix).matches()) {
                throw new ObligationException(ObligationProblem.BAD_ISCO_PREFIX, "specialtyAny", prefix);
            }
        }
        specialtyAny = Set.copyOf(new TreeSet<>(specialtyAny));
        Objects.requireNonNull(specialtyTable, "specialtyTable");
        Map<String, Set<String>> table = new java.util.TreeMap<>();
        specialtyTable.forEach((field, prefixes) -> {
            if (field == null || !FIELD.matcher(field).matches()) {
                throw new ObligationException(ObligationProblem.BAD_FIELD, SPECIALTY_PREFIX + field, field);
            }
            for (String prefix : prefixes) {
                if (prefix == null || !ISCO_PREFIX.matcher(prefix).matches()) {
                    throw new ObligationException(ObligationProblem.BAD_ISCO_PREFIX, SPECIALTY_PREFIX + field, prefix);
                }
            }
            table.put(field, Set.copyOf(new TreeSet<>(prefixes)));
        });
        specialtyTable = java.util.Collections.unmodifiableMap(table);
        range("maxInstalmentYears", maxInstalmentYears, 1, 30);
    }

    /**
     * The rules as they were before terms by place, award attributes, specialty and late return existed: the new
     * parameters at their defaults, which change nothing.
     */
    public ObligationRules(String programme, int version, LocalDate validFrom, int requiredYears,
                           int returnDeadlineMonths, Set<String> countedRegionPrefixes, boolean abroadCounts,
                           Set<Sector> countedSectors, GapMode gapMode, int graceDays, int maxBreakDays,
                           RepaymentBasis repaymentBasis, BigDecimal penaltyRate, boolean deferralsExtendDeadline) {
        this(programme, version, validFrom, requiredYears, returnDeadlineMonths, countedRegionPrefixes, abroadCounts,
                countedSectors, gapMode, graceDays, maxBreakDays, repaymentBasis, penaltyRate, deferralsExtendDeadline,
                Set.of(), requiredYears, requiredYears, requiredYears, 0, 0, 1, MixedPlaces.PROPORTIONAL,
                SpecialtyCheck.OFF, Set.of(), Map.of(), false, 15);
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
        Map<String, Set<String>> table = new LinkedHashMap<>();
        for (String key : map.keySet()) {
            if (key.startsWith(SPECIALTY_PREFIX)) {
                table.put(key.substring(SPECIALTY_PREFIX.length()), new TreeSet<>(list(map, key)));
            } else if (!KEYS.contains(key)) {
                throw new ObligationException(ObligationProblem.UNKNOWN_KEY, key, key);
            }
        }
        String programme = required(map, "programme");
        int version = integer(map, "version", null);
        LocalDate validFrom = date(map, "validFrom");
        // Defaults chain so that a rule set written before these keys existed means exactly what it meant then.
        int requiredYears = integer(map, "requiredYears", 5);
        int regionYears = integer(map, "regionYears", requiredYears);
        return new ObligationRules(programme, version, validFrom,
                requiredYears,
                integer(map, "returnDeadlineMonths", 3),
                list(map, "countedRegions").stream().collect(Collectors.toSet()),
                bool(map, "abroadCounts", false),
                options(map, "countedSectors", Sector.class),
                option(map, "gapRule", GapMode.class, GapMode.PAUSE),
                integer(map, "graceDays", 0),
                integer(map, "maxBreakDays", 0),
                option(map, "repayment", RepaymentBasis.class, RepaymentBasis.PRO_RATA),
                decimal(map, "penaltyRate"),
                bool(map, "deferralsExtendDeadline", true),
                list(map, "cityRegions").stream().collect(Collectors.toSet()),
                regionYears,
                integer(map, "internshipYears", requiredYears),
                integer(map, "internshipRegionYears", regionYears),
                integer(map, "foreignGrantYearsLess", 0),
                integer(map, "honoursYearsLess", 0),
                integer(map, "minimumYears", 1),
                option(map, "mixedPlaces", MixedPlaces.class, MixedPlaces.PROPORTIONAL),
                option(map, "specialtyCheck", SpecialtyCheck.class, SpecialtyCheck.OFF),
                list(map, "specialtyAny").stream().collect(Collectors.toSet()),
                table,
                bool(map, "lateReturnBreach", false),
                integer(map, "maxInstalmentYears", 15));
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
        map.put("cityRegions", String.join(",", new TreeSet<>(cityRegionPrefixes)));
        map.put("regionYears", Integer.toString(regionYears));
        map.put("internshipYears", Integer.toString(internshipYears));
        map.put("internshipRegionYears", Integer.toString(internshipRegionYears));
        map.put("foreignGrantYearsLess", Integer.toString(foreignGrantYearsLess));
        map.put("honoursYearsLess", Integer.toString(honoursYearsLess));
        map.put("minimumYears", Integer.toString(minimumYears));
        map.put("mixedPlaces", mixedPlaces.name());
        map.put("specialtyCheck", specialtyCheck.name());
        map.put("specialtyAny", String.join(",", new TreeSet<>(specialtyAny)));
        map.put("lateReturnBreach", Boolean.toString(lateReturnBreach));
        map.put("maxInstalmentYears", Integer.toString(maxInstalmentYears));
        specialtyTable.forEach((field, prefixes) -> map.put(SPECIALTY_PREFIX + field,
                String.join(",", new TreeSet<>(prefixes))));
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

    /** Whether the job has the city term ({@code requiredYears}): see the class comment. */
    public boolean cityTerm(EmploymentEpisode episode) {
        if (cityRegionPrefixes.isEmpty() || !episode.inKazakhstan() || episode.region() == null) {
            return true;
        }
        String kato = episode.region().kato();
        for (String prefix : cityRegionPrefixes) {
            if (kato.startsWith(prefix)) {
                return true;
            }
        }
        return false;
    }

    /** Whether the rules distinguish places at all: a city list with a different regional term. */
    public boolean termsByPlace(AwardFacts award) {
        return !cityRegionPrefixes.isEmpty() && termYears(award, true) != termYears(award, false);
    }

    /** The years of the award's term in a city ({@code city}) or a region, reductions applied. */
    public int termYears(AwardFacts award, boolean city) {
        boolean internship = INTERNSHIP.equals(award.degree());
        int base = internship ? (city ? internshipYears : internshipRegionYears) : (city ? requiredYears : regionYears);
        int less = (award.foreignGrant() ? foreignGrantYearsLess : 0) + (award.honours() ? honoursYearsLess : 0);
        // A reduction never lengthens a term that is already shorter than the minimum.
        return Math.max(Math.min(base, minimumYears), base - less);
    }

    /**
     * Whether a job is in the award's specialty: null if it matches or is not checked, else
     * {@link ObligationReason#SPECIALTY_UNKNOWN} (no ISCO code, no field, or no table row for the field) or
     * {@link ObligationReason#SPECIALTY_NOT_MATCHED}.
     */
    public ObligationReason specialty(String field, String isco) {
        if (specialtyCheck == SpecialtyCheck.OFF) {
            return null;
        }
        if (isco == null || isco.isBlank() || field == null) {
            return ObligationReason.SPECIALTY_UNKNOWN;
        }
        for (String prefix : specialtyAny) {
            if (isco.startsWith(prefix)) {
                return null;
            }
        }
        Set<String> row = specialtyTable.get(field);
        if (row == null && field.length() > 2) {
            row = specialtyTable.get(field.substring(0, 2));
        }
        if (row == null) {
            return ObligationReason.SPECIALTY_UNKNOWN;
        }
        for (String prefix : row) {
            if (isco.startsWith(prefix)) {
                return null;
            }
        }
        return ObligationReason.SPECIALTY_NOT_MATCHED;
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
