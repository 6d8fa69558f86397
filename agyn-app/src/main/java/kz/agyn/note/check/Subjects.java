package kz.agyn.note.check;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

import kz.agyn.note.check.FigureExtractor.Sentence;
import kz.agyn.note.check.Subject.Concept;

/**
 * What a figure is about, from the words around it, in kk, ru and en. Small word lists, not a language model:
 * what they do not know, they leave NONE, and a figure with no concept is compared with nothing (a missed
 * contradiction is better than an invented one). Decision 0045.
 */
final class Subjects {

    private Subjects() {
    }

    private static final int FLAGS = Pattern.UNICODE_CASE | Pattern.CASE_INSENSITIVE;

    /** Concept words; the order breaks ties (negative return before return). */
    private static final Map<Concept, Pattern> CONCEPTS = new LinkedHashMap<>();

    static {
        CONCEPTS.put(Concept.NOT_RETURNED, Pattern.compile(
                "орал(?:ма|мa)\\p{L}*|оралуды\\s+жоспарлама\\p{L}*|шетелде\\s+қал\\p{L}*|не\\s+вернул\\p{L}*|"
                        + "не\\s+возвращ\\p{L}*|невозвращ\\p{L}*|остал\\p{L}*\\s+за\\s+рубежом|остаются\\s+за\\s+рубежом|"
                        + "(?:did\\s+)?not\\s+return\\p{L}*|stay\\p{L}*\\s+abroad|remain\\p{L}*\\s+abroad", FLAGS));
        CONCEPTS.put(Concept.RETURNED, Pattern.compile(
                "(?<!\\p{L})орал(?!ма)\\p{L}*|(?<!не\\s)вернул\\p{L}*|(?<!не\\s)возвращ\\p{L}*|(?<!not\\s)return\\p{L}*",
                FLAGS));
        CONCEPTS.put(Concept.EMIGRANTS, Pattern.compile(
                "(?<!\\p{L})кет(?:кен|ті|у|уі|уге|уді|кендер)\\p{L}*|эмигра\\p{L}*|emigra\\p{L}*|уеха[лв]\\p{L}*|выеха[лв]\\p{L}*|покинул\\p{L}*|"
                        + "выбыл\\p{L}*|left\\s+(?:the\\s+country|kazakhstan)|(?<!\\p{L})left(?!\\p{L})", FLAGS));
        CONCEPTS.put(Concept.SCHOLARS, Pattern.compile(
                "стипенди\\p{L}*|scholar\\p{L}*|студент\\p{L}*|student\\p{L}*|түлек\\p{L}*|выпускник\\p{L}*|"
                        + "graduate\\p{L}*", FLAGS));
        CONCEPTS.put(Concept.PUBLIC_SECTOR, Pattern.compile(
                "мемлекеттік\\s+сектор\\p{L}*|госсектор\\p{L}*|государственн\\p{L}*\\s+сектор\\p{L}*|public\\s+sector",
                FLAGS));
        CONCEPTS.put(Concept.PRIVATE_SECTOR, Pattern.compile(
                "жеке\\s+сектор\\p{L}*|частн\\p{L}*\\s+сектор\\p{L}*|private\\s+sector", FLAGS));
        CONCEPTS.put(Concept.RESEARCH, Pattern.compile(
                "ғылыми-зерттеу\\p{L}*|ғылыми\\s+зерттеу\\p{L}*|ғылым\\s+мен\\s+зерттеу\\p{L}*|ҒЗТҚЖ\\p{L}*|"
                        + "исследован\\p{L}*|НИОКР|наук\\p{L}*|research(?!er)|R&D", FLAGS));
        CONCEPTS.put(Concept.PAY, Pattern.compile(
                "жалақы\\p{L}*|зарплат\\p{L}*|заработн\\p{L}*|salar\\p{L}*|wage\\p{L}*|(?<!\\p{L})pay(?!\\p{L})", FLAGS));
        CONCEPTS.put(Concept.COST, Pattern.compile("шығын\\p{L}*|потер\\p{L}*|ущерб\\p{L}*|(?<!\\p{L})cost\\p{L}*|"
                + "(?<!\\p{L})loss\\p{L}*", FLAGS));
    }

