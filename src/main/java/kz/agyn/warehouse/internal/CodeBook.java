package kz.agyn.warehouse.internal;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Pattern;

import kz.agyn.kernel.Period;
import kz.agyn.reference.Country;
import kz.agyn.reference.Occupation;
import kz.agyn.reference.Region;
import kz.agyn.warehouse.Indicator;

/**
 * The codes a file may use, and the names that stand for them: statistics-bureau tables name regions
 * ("Алматинская область") and countries rather than coding them, so names in the three languages are
 * accepted and turned into codes.
 */
public final class CodeBook {

    public static final String KAZAKHSTAN = "000000000";
    private static final Pattern AGE = Pattern.compile("_T|_U|Y\\d{1,3}T\\d{1,3}|Y_GE\\d{1,3}|Y_LT\\d{1,3}");
    private static final Set<String> TOTAL_WORDS = Set.of("kz", "kaz", "kazakhstan", "республика казахстан",
            "казахстан", "қазақстан", "қазақстан республикасы", "republic of kazakhstan", "всего", "барлығы",
            "total", "итого", "республика");

    /** Each KATO code's units over time (a code can be reused after a reform). */
    private final Map<String, List<Region>> regionsByKato = new HashMap<>();
    private final Map<String, String> regionByName = new HashMap<>();
    private final Set<String> occupations = new HashSet<>();
    private final Map<String, String> countryByKey = new HashMap<>();
    private final Map<String, Indicator> indicators = new HashMap<>();

    public CodeBook(List<Region> regions, List<Occupation> occupations, List<Country> countries,
                    List<Indicator> indicators) {
        for (Region r : regions) {
            regionsByKato.computeIfAbsent(r.kato(), k -> new java.util.ArrayList<>()).add(r);
            for (String n : List.of(r.names().kk(), r.names().ru(), r.names().en())) {
                regionByName.putIfAbsent(normalizeName(n), r.kato());
            }
        }
        occupations.forEach(o -> this.occupations.add(o.code()));
        for (Country c : countries) {
            countryByKey.put(c.iso2(), c.iso2());
            countryByKey.put(c.iso3(), c.iso2());
            for (String n : List.of(c.names().kk(), c.names().ru(), c.names().en())) {
                countryByKey.putIfAbsent(n.toLowerCase(Locale.ROOT), c.iso2());
            }
        }
        indicators.forEach(i -> this.indicators.put(i.code(), i));
    }

    public Optional<Indicator> indicator(String code) {
        return Optional.ofNullable(indicators.get(code.trim().toUpperCase(Locale.ROOT)));
    }

    /** The KATO code for a code or a name, or empty when unknown. */
    public Optional<String> region(String text) {
        String t = text.trim();
        if (t.isEmpty() || TOTAL_WORDS.contains(t.toLowerCase(Locale.ROOT)) || t.equals(KAZAKHSTAN)) {
            return Optional.of(KAZAKHSTAN);
        }
        if (isKato(t)) {
            return regionsByKato.containsKey(t) ? Optional.of(t) : Optional.empty();
        }
        return Optional.ofNullable(regionByName.get(normalizeName(t)));
    }

    /** Whether the unit existed at some time in the period: figures for 2022 use the units created in June. */
    public boolean regionExistsIn(String kato, Period period) {
        if (KAZAKHSTAN.equals(kato)) {
            return true;
        }
        List<Region> units = regionsByKato.get(kato);
        if (units == null) {
            return false;
        }
        LocalDate start = period.start();
        LocalDate end = period.end();
        for (Region r : units) {
            if (!r.validFrom().isAfter(end) && (r.validTo() == null || !r.validTo().isBefore(start))) {
                return true;
            }
        }
        return false;
    }

    /** Nine ASCII digits, as {@code \\d{9}} matches, without compiling a pattern for every row. */
    private static boolean isKato(String t) {
        if (t.length() != 9) {
            return false;
        }
        for (int i = 0; i < 9; i++) {
            char c = t.charAt(i);
            if (c < '0' || c > '9') {
                return false;
            }
        }
        return true;
    }

    public boolean occupation(String code) {
        return "_T".equals(code) || "_U".equals(code) || occupations.contains(code);
    }

    public static boolean education(String code) {
        return "_T".equals(code) || "_U".equals(code)
                || (code.length() == 1 && code.charAt(0) >= '0' && code.charAt(0) <= '8');
    }

    public Optional<String> country(String text) {
        String t = text.trim();
        if ("_T".equals(t) || "_U".equals(t)) {
            return Optional.of(t);
        }
        String key = t.length() <= 3 ? t.toUpperCase(Locale.ROOT) : t.toLowerCase(Locale.ROOT);
        return Optional.ofNullable(countryByKey.get(key));
    }

    public static Optional<String> sex(String text) {
        return switch (text.trim().toLowerCase(Locale.ROOT)) {
            case "m", "male", "men", "мужчины", "мужской", "ерлер", "ер" -> Optional.of("M");
            case "f", "female", "women", "женщины", "женский", "әйелдер", "әйел" -> Optional.of("F");
            case "_t", "t", "total", "всего", "барлығы", "оба пола" -> Optional.of("_T");
            default -> Optional.empty();
        };
    }

    public static boolean age(String code) {
        return AGE.matcher(code).matches();
    }

    public static Optional<String> flow(String text) {
        return switch (text.trim().toUpperCase(Locale.ROOT)) {
            case "EMI", "E", "EMIGRATION" -> Optional.of("EMI");
            case "IMM", "I", "IMMIGRATION" -> Optional.of("IMM");
            case "NET" -> Optional.of("NET");
            case "_Z", "" -> Optional.of("_Z");
            default -> Optional.empty();
        };
    }

    public static Optional<Character> status(String text) {
        String t = text.trim().toUpperCase(Locale.ROOT);
        if (t.isEmpty()) {
            return Optional.of('A');
        }
        return t.length() == 1 && "APEC".contains(t) ? Optional.of(t.charAt(0)) : Optional.empty();
    }

    /**
     * "Алматинская обл.", "Алматы облысы", "г. Алматы", "Almaty city" → comparable keys: words that only say
     * "region" are dropped, words that say "city" kept as one token (Almaty the city is not Almaty region), and
     * the words sorted, since Kazakh puts "қаласы" after the name and Russian puts "город" before it.
     */
    static String normalizeName(String name) {
        String cleaned = name.toLowerCase(Locale.ROOT).replace('ё', 'е')
                .replaceAll("[«»\"'().,]", " ").trim();
        List<String> words = new java.util.ArrayList<>();
        for (String w : cleaned.split("\\s+")) {
            switch (w) {
                case "область", "облысы", "обл", "region", "oblast", "" -> { }
                case "г", "город", "қаласы", "city", "қ" -> words.add("city");
                default -> words.add(w);
            }
        }
        java.util.Collections.sort(words);
        return String.join(" ", words);
    }
}
