package kz.agyn.registry.incentives;

import java.math.BigDecimal;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

import kz.agyn.platform.problems.Problem;
import kz.agyn.registry.obligation.Sector;

/**
 * An incentive's parameters, read from its rule text ({@code key = value} lines, {@code #} comments).
 *
 * <ul>
 *   <li>{@code kind}: SALARY_SUPPLEMENT (the state pays {@code rate} times the salary) or TAX_EXEMPTION (the
 *       state forgoes {@code taxRate} of {@code taxBaseShare} of the salary: individual income tax is levied
 *       after the 10% mandatory pension contribution, hence 0.90).</li>
 *   <li>{@code durationYears}: for how long after the return (the latest return of the scholar's awards).</li>
 *   <li>{@code sectors}, {@code regions}: where the current job must be (sector codes, first-level KATO codes;
 *       {@code *} for any).</li>
 *   <li>{@code salaryBasis}: BAND (the monthly amount of the job's reported salary band, {@code band.B1} …
 *       {@code band.B5}, else the average) or AVERAGE ({@code averageMonthlySalaryKzt} for everyone).</li>
 *   <li>{@code source}, {@code averageSalarySource}, {@code bandSource}: where the measure and the amounts come
 *       from, shown next to the cost so no figure appears without its origin. Written in Kazakh, the default
 *       language; {@code source.ru}, {@code source.en} (and so on) give them in Russian and English, so that a page
 *       in one language does not cite a rule in another.</li>
 * </ul>
 */