    private static final Map<String, Pattern> COUNTRIES = new LinkedHashMap<>();

    static {
        COUNTRIES.put("KZ", Pattern.compile("қазақстан\\p{L}*|казахстан\\p{L}*|kazakhstan\\p{L}*", FLAGS));
        COUNTRIES.put("RU", Pattern.compile("ресей\\p{L}*|росси\\p{L}*|russia\\p{L}*", FLAGS));
        COUNTRIES.put("US", Pattern.compile("АҚШ\\p{L}*|США|(?<!\\p{L})US(?!\\p{L})|united\\s+states|америк\\p{L}*", FLAGS));
        COUNTRIES.put("DE", Pattern.compile("германи\\p{L}*|german\\p{L}*|немец\\p{L}*|немецк\\p{L}*", FLAGS));
        COUNTRIES.put("EU", Pattern.compile("еуропа\\p{L}*|европ\\p{L}*|europe\\p{L}*", FLAGS));
        COUNTRIES.put("KR", Pattern.compile("корея\\p{L}*|корее|korea\\p{L}*", FLAGS));
        COUNTRIES.put("JP", Pattern.compile("жапония\\p{L}*|япони\\p{L}*|japan\\p{L}*", FLAGS));
        COUNTRIES.put("WORLD", Pattern.compile("әлем\\p{L}*|мир\\p{L}*|world\\p{L}*|global\\p{L}*|дамыған\\s+ел\\p{L}*|"
                + "развит\\p{L}*\\s+стран\\p{L}*|developed\\s+countr\\p{L}*", FLAGS));
    }

    private static final Map<String, Pattern> QUALIFIERS = new LinkedHashMap<>();

    static {
        QUALIFIERS.put("BOLASHAK", Pattern.compile("болашақ|болашак|bolashak", FLAGS));
        QUALIFIERS.put("MEDICAL", Pattern.compile("медицин\\p{L}*|дәрігер\\p{L}*|врач\\p{L}*|medical|doctor\\p{L}*|nurse\\p{L}*",
                FLAGS));
        QUALIFIERS.put("TEACHERS", Pattern.compile("оқытушы\\p{L}*|преподавател\\p{L}*|lecturer\\p{L}*|teacher\\p{L}*|"
                + "faculty", FLAGS));
        // A sum per person is not a total: "1.2 million per specialist" and "2.5 trillion over ten years" agree.
        QUALIFIERS.put("PER_PERSON", Pattern.compile("per\\s+(?:specialist|person|capita|head|graduate|emigrant)|"
                + "на\\s+одного|на\\s+душу|бір\\s+(?:адам|маман|түлек)\\p{L}*|жан\\s+басына", FLAGS));
        QUALIFIERS.put("REASONS", Pattern.compile("себеп\\p{L}*|причин\\p{L}*|reason\\p{L}*", FLAGS));
        // A region's figure is not the country's: "1 006 left the region" neither contradicts the country's 30 946 nor
        // is checked against it (the warehouse link is for the country's figures only).
        QUALIFIERS.put("REGIONAL", Pattern.compile("өңір\\p{L}*|облыс\\p{L}*|област\\p{L}*|регион\\p{L}*|"
                + "\\bregions?\\b|\\bregional\\b", FLAGS));
        QUALIFIERS.put("RESEARCHERS", Pattern.compile("ғылыми\\s+қызметкер\\p{L}*|научн\\p{L}*\\s+сотрудник\\p{L}*|"
                + "researchers|scientists", FLAGS));
    }

