package kz.agyn.warehouse.internal;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.text.Normalizer;
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

    // Before everything static: the tables below are keyed by nameKey while the class initialises.
    private static final Pattern MARKS = Pattern.compile("\\p{M}+");
    private static final Pattern FOOTNOTE_MARK = Pattern.compile("[*\u00B9\u00B2\u00B3\u2070-\u2079]+$");
    private static final Pattern SPACES = Pattern.compile("\\s+");

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
    /** Country names in every spelling Agyn knows, by {@link #nameKey}. */
    private final Map<String, String> countryByName = new HashMap<>();
    private final Map<String, Indicator> indicators = new HashMap<>();

    /** Publishers' names of countries (UN, World Bank, official Russian and Kazakh): ISO alpha-2 by name key. */
    private static final Map<String, String> COUNTRY_ALIASES = aliases();
    /** Groups of countries by code (M49, UN DESA, World Bank) and by name key: the label to report them by. */
    private static final Map<String, String> AGGREGATE_CODES = new HashMap<>();
    private static final Map<String, String> AGGREGATE_NAMES = new HashMap<>();

    static {
        for (String[] line : tsv("aggregates.tsv")) {
            String label = line[1] + " (" + line[0] + ")";
            AGGREGATE_CODES.put(line[0], label);
            AGGREGATE_NAMES.putIfAbsent(nameKey(line[1]), label);
        }
    }

    public CodeBook(List<Region> regions, List<Occupation> occupations, List<Country> countries,
                    List<Indicator> indicators) {
        for (Region r : regions) {
            regionsByKato.computeIfAbsent(r.kato(), k -> new java.util.ArrayList<>()).add(r);
            for (String n : List.of(r.names().kk(), r.names().ru(), r.names().en())) {
                regionByName.putIfAbsent(normalizeName(n), r.kato());
            }
        }
        occupations.forEach(o -> this.occupations.add(o.code()));
        Set<String> known = new HashSet<>();
        for (Country c : countries) {
            known.add(c.iso2());
            countryByKey.put(c.iso2(), c.iso2());
            countryByKey.put(c.iso3(), c.iso2());
            // UN M49 gives every country its ISO 3166-1 numeric code; publishers print it without leading zeros.
            countryByKey.put(Integer.toString(Integer.parseInt(c.numericCode())), c.iso2());
            for (String n : List.of(c.names().kk(), c.names().ru(), c.names().en())) {
                countryByName.putIfAbsent(nameKey(n), c.iso2());
            }
        }
        COUNTRY_ALIASES.forEach((name, iso2) -> {
            if (known.contains(iso2)) {
                countryByName.putIfAbsent(name, iso2);
            }
        });
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

    /**
     * The ISO alpha-2 code for a country given by its ISO code (alpha-2, alpha-3), its M49 numeric code or a name
     * in any spelling Agyn knows; empty when it is none of those (see {@link #aggregate} for groups).
     */
    public Optional<String> country(String text) {
        String t = text.trim();
        if ("_T".equals(t) || "_U".equals(t)) {
            return Optional.of(t);
        }
        if (isDigits(t) && t.length() <= 4) {
            return Optional.ofNullable(countryByKey.get(Integer.toString(Integer.parseInt(t))));
        }
        if (t.length() <= 3) {
            String code = countryByKey.get(t.toUpperCase(Locale.ROOT));
            if (code != null) {
                return Optional.of(code);
            }
        }
        return Optional.ofNullable(countryByName.get(nameKey(t)));
    }

    /**
     * When the text stands for a group of countries (WORLD, Central Asia, "954", "ECS"), how to name it in a
     * report: its name and code. A name that is also a country's ("Micronesia": the UN region, or the Federated
     * States) is returned too; the caller must then not guess.
     */
    public static Optional<String> aggregate(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.empty();
        }
        if (isDigits(t) && t.length() <= 4) {
            String n = Integer.toString(Integer.parseInt(t));
            String padded = n.length() < 3 ? "000".substring(n.length()) + n : n;
            return Optional.ofNullable(AGGREGATE_CODES.get(padded));
        }
        String code = AGGREGATE_CODES.get(t.toUpperCase(Locale.ROOT));
        if (code != null && t.length() == 3) {
            return Optional.of(code);
        }
        return Optional.ofNullable(AGGREGATE_NAMES.get(nameKey(t)));
    }

    private static boolean isDigits(String t) {
        if (t.isEmpty()) {
            return false;
        }
        for (int i = 0; i < t.length(); i++) {
            if (t.charAt(i) < '0' || t.charAt(i) > '9') {
                return false;
            }
        }
        return true;
    }

    /**
     * A name as publishers' spellings of it compare: without case, accents, curly apostrophes, a trailing
     * footnote mark ("Channel Islands*", "Kosovo¹") or the indentation UN tables use for their hierarchy.
     */
    static String nameKey(String name) {
        String t = MARKS.matcher(Normalizer.normalize(name.strip(), Normalizer.Form.NFD)).replaceAll("");
        t = t.replace('\u2019', '\'').replace('\u2018', '\'').replace('\u00A0', ' ');
        t = SPACES.matcher(FOOTNOTE_MARK.matcher(t).replaceAll("")).replaceAll(" ").strip();
        return t.toLowerCase(Locale.ROOT);
    }


    private static Map<String, String> aliases() {
        Map<String, String> out = new HashMap<>();
        for (String[] line : tsv("country-names.tsv")) {
            out.putIfAbsent(nameKey(line[1]), line[0]);
        }
        return Map.copyOf(out);
    }

    /** The lines of a tab-separated resource beside this class, comments and blank lines left out. */
    private static List<String[]> tsv(String name) {
        List<String[]> out = new java.util.ArrayList<>();
        try (InputStream in = CodeBook.class.getResourceAsStream(name)) {
            if (in == null) {
                throw new IllegalStateException("missing resource " + name);
            }
            BufferedReader r = new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8));
            for (String line; (line = r.readLine()) != null; ) {
                if (!line.isBlank() && !line.startsWith("#")) {
                    out.add(line.split("\t"));
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out;
    }

    /**
     * A sex code for a cell: a code or a word in Kazakh, Russian or English, as bureaus and the UN write it
     * ("both sexes combined", "males", "оба пола", "ерлер").
     */
    public static Optional<String> sex(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT);
        return switch (t) {
            case "m", "male", "males", "men", "мужчины", "мужской", "муж", "ерлер", "ер" -> Optional.of("M");
            case "f", "female", "females", "women", "женщины", "женский", "жен", "әйелдер", "әйел" ->
                    Optional.of("F");
            case "_t", "t", "total", "всего", "барлығы", "оба пола", "both sexes", "both sexes combined",
                 "екі жыныс", "екі жыныс та" -> Optional.of("_T");
            default -> Optional.empty();
        };
    }

    /**
     * The sex a column header names among other words ("International migrant stock at mid-year, males / 2020",
     * "2022 / Мужчины"), or null when it names none. Words are matched whole, so "females" is never "males".
     */
    public static String sexIn(String header) {
        Set<String> words = new HashSet<>(List.of(header.toLowerCase(Locale.ROOT).split("[^\\p{L}]+")));
        boolean both = (words.contains("both") && (words.contains("sexes") || words.contains("sex")))
                || (words.contains("оба") && words.contains("пола")) || (words.contains("екі")
                && words.contains("жыныс"));
        boolean male = words.contains("males") || words.contains("male") || words.contains("men")
                || words.contains("мужчины") || words.contains("ерлер");
        boolean female = words.contains("females") || words.contains("female") || words.contains("women")
                || words.contains("женщины") || words.contains("әйелдер");
        if (both || (male && female)) {
            return "_T";
        }
        return male ? "M" : female ? "F" : null;
    }

    public static boolean age(String code) {
        return AGE.matcher(code).matches();
    }

    private static final Pattern AGE_RANGE =
            Pattern.compile("(\\d{1,3})\\s*[-\u2013\u2014]\\s*(\\d{1,3})(?:\\s*(?:years|лет|года|жас|жастағы))?");
    private static final Pattern AGE_OVER = Pattern.compile("(\\d{1,3})\\s*(?:\\+|(?:years )?(?:and over|and older|or older|"
            + "plus)|(?:лет )?(?:и старше|и более)|(?:жас(?:тан)? )?(?:және одан жоғары|және одан асқан|асқан))");
    private static final Pattern AGE_UNDER = Pattern.compile("(?:under|less than|younger than|до|моложе|младше)\\s+"
            + "(\\d{1,3})(?:\\s*(?:years|лет|жас))?|(\\d{1,3})\\s*(?:жасқа дейін|жасқа толмаған)");

    /**
     * An SDMX age code for an age group as a bureau or the UN writes it: "0-4" → Y0T4, "25–34 лет" → Y25T34,
     * "65+" or "65 and over" → Y_GE65, "under 15" → Y_LT15, "all ages"/"всего" → _T; a code passes unchanged.
     */
    public static Optional<String> ageCode(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replaceAll("\\s+", " ");
        if (AGE.matcher(text.trim()).matches()) {
            return Optional.of(text.trim());
        }
        switch (t) {
            case "", "_t", "total", "all ages", "всего", "все возрасты", "барлығы", "барлық жастағы" -> {
                return Optional.of("_T");
            }
            case "unknown", "not stated", "неизвестно", "не указан", "белгісіз" -> {
                return Optional.of("_U");
            }
            default -> {
            }
        }
        java.util.regex.Matcher m = AGE_RANGE.matcher(t);
        if (m.matches()) {
            int from = Integer.parseInt(m.group(1));
            int to = Integer.parseInt(m.group(2));
            return from < to && to <= 120 ? Optional.of("Y" + from + "T" + to) : Optional.empty();
        }
        m = AGE_OVER.matcher(t);
        if (m.matches() && Integer.parseInt(m.group(1)) <= 120) {
            return Optional.of("Y_GE" + Integer.parseInt(m.group(1)));
        }
        m = AGE_UNDER.matcher(t);
        if (m.matches()) {
            String n = m.group(1) != null ? m.group(1) : m.group(2);
            return Integer.parseInt(n) <= 120 ? Optional.of("Y_LT" + Integer.parseInt(n)) : Optional.empty();
        }
        return Optional.empty();
    }

    /** The age group a column header names ("2020 / 25-29", "65+"), or null; totals are not taken from headers. */
    public static String ageIn(String header) {
        for (String part : header.split("/")) {
            String p = part.trim();
            if (p.isEmpty() || !Character.isDigit(p.charAt(0)) && !p.toLowerCase(Locale.ROOT).startsWith("under")
                    && !p.toLowerCase(Locale.ROOT).startsWith("до")) {
                continue;
            }
            Optional<String> code = ageCode(p);
            if (code.isPresent() && !code.get().startsWith("_")) {
                return code.get();
            }
        }
        return null;
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

    /**
     * An observation status as the source gives it: any SDMX CL_OBS_STATUS code (A, B, E, M, P, Q …) or an
     * agency's own short code (Eurostat's "na"); single letters in upper case, as SDMX writes them. Empty is A.
     */
    public static Optional<String> status(String text) {
        String t = text.trim();
        if (t.isEmpty()) {
            return Optional.of("A");
        }
        if (t.length() == 1) {
            t = t.toUpperCase(Locale.ROOT);
        }
        return STATUS.matcher(t).matches() ? Optional.of(t) : Optional.empty();
    }

    /** What wh_observation's check allows; also keeps tabs and backslashes out of COPY's text format. */
    private static final java.util.regex.Pattern STATUS = java.util.regex.Pattern.compile("[A-Za-z0-9_.:-]{1,10}");

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
