package kz.agyn.scenario;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * A scenario's levers as Agyn stores, shows and reads them (the JSON of docs/formats/scenario.md); {@code null}
 * leaves a lever at its baseline. Money in KZT a year, rates as fractions. The engine's own {@code Levers} are made
 * from these when a run starts, so that a stored scenario never depends on the engine's classes.
 *
 * @param payChanges              pay changes, applied in order
 * @param researchBudgetKzt       the research budget a year (baseline 5 bn KZT)
 * @param researchJobs            research positions (baseline from the context)
 * @param returneeSupplementShare a pay supplement for returning specialists and scholars, a share of pay (0.20)
 * @param returneeSupplementYears for how many years the supplement is paid
 * @param taxHolidayYears         years free of income tax for returnees
 * @param housingSupportKzt       housing support per returnee, KZT a year
 * @param partnerships            agreements with foreign universities (baseline 10)
 * @param fairnessIndex           fairness in hiring, 0 to 1
 */
public record ScenarioLevers(List<PayRaise> payChanges, Double researchBudgetKzt, Integer researchJobs,
                             Double returneeSupplementShare, Integer returneeSupplementYears,
                             Integer taxHolidayYears, Double housingSupportKzt, Integer partnerships,
                             Double fairnessIndex) {

    /** The names a scenario file may use, in the order the form shows them. */
    public static final List<String> LEVERS = List.of("payChanges", "researchBudgetKzt", "researchJobs",
            "returneeSupplement", "taxHolidayYears", "housingSupportKzt", "partnerships", "fairnessIndex");
    /** Sectors as the engine names them. */
    public static final List<String> SECTORS = List.of("PUBLIC", "PRIVATE", "RESEARCH", "EDUCATION");

    static final double MAX_BUDGET_KZT = 1e13;
    static final double MAX_PAY_CHANGE = 5.0;

    private static final JsonMapper JSON = JsonMapper.builder().build();
    private static final Set<String> PAY_FIELDS = Set.of("sector", "isco", "change", "fromYear");
    private static final Set<String> SUPPLEMENT_FIELDS = Set.of("share", "years");

    public ScenarioLevers {
        payChanges = payChanges == null ? List.of() : List.copyOf(payChanges);
    }

    /** The baseline: every lever where it is. */
    public static ScenarioLevers none() {
        return new ScenarioLevers(List.of(), null, null, null, null, null, null, null, null);
    }

    /** True when no lever is moved. */
    public boolean isBaseline() {
        return equals(none());
    }

    /** Every problem of these levers; empty when they can be run. */
    public List<LeverProblem> problems() {
        List<LeverProblem> out = new ArrayList<>();
        for (int i = 0; i < payChanges.size(); i++) {
            PayRaise p = payChanges.get(i);
            String f = "payChanges[" + i + "].";
            if (!(p.change() > -1)) {
                out.add(new LeverProblem(f + "change", "scenario.invalid.payBelow100"));
            } else if (p.change() > MAX_PAY_CHANGE) {
                out.add(new LeverProblem(f + "change", "scenario.invalid.payTooHigh"));
            }
            if (p.sector() != null && !SECTORS.contains(p.sector())) {
                out.add(new LeverProblem(f + "sector", "scenario.invalid.sector", p.sector()));
            }
            if (p.isco() != null && (p.isco() < 0 || p.isco() > 9)) {
                out.add(new LeverProblem(f + "isco", "scenario.invalid.isco", p.isco()));
            }
            if (p.fromYear() != null && (p.fromYear() < 2000 || p.fromYear() > 2100)) {
                out.add(new LeverProblem(f + "fromYear", "scenario.invalid.year", p.fromYear()));
            }
        }
        money(out, "researchBudgetKzt", researchBudgetKzt);
        money(out, "housingSupportKzt", housingSupportKzt);
        count(out, "researchJobs", researchJobs, 1_000_000);
        count(out, "partnerships", partnerships, 10_000);
        count(out, "taxHolidayYears", taxHolidayYears, 20);
        if ((returneeSupplementShare == null) != (returneeSupplementYears == null)) {
            out.add(new LeverProblem("returneeSupplement", "scenario.invalid.supplementBoth"));
        }
        if (returneeSupplementShare != null && !(returneeSupplementShare >= 0 && returneeSupplementShare <= 1)) {
            out.add(new LeverProblem("returneeSupplement.share", "scenario.invalid.share"));
        }
        if (returneeSupplementYears != null && (returneeSupplementYears < 1 || returneeSupplementYears > 20)) {
            out.add(new LeverProblem("returneeSupplement.years", "scenario.invalid.years", 1, 20));
        }
        if (fairnessIndex != null && !(fairnessIndex >= 0 && fairnessIndex <= 1)) {
            out.add(new LeverProblem("fairnessIndex", "scenario.invalid.fairness"));
        }
        return out;
    }

    /** Throws every problem at once, if there is any. */
    public ScenarioLevers validated() {
        List<LeverProblem> p = problems();
        if (!p.isEmpty()) {
            throw new ScenarioException(p);
        }
        return this;
    }

    private static void money(List<LeverProblem> out, String field, Double value) {
        if (value == null) {
            return;
        }
        if (!(value >= 0)) {
            out.add(new LeverProblem(field, "scenario.invalid.negativeMoney"));
        } else if (value > MAX_BUDGET_KZT) {
            out.add(new LeverProblem(field, "scenario.invalid.moneyTooHigh"));
        }
    }

    private static void count(List<LeverProblem> out, String field, Integer value, int max) {
        if (value != null && (value < 0 || value > max)) {
            out.add(new LeverProblem(field, "scenario.invalid.count", 0, max));
        }
    }

    /** The levers as the JSON of a scenario file's {@code levers} (and of the database): only the levers moved. */
    public String toJson() {
        return JSON.writeValueAsString(toMap());
    }

    /** As {@link #toJson()}, as a map (for an answer of the API). */
    public Map<String, Object> toMap() {
        Map<String, Object> m = new LinkedHashMap<>();
        if (!payChanges.isEmpty()) {
            List<Map<String, Object>> pays = new ArrayList<>();
            for (PayRaise p : payChanges) {
                Map<String, Object> pm = new LinkedHashMap<>();
                if (p.sector() != null) {
                    pm.put("sector", p.sector());
                }
                if (p.isco() != null) {
                    pm.put("isco", p.isco());
                }
                pm.put("change", p.change());
                if (p.fromYear() != null) {
                    pm.put("fromYear", p.fromYear());
                }
                pays.add(pm);
            }
            m.put("payChanges", pays);
        }
        putIf(m, "researchBudgetKzt", researchBudgetKzt);
        putIf(m, "researchJobs", researchJobs);
        if (returneeSupplementShare != null || returneeSupplementYears != null) {
            Map<String, Object> s = new LinkedHashMap<>();
            putIf(s, "share", returneeSupplementShare);
            putIf(s, "years", returneeSupplementYears);
            m.put("returneeSupplement", s);
        }
        putIf(m, "taxHolidayYears", taxHolidayYears);
        putIf(m, "housingSupportKzt", housingSupportKzt);
        putIf(m, "partnerships", partnerships);
        putIf(m, "fairnessIndex", fairnessIndex);
        return m;
    }

    private static void putIf(Map<String, Object> m, String key, Object value) {
        if (value != null) {
            m.put(key, value);
        }
    }

    /** Reads levers from their JSON text; a lever Agyn does not know, or a value of the wrong kind, is refused. */
    public static ScenarioLevers parse(String json) {
        JsonNode node;
        try {
            node = JSON.readTree(json);
        } catch (JacksonException e) {
            throw new ScenarioException(List.of(new LeverProblem(null, "scenario.invalid.json")));
        }
        return of(node);
    }

    /** Reads levers from a JSON object (a scenario file's {@code levers}, a request's body); see {@link #parse}. */
    public static ScenarioLevers of(JsonNode node) {
        List<LeverProblem> problems = new ArrayList<>();
        if (node == null || node.isNull()) {
            return none();
        }
        if (!node.isObject()) {
            throw new ScenarioException(List.of(new LeverProblem("levers", "scenario.invalid.notObject", "levers")));
        }
        for (String name : node.propertyNames()) {
            if (!LEVERS.contains(name)) {
                problems.add(new LeverProblem(name, "scenario.invalid.unknownLever", name,
                        String.join(", ", LEVERS)));
            }
        }
        List<PayRaise> pays = new ArrayList<>();
        JsonNode pc = node.get("payChanges");
        if (pc != null && !pc.isNull()) {
            if (!pc.isArray()) {
                problems.add(new LeverProblem("payChanges", "scenario.invalid.notList", "payChanges"));
            } else {
                for (int i = 0; i < pc.size(); i++) {
                    JsonNode p = pc.get(i);
                    String f = "payChanges[" + i + "]";
                    if (!p.isObject()) {
                        problems.add(new LeverProblem(f, "scenario.invalid.notObject", f));
                        continue;
                    }
                    unknown(p, PAY_FIELDS, f, problems);
                    Double change = number(p, "change", f + ".change", problems);
                    if (change == null && !p.has("change")) {
                        problems.add(new LeverProblem(f + ".change", "scenario.invalid.missing", f + ".change"));
                    }
                    pays.add(new PayRaise(text(p, "sector", f + ".sector", problems),
                            integer(p, "isco", f + ".isco", problems), change == null ? 0 : change,
                            integer(p, "fromYear", f + ".fromYear", problems)));
                }
            }
        }
        Double share = null;
        Integer years = null;
        JsonNode rs = node.get("returneeSupplement");
        if (rs != null && !rs.isNull()) {
            if (!rs.isObject()) {
                problems.add(new LeverProblem("returneeSupplement", "scenario.invalid.notObject",
                        "returneeSupplement"));
            } else {
                unknown(rs, SUPPLEMENT_FIELDS, "returneeSupplement", problems);
                share = number(rs, "share", "returneeSupplement.share", problems);
                years = integer(rs, "years", "returneeSupplement.years", problems);
            }
        }
        ScenarioLevers levers = new ScenarioLevers(pays,
                number(node, "researchBudgetKzt", "researchBudgetKzt", problems),
                integer(node, "researchJobs", "researchJobs", problems), share, years,
                integer(node, "taxHolidayYears", "taxHolidayYears", problems),
                number(node, "housingSupportKzt", "housingSupportKzt", problems),
                integer(node, "partnerships", "partnerships", problems),
                number(node, "fairnessIndex", "fairnessIndex", problems));
        if (problems.isEmpty()) {
            problems.addAll(levers.problems());
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return levers;
    }

    private static void unknown(JsonNode node, Set<String> known, String prefix, List<LeverProblem> problems) {
        for (String name : node.propertyNames()) {
            if (!known.contains(name)) {
                problems.add(new LeverProblem(prefix + "." + name, "scenario.invalid.unknownField",
                        prefix + "." + name, String.join(", ", known.stream().sorted().toList())));
            }
        }
    }

    private static Double number(JsonNode node, String name, String field, List<LeverProblem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isNumber()) {
            problems.add(new LeverProblem(field, "scenario.invalid.notNumber", field));
            return null;
        }
        return v.doubleValue();
    }

    private static Integer integer(JsonNode node, String name, String field, List<LeverProblem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            problems.add(new LeverProblem(field, "scenario.invalid.notInteger", field));
            return null;
        }
        return v.intValue();
    }

    private static String text(JsonNode node, String name, String field, List<LeverProblem> problems) {
        JsonNode v = node.get(name);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isString()) {
            problems.add(new LeverProblem(field, "scenario.invalid.notText", field));
            return null;
        }
        return v.asString();
    }
}