    private static final Pattern PROGRAMME = Pattern.compile("бағдарлама\\p{L}*|программ\\p{L}*|programme\\p{L}*",
            FLAGS);
    private static final Pattern GDP = Pattern.compile("ЖІӨ\\p{L}*|ВВП|GDP", FLAGS);
    private static final Pattern YEAR = Pattern.compile("(?<![\\d.,])(19|20)\\d\\d(?![\\d%])");
    private static final Pattern RESPECTIVELY = Pattern.compile("сәйкесінше|соответственно|respectively", FLAGS);
    private static final Pattern PROPOSAL = Pattern.compile(
            "ұсыныл\\p{L}*|ұсынамыз|арттыру\\p{L}*|көтеру\\p{L}*|жоспарлан\\p{L}*|предлага\\p{L}*|предлож\\p{L}*|"
                    + "увеличить|повысить|планиру\\p{L}*|propos\\p{L}*|recommend\\p{L}*|(?:raise|increase)\\p{L}*\\s+(?:it\\s+)?to|"
                    + "planned|target\\p{L}*", FLAGS);
    private static final Pattern CONTRAST = Pattern.compile(
            ",\\s(?:бірақ|алайда|ал|но|однако|а|but|while|whereas)\\s", FLAGS);
    private static final Pattern CLAUSE_END = Pattern.compile("[,;:]\\s|\\s[–—-]\\s|[()]");

    static Subject of(FigureKind kind, String currency, String paragraph, Sentence sentence, int figStart,
                      int figEnd, String cellContext, String tableTitle) {
        String s = sentence.text();
        int[] clause = clause(s, figStart, figEnd);
        String clauseText = s.substring(clause[0], clause[1]);
        int relStart = figStart - clause[0];
        int relEnd = figEnd - clause[0];
        // "түлектердің 10%-ы" is 10% OF the graduates: for a share the people named are its base, not its subject.
        // Money is never a count of people: the people near it are whom it is paid to or lost with.
        Set<Concept> excluded = switch (kind) {
            case PERCENT -> Set.of(Concept.SCHOLARS);
            case MONEY -> Set.of(Concept.SCHOLARS, Concept.EMIGRANTS, Concept.RETURNED, Concept.NOT_RETURNED);
            default -> Set.of();
        };
        Concept concept = FigureExtractor.nearest(CONCEPTS, excluded, clauseText, relStart, relEnd);
        int[] enclosing = enclosing(s, clause[0]);
        String enclosingText = enclosing == null ? "" : s.substring(enclosing[0], enclosing[1]);
        if (concept == Concept.NONE && enclosing != null) {
            concept = FigureExtractor.nearest(CONCEPTS, excluded, enclosingText, enclosingText.length(), enclosingText.length());
        }
        if (concept == Concept.NONE && !cellContext.isEmpty()) {
            concept = FigureExtractor.nearest(CONCEPTS, excluded, cellContext, 0, 0);
        }
        String measure = switch (kind) {
            case PERCENT -> GDP.matcher(clauseText + " " + enclosingText).find() ? "PERCENT_GDP" : "PERCENT";
            case MONEY -> "MONEY_" + currency;
            default -> kind.name();
        };
        String country = country(clauseText);
        if (country == null && enclosing != null) {
            country = country(enclosingText);
        }
        if (country == null && !cellContext.isEmpty()) {
            country = country(cellContext);
        }
        if (country == null) {
            country = "KZ"; // a note on Kazakhstan speaks of Kazakhstan unless it names another country
        }
        if (RESPECTIVELY.matcher(s).find() || "?".equals(country)) {
            country = null; // "4.3% and 3.3% respectively": which figure is whose is not for a word list
        }
        Set<String> qualifiers = new TreeSet<>();
        String scope = s + " " + cellContext + " " + tableTitle;
        QUALIFIERS.forEach((q, p) -> {
            if (p.matcher(scope).find()) {
                qualifiers.add(q);
            }
        });
        if (!qualifiers.contains("BOLASHAK") && PROGRAMME.matcher(s).find()
                && QUALIFIERS.get("BOLASHAK").matcher(paragraph).find()) {
            qualifiers.add("BOLASHAK");
        }
        if (concept == Concept.RESEARCH && kind == FigureKind.MONEY) {
            qualifiers.remove("RESEARCHERS");
        }
        String period = period(kind, s, clauseText, relStart, relEnd, figStart, cellContext);
        return new Subject(concept, measure, country, qualifiers, period, nearbyWords(clauseText, relStart, relEnd));
    }

    /** A proposal or plan ("raise to 260,000", "50 jobs are planned"), unless it is a baseline in brackets with a year. */
    /** A table of scenarios or forecasts, by its caption: its figures are projections (Figure.Role). */
    private static final Pattern PROJECTIONS = Pattern.compile("сценари\\p{L}*|scenario\\p{L}*|болжам\\p{L}*|"
            + "прогноз\\p{L}*|forecast\\p{L}*|projection\\p{L}*", FLAGS);

