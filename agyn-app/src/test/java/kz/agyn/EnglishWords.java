package kz.agyn;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.jsoup.nodes.Node;
import org.jsoup.nodes.TextNode;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The English words a reader of a Kazakh or Russian page would meet: in its text, its title, the texts of its
 * controls (titles, placeholders, labels for screen readers, button values) and of its charts (titles, axis and
 * series names, categories, legends, tooltip formats). Decision 0030 gives the rules; in short:
 *
 * <ul>
 *   <li>Proper names, codes, units and abbreviations in {@link #ALLOWED} are not English words.</li>
 *   <li>A text marked with its own language ({@code lang="en"}: a source's original title) is skipped, but it must
 *       sit next to a label in the page's language: the rest of its parent's text must have a Kazakh or Russian
 *       word.</li>
 *   <li>A link to the page in another language ({@code hreflang}) is named in that language ("English").</li>
 *   <li>A {@code <textarea>} holds what is typed into it, as an input's value does: not read.</li>
 *   <li>{@code <code>} holds codes (pseudonyms, KATO codes, a questionnaire's code): skipped.</li>
 *   <li>A word with a digit is a code (B1, S-000123, 2024Q1); a single letter is a symbol (n, x). Capitals
 *       (KZ-ABY, GERD), identifiers with an underscore (NET_MIGRATION) and lower-case slugs (synthetic-population,
 *       a user name) are codes; addresses, paths, file names and JSON samples are taken out before reading.</li>
 *   <li>{@code translate="no"} marks a name or title shown as written (a user name, a publisher, a citation, a
 *       reference, an employer): the HTML standard's way to say it is not to be translated.</li>
 * </ul>
 */
public final class EnglishWords {

    /**
     * Proper names (of the project, the programme, organisations, data sets, methods), codes of classifications,
     * currencies, units and file formats: words that stay as they are in every language.
     */
    public static final Set<String> ALLOWED = Set.of(
            // the observatory and the programme
            "Agyn", "Bolashak",
            // organisations and their data sets, named in their own spelling
            "UN", "DESA", "World", "Bank", "WDI", "OECD", "UNESCO", "UIS", "ILO", "ILOSTAT", "Eurostat", "IMF",
            "WIPO", "SDMX",
            // classifications and identifiers
            "ISCO", "ISCED", "KATO", "IIN", "ISO", "NUTS",
            // measures and currencies
            "GDP", "PPP", "KZT", "USD", "EUR", "RUB", "CI", "SE",
            // formats and interfaces shown as such
            "CSV", "XLSX", "PNG", "SVG", "JSON", "API", "OpenAPI", "HTTP", "HTTPS", "URL", "ID", "UTC", "Authorization",
            "Bearer", "Parquet",
            // the design columns of a survey's response file (docs/formats), named as the file must name them
            "stratum", "psu", "ssu",
            // a degree named so in Kazakh and Russian too
            "PhD",
            // names of methods and libraries
            "Kaplan", "Meier", "Wilson", "ECharts", "Stata", "Theta", "JDemetra",
            // the map's boundaries: the geokz project by A. Rodionov
            "geokz", "Rodionov",
            // the accounts the system itself creates and acts as
            "admin", "system",
            // the two values a yes-or-no key of a rule text takes, as the officer types them
            "true", "false");

    /**
     * What is code rather than words, taken out before the words are read: addresses, e-mail and domain names,
     * paths and file names, {@code package::function}, JSON samples and {@code key = value} samples of a rule text.
     */
    private static final Pattern CODE = Pattern.compile(String.join("|",
            "\\b(https?://|www\\.)\\S+", "\\S+@\\S+\\.\\w+",
            "\\b[\\w-]+(\\.[\\w-]+)*\\.(kz|org|com|int|net|gov)\\b",
            "[\\w./-]*\\.(csv|xlsx|json|md|xml|properties|geojson|txt|parquet)\\b", "(?<![\\w])/[\\w/…?=&.-]+",
            "\\w+::\\w+", "\\{[^{}]*(\\{[^{}]*\\})?[^{}]*\\}", "\\b[\\w.]+ = [\\w.,*]+"));
    /**
     * Codes and abbreviations: capitals (KZ-ABY, GERD, NET_MIGRATION), identifiers with "_", lower-case slugs
     * (synthetic-population) and camel case (honoursYearsLess, a key of a rule text).
     */
    private static final Pattern CODE_WORD = Pattern.compile(
            "[A-Z][A-Z0-9_-]*[A-Z0-9]|\\w*_\\w*|[a-z0-9]+(-[a-z0-9]+)+|[a-z]+[A-Z]\\w*");
    private static final Pattern WORD = Pattern.compile("[A-Za-z][A-Za-z0-9_'’-]*");
    private static final Pattern CYRILLIC = Pattern.compile("\\p{IsCyrillic}{2,}");
    private static final Set<String> ATTRIBUTES = Set.of("title", "placeholder", "aria-label", "alt");
    private static final JsonMapper JSON = JsonMapper.builder().build();

    private EnglishWords() {
    }

    /** Each English word found on the page (at most a few), with a little of its context. */
    public static List<String> in(Document doc, String lang) {
        Map<String, String> words = new LinkedHashMap<>();
        scan(doc.title(), words);
        Element body = doc.body();
        collect(body, lang, words);
        for (Element e : body.select("[title], [placeholder], [aria-label], [alt], input[type=submit][value], "
                + "input[type=button][value]")) {
            if (e.parents().stream().noneMatch(a -> "no".equals(a.attr("translate")) || foreign(a, lang) != null)
                    && !"no".equals(e.attr("translate")) && foreign(e, lang) == null) {
                for (String a : ATTRIBUTES) {
                    scan(e.attr(a), words);
                }
                if (e.tagName().equals("input")) {
                    scan(e.attr("value"), words);
                }
            }
        }
        for (Element chart : body.select("[data-option]")) {
            try {
                chartTexts(JSON.readTree(chart.attr("data-option")), null, words);
            } catch (RuntimeException e) {
                words.put("(chart option that is not JSON)", chart.id());
            }
        }
        return words.entrySet().stream().limit(12).map(e -> "«" + e.getKey() + "» in «" + e.getValue() + "»")
                .toList();
    }

    /** The texts of an element, leaving out code, scripts, and text marked as another language. */
    private static void collect(Element e, String lang, Map<String, String> words) {
        if (Set.of("script", "style", "code", "pre", "svg", "noscript", "textarea").contains(e.tagName())
                || e.hasAttr("hreflang") || "no".equals(e.attr("translate"))) {
            return;
        }
        String other = foreign(e, lang);
        if (other != null) {
            String label = "";
            if (e.parent() != null) {
                Element parent = e.parent().clone();
                parent.child(e.elementSiblingIndex()).remove();
                label = parent.text();
            }
            if (!CYRILLIC.matcher(label).find()) {
                words.put("(text in " + other + " without a label in " + lang + ")", e.text());
            }
            return;
        }
        for (Node n : e.childNodes()) {
            if (n instanceof TextNode t) {
                scan(t.text(), words);
            } else if (n instanceof Element child) {
                collect(child, lang, words);
            }
        }
    }

    /** The language an element is marked with, when it is not the page's, else null. */
    private static String foreign(Element e, String lang) {
        String own = e.attr("lang");
        return own.isEmpty() || own.equals(lang) || e.tagName().equals("html") ? null : own;
    }

    private static void chartTexts(JsonNode node, String key, Map<String, String> words) {
        if (node.isObject()) {
            for (Map.Entry<String, JsonNode> f : node.properties()) {
                chartTexts(f.getValue(), f.getKey(), words);
            }
        } else if (node.isArray()) {
            for (JsonNode n : node) {
                chartTexts(n, key, words);
            }
        } else if (node.isString() && key != null
                && Set.of("text", "subtext", "name", "data", "formatter").contains(key)) {
            scan(node.asString().replaceAll("\\{[^}]*}", " "), words);
        }
    }

    private static void scan(String text, Map<String, String> words) {
        if (text == null || text.isBlank()) {
            return;
        }
        String clean = CODE.matcher(text).replaceAll(" ");
        Matcher m = WORD.matcher(clean);
        while (m.find()) {
            String w = m.group().replaceAll("['’-]+$", "");
            if (w.length() == 1 || w.chars().anyMatch(Character::isDigit) || ALLOWED.contains(w)
                    || CODE_WORD.matcher(w).matches()) {
                continue;
            }
            if (!words.containsKey(w)) {
                int from = Math.max(0, m.start() - 30);
                int to = Math.min(clean.length(), m.end() + 30);
                words.put(w, clean.substring(from, to).strip().replaceAll("\\s+", " "));
            }
        }
    }

    /** Whether the text has a Kazakh or Russian word (for tests that check a label is there). */
    public static boolean hasCyrillic(String text) {
        return CYRILLIC.matcher(text).find();
    }
}