public record IncentiveRule(Kind kind, BigDecimal rate, BigDecimal taxRate, BigDecimal taxBaseShare,
                            int durationYears, Set<String> sectors, Set<String> regions, Basis salaryBasis,
                            BigDecimal averageMonthlySalaryKzt, String averageSalarySource,
                            Map<String, BigDecimal> bands, String bandSource, String source,
                            Map<String, String> translations) {

    public enum Kind { SALARY_SUPPLEMENT, TAX_EXEMPTION }

    public enum Basis { BAND, AVERAGE }

    public static final List<String> BANDS = List.of("B1", "B2", "B3", "B4", "B5");

    /** Every key a rule text may have, in the order the rules editor shows them and writes new ones. */
    public static final List<String> KEYS = List.of("source", "source.ru", "source.en", "kind", "rate", "taxRate",
            "taxBaseShare", "durationYears", "sectors", "regions", "salaryBasis", "averageMonthlySalaryKzt",
            "averageSalarySource", "averageSalarySource.ru", "averageSalarySource.en", "band.B1", "band.B2",
            "band.B3", "band.B4", "band.B5", "bandSource", "bandSource.ru", "bandSource.en");

    /** The keys whose text is said in a language, each with its Russian and English variants. */
    public static final List<String> TEXTS = List.of("source", "averageSalarySource", "bandSource");

    /** The keys that apply to one kind of incentive only: the editor leaves out those of the other kind. */
    public static final Map<Kind, Set<String>> ONLY_FOR = Map.of(Kind.SALARY_SUPPLEMENT, Set.of("rate"),
            Kind.TAX_EXEMPTION, Set.of("taxRate", "taxBaseShare"));

    /**
     * A text of the rule ({@code source}, {@code averageSalarySource} or {@code bandSource}) in the reader's
     * language: its Russian or English variant when the rule has one, else the text as written (Kazakh).
     */
    public String text(String key, java.util.Locale locale) {
        String translated = translations.get(key + "." + locale.getLanguage());
        if (translated != null) {
            return translated;
        }
        return switch (key) {
            case "source" -> source;
            case "averageSalarySource" -> averageSalarySource;
            case "bandSource" -> bandSource;
            default -> throw new IllegalArgumentException(key);
        };
    }

    /** The share of the monthly salary the state pays or forgoes. */
    public BigDecimal annualShare() {
        return kind == Kind.SALARY_SUPPLEMENT ? rate : taxRate.multiply(taxBaseShare);
    }

    /** Whether a job in {@code sector} in the region with KATO {@code region} qualifies. */
    public boolean covers(String sector, String region) {
        return coversSector(sector) && coversRegion(region);
    }

    /** Whether a job in {@code sector} qualifies (every sector does when the rule names none). */
    public boolean coversSector(String sector) {
        return sectors.isEmpty() || sectors.contains(sector);
    }

    /** Whether a job in the region with KATO {@code region} qualifies (every region does when the rule names none). */
    public boolean coversRegion(String region) {
        return regions.isEmpty() || region != null && region.length() >= 2 && regions.contains(region.substring(0, 2));
    }

    /**
     * Reads and checks a rule text, reporting every problem with its line.
     *
     * @param currentRegions the KATO codes of today's first-level regions
     * @throws IncentiveRuleException listing the problems
     */
    public static IncentiveRule parse(String text, Set<String> currentRegions) {
        List<Problem> problems = new ArrayList<>();
        Map<String, String> values = new LinkedHashMap<>();
        Map<String, Integer> lines = new LinkedHashMap<>();
        int lineNo = 0;
        for (String raw : (text == null ? "" : text).split("\\R")) {
            lineNo++;
            String t = raw.strip();
            if (t.isEmpty() || t.startsWith("#")) {
                continue;
            }
            int eq = t.indexOf('=');
            if (eq <= 0) {
                problems.add(Problem.atLine(lineNo, "monitoring.rule.badLine", lineNo));
                continue;
            }
            String key = t.substring(0, eq).strip();
            if (!KEYS.contains(key)) {
                problems.add(Problem.atLine(lineNo, "monitoring.rule.unknownKey", lineNo, key));
            } else if (values.containsKey(key)) {
                problems.add(atKey(lineNo, key, "monitoring.rule.duplicateKey", lineNo, key));
            } else {
                values.put(key, t.substring(eq + 1).strip());
                lines.put(key, lineNo);
            }
        }
        Reader r = new Reader(values, lines, problems);
        Kind kind = r.option("kind", Kind.class, null, "monitoring.rule.badKind");
        BigDecimal rate = null;
        BigDecimal taxRate = null;
        BigDecimal taxBase = null;
        if (kind == Kind.SALARY_SUPPLEMENT) {
            rate = r.number("rate", null, BigDecimal.ZERO, BigDecimal.ONE);
            r.notFor("taxRate", kind);
            r.notFor("taxBaseShare", kind);
        } else if (kind == Kind.TAX_EXEMPTION) {
            taxRate = r.number("taxRate", null, BigDecimal.ZERO, BigDecimal.ONE);
            taxBase = r.number("taxBaseShare", BigDecimal.ONE, BigDecimal.ZERO, BigDecimal.ONE);
            r.notFor("rate", kind);
        }
        BigDecimal years = r.number("durationYears", null, BigDecimal.ONE, BigDecimal.TEN);
        if (years != null && years.stripTrailingZeros().scale() > 0) {
            r.problem("durationYears", "monitoring.rule.outOfRange", "durationYears", 1, 10);
        }
        Set<String> sectors = new LinkedHashSet<>();
        for (String s : r.list("sectors")) {
            try {
                sectors.add(Sector.valueOf(s).name());
            } catch (IllegalArgumentException e) {
                r.problem("sectors", "monitoring.rule.badSector", s);
            }
        }
        Set<String> regions = new LinkedHashSet<>();
        for (String s : r.list("regions")) {
            if (currentRegions.contains(s)) {
                regions.add(s.substring(0, 2));
            } else {
                r.problem("regions", "monitoring.rule.badRegion", s);
            }
        }
        Basis basis = r.option("salaryBasis", Basis.class, Basis.AVERAGE, "monitoring.rule.badBasis");
        BigDecimal average = r.number("averageMonthlySalaryKzt", null, BigDecimal.ONE, new BigDecimal("100000000"));
        String averageSource = r.text("averageSalarySource", true);
        Map<String, BigDecimal> bands = new LinkedHashMap<>();
        for (String b : BANDS) {
            BigDecimal v = r.number("band." + b, BigDecimal.ZERO, BigDecimal.ZERO, new BigDecimal("100000000"));
            if (v != null && v.signum() > 0) {
                bands.put(b, v);
            }
        }
        String bandSource = r.text("bandSource", basis == Basis.BAND);
        String source = r.text("source", true);
        Map<String, String> translations = new LinkedHashMap<>();
        for (String key : TEXTS) {
            for (String lang : List.of("ru", "en")) {
                String v = r.text(key + "." + lang, false);
                if (v != null) {
                    translations.put(key + "." + lang, v);
                }
            }
        }
        if (!problems.isEmpty()) {
            throw new IncentiveRuleException(problems);
        }
        return new IncentiveRule(kind, rate, taxRate, taxBase, years.intValue(), Set.copyOf(sectors),
                Set.copyOf(regions), basis, average, averageSource, Map.copyOf(bands), bandSource, source,
                Map.copyOf(translations));
    }

    /**
     * A problem at a line that also names its key (as the problem's column), so that the rules editor can show it
     * next to the key's field; the line stays for those who send the text itself.
     */
    private static Problem atKey(long line, String key, String code, Object... args) {
        Problem p = Problem.atLine(line, code, args);
        return new Problem(null, null, p.row(), 0, key, p.code(), p.args());
    }

    /**
     * The values of a rule text by key, as written (the first of a repeated key), without checking them: what the
     * rules editor fills its fields with, even when the stored text no longer validates.
     */
    public static Map<String, String> values(String text) {
        Map<String, String> values = new LinkedHashMap<>();
        for (String raw : (text == null ? "" : text).split("\\R")) {
            String t = raw.strip();
            int eq = t.indexOf('=');
            if (!t.startsWith("#") && eq > 0) {
                values.putIfAbsent(t.substring(0, eq).strip(), t.substring(eq + 1).strip());
            }
        }
        return values;
    }

    /**
     * The rule text with the editor's values in place of the old ones: comments and the order of lines are kept, a
     * key given no value is left out, a key new to the text is added at the end, and lines the editor cannot show
     * (unknown keys, repeated keys, lines without "=") are dropped, since the fields are now the whole rule.
     */
    public static String withValues(String text, Map<String, String> values) {
        StringBuilder out = new StringBuilder();
        Set<String> written = new LinkedHashSet<>();
        for (String raw : (text == null ? "" : text).split("\\R")) {
            String t = raw.strip();
            int eq = t.indexOf('=');
            if (t.isEmpty() || t.startsWith("#")) {
                out.append(raw.stripTrailing()).append('\n');
                continue;
            }
            String key = eq > 0 ? t.substring(0, eq).strip() : null;
            if (key == null || !KEYS.contains(key) || !written.add(key)) {
                continue;
            }
            line(out, key, values.get(key));
        }
        for (String key : KEYS) {
            if (!written.contains(key)) {
                line(out, key, values.get(key));
            }
        }
        return out.toString().strip() + "\n";
    }

    private static void line(StringBuilder out, String key, String value) {
        String v = value == null ? "" : value.replaceAll("\\s+", " ").strip();
        if (!v.isEmpty()) {
            out.append(key).append(" = ").append(v).append('\n');
        }
    }

    /** Reads values by key, collecting problems with the key's line instead of stopping at the first. */
    private record Reader(Map<String, String> values, Map<String, Integer> lines, List<Problem> problems) {

        int line(String key) {
            return lines.getOrDefault(key, 0);
        }

        void problem(String key, String code, Object... args) {
            Object[] all = new Object[args.length + 1];
            all[0] = line(key);
            System.arraycopy(args, 0, all, 1, args.length);
            problems.add(atKey(line(key), key, code, all));
        }

        String text(String key, boolean required) {
            String v = values.get(key);
            if ((v == null || v.isEmpty()) && required) {
                problems.add(atKey(0, key, "monitoring.rule.missingKey", key));
                return null;
            }
            return v == null || v.isEmpty() ? null : v;
        }

        BigDecimal number(String key, BigDecimal fallback, BigDecimal min, BigDecimal max) {
            String v = values.get(key);
            if (v == null || v.isEmpty()) {
                if (fallback == null) {
                    problems.add(atKey(0, key, "monitoring.rule.missingKey", key));
                }
                return fallback;
            }
            BigDecimal n;
            try {
                n = new BigDecimal(v.replace("_", "").replace(" ", ""));
            } catch (NumberFormatException e) {
                problem(key, "monitoring.rule.notNumber", key, v);
                return fallback;
            }
            if (n.compareTo(min) < 0 || n.compareTo(max) > 0) {
                problem(key, "monitoring.rule.outOfRange", key, min.toPlainString(), max.toPlainString());
                return fallback;
            }
            return n;
        }

        <E extends Enum<E>> E option(String key, Class<E> type, E fallback, String badCode) {
            String v = values.get(key);
            if (v == null || v.isEmpty()) {
                if (fallback == null) {
                    problems.add(atKey(0, key, "monitoring.rule.missingKey", key));
                }
                return fallback;
            }
            try {
                return Enum.valueOf(type, v);
            } catch (IllegalArgumentException e) {
                problem(key, badCode);
                return fallback;
            }
        }

        List<String> list(String key) {
            String v = values.get(key);
            if (v == null || v.isEmpty() || v.equals("*")) {
                return List.of();
            }
            return List.of(v.split("\\s*,\\s*"));
        }

        void notFor(String key, Kind kind) {
            if (values.containsKey(key)) {
                problem(key, "monitoring.rule.notForKind", key, kind.name());
            }
        }
    }
}