    static boolean isProjection(String tableTitle) {
        return tableTitle != null && PROJECTIONS.matcher(tableTitle).find();
    }

    static boolean isTarget(String paragraph, Sentence sentence, int start) {
        String s = sentence.text();
        int rel = start - sentence.start();
        int[] parens = parens(s, rel);
        if (parens != null && YEAR.matcher(s.substring(parens[0], parens[1])).find()) {
            return false;
        }
        // The clause of the proposal: a contrast ("but", "бірақ") separates a stated fact from a proposal.
        int from = 0;
        int to = s.length();
        Matcher contrast = CONTRAST.matcher(s);
        while (contrast.find()) {
            if (contrast.end() <= rel) {
                from = contrast.end();
            } else {
                to = Math.min(to, contrast.start());
            }
        }
        return PROPOSAL.matcher(s.substring(from, to)).find();
    }

    private static String period(FigureKind kind, String s, String clauseText, int relStart, int relEnd,
                                 int figStart, String cellContext) {
        if (kind == FigureKind.YEAR) {
            return null;
        }
        int[] parens = parens(s, figStart);
        if (parens != null) {
            String y = singleYear(s.substring(parens[0], parens[1]), figStart - parens[0], -1);
            if (y != null) {
                return y;
            }
        }
        String y = singleYear(clauseText, relStart, relEnd);
        if (y == null) {
            y = singleYear(s, figStart, -1);
        }
        if (y == null && !cellContext.isEmpty()) {
            y = singleYear(cellContext, -1, -1);
        }
        return y;
    }

    /** The one year a piece of text names (other than the figure itself), or null for none or several. */
    private static String singleYear(String text, int figStart, int figEnd) {
        Set<String> years = new TreeSet<>();
        Matcher m = YEAR.matcher(text);
        while (m.find()) {
            if (m.start() != figStart) {
                years.add(m.group());
            }
        }
        return years.size() == 1 ? years.iterator().next() : null;
    }

    private static String country(String text) {
        Map<Integer, String> found = new java.util.TreeMap<>();
        COUNTRIES.forEach((c, p) -> {
            Matcher m = p.matcher(text);
            if (m.find()) {
                found.put(m.start(), c);
            }
        });
        if (found.isEmpty()) {
            return null;
        }
        Set<String> distinct = new TreeSet<>(found.values());
        distinct.remove("KZ");
        if (distinct.isEmpty()) {
            return "KZ";
        }
        return distinct.size() == 1 ? distinct.iterator().next() : "?";
    }

    /** The clause of the sentence holding the figure: between commas, dashes and brackets. */
    private static int[] clause(String s, int figStart, int figEnd) {
        int from = 0;
        int to = s.length();
        Matcher m = CLAUSE_END.matcher(s);
        while (m.find()) {
            if (m.end() <= figStart) {
                from = m.end();
            } else if (m.start() >= figEnd) {
                to = m.start();
                break;
            }
        }
        return new int[] {from, to};
    }

    /** The brackets around a position, or null. */
    private static int[] parens(String s, int pos) {
        int open = s.lastIndexOf('(', pos);
        if (open < 0) {
            return null;
        }
        int close = s.indexOf(')', open);
        if (close >= 0 && close < pos) {
            return null;
        }
        return new int[] {open + 1, close < 0 ? s.length() : close};
    }

    /** For a clause in brackets, the clause the brackets stand in. */
    private static int[] enclosing(String s, int clauseStart) {
        int[] p = parens(s, clauseStart);
        if (p == null || p[0] - 1 <= 0) {
            return null;
        }
        return clause(s, p[0] - 2, p[0] - 1);
    }

    private static List<String> nearbyWords(String clause, int relStart, int relEnd) {
        List<String> out = new ArrayList<>();
        for (int[] w : FigureExtractor.words(clause)) {
            String word = clause.substring(w[0], w[1]).toLowerCase(Locale.ROOT);
            if (word.length() >= 4 && out.size() < 6 && (w[1] <= relStart || w[0] >= relEnd)) {
                out.add(word);
            }
        }
        return out;
    }
}
