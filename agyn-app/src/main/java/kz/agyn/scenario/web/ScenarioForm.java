package kz.agyn.scenario.web;

import java.util.ArrayList;
import java.util.List;

import kz.agyn.scenario.LeverProblem;
import kz.agyn.scenario.PayRaise;
import kz.agyn.scenario.ScenarioException;
import kz.agyn.scenario.ScenarioLevers;

/**
 * The scenario form as typed, kept as text so that a refused form comes back with what the user wrote. Units
 * are the reader's: pay change and supplement in percent, the research budget in billions of KZT a year; the
 * levers are stored in KZT and fractions ({@link ScenarioLevers}).
 */
public record ScenarioForm(String name, String description, List<String> paySectors, String payIsco,
                           String payChangePercent, String payFromYear, String researchBudgetBn, String researchJobs,
                           String supplementPercent, String supplementYears, String taxHolidayYears,
                           String housingSupportKzt, String partnerships, String fairnessIndex) {

    static final double BILLION = 1e9;

    public ScenarioForm {
        paySectors = paySectors == null ? List.of() : List.copyOf(paySectors);
    }

    static ScenarioForm empty() {
        return new ScenarioForm("", "", List.of(), "", "", "", "", "", "", "", "", "", "", "");
    }

    /** The levers, or every problem by the form's field names. */
    ScenarioLevers levers() {
        List<LeverProblem> problems = new ArrayList<>();
        Double change = number(payChangePercent, "payChangePercent", problems);
        Integer isco = integer(payIsco, "payIsco", problems);
        Integer from = integer(payFromYear, "payFromYear", problems);
        List<PayRaise> pays = new ArrayList<>();
        if (change != null) {
            if (paySectors.isEmpty()) {
                pays.add(new PayRaise(null, isco, change / 100, from));
            } else {
                paySectors.forEach(s -> pays.add(new PayRaise(s, isco, change / 100, from)));
            }
        }
        Double budget = number(researchBudgetBn, "researchBudgetBn", problems);
        Double share = number(supplementPercent, "supplementPercent", problems);
        ScenarioLevers levers = new ScenarioLevers(pays, budget == null ? null : budget * BILLION,
                integer(researchJobs, "researchJobs", problems), share == null ? null : share / 100,
                integer(supplementYears, "supplementYears", problems),
                integer(taxHolidayYears, "taxHolidayYears", problems),
                number(housingSupportKzt, "housingSupportKzt", problems),
                integer(partnerships, "partnerships", problems), number(fairnessIndex, "fairnessIndex", problems));
        for (LeverProblem p : levers.problems()) {
            problems.add(new LeverProblem(formField(p.field()), p.code(), p.args()));
        }
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return levers;
    }

    /** The form's field for a lever's (as {@link ScenarioLevers#problems()} names them). */
    static String formField(String lever) {
        if (lever == null) {
            return "form";
        }
        if (lever.startsWith("payChanges")) {
            return lever.endsWith(".sector") ? "paySectors" : lever.endsWith(".isco") ? "payIsco"
                    : lever.endsWith(".fromYear") ? "payFromYear" : "payChangePercent";
        }
        return switch (lever) {
            case "researchBudgetKzt" -> "researchBudgetBn";
            case "returneeSupplement", "returneeSupplement.share" -> "supplementPercent";
            case "returneeSupplement.years" -> "supplementYears";
            default -> lever;
        };
    }

    private static Double number(String text, String field, List<LeverProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace('\u00A0', ' ').replace(" ", "").replace(',', '.').replace('−', '-');
        try {
            double v = Double.parseDouble(t);
            if (Double.isFinite(v)) {
                return v;
            }
        } catch (NumberFormatException e) {
            // Said below, beside the field.
        }
        problems.add(new LeverProblem(field, "scenario.invalid.formNumber"));
        return null;
    }

    private static Integer integer(String text, String field, List<LeverProblem> problems) {
        if (text == null || text.isBlank()) {
            return null;
        }
        String t = text.strip().replace('\u00A0', ' ').replace(" ", "").replace('−', '-');
        try {
            return Integer.valueOf(t);
        } catch (NumberFormatException e) {
            problems.add(new LeverProblem(field, "scenario.invalid.formInteger"));
            return null;
        }
    }

    /** A run's settings as typed on the run form. */
    public record RunForm(String horizon, String draws, String seed, String scale, List<Long> compare) {

        public RunForm {
            compare = compare == null ? List.of() : List.copyOf(compare);
        }

        static RunForm defaults() {
            return new RunForm("10", "200", "1", "100", List.of());
        }
    }

    /** Reads the run form; each unreadable field is a problem beside it. */
    static kz.agyn.scenario.RunSettings settings(RunForm f) {
        List<LeverProblem> problems = new ArrayList<>();
        Integer horizon = integer(f.horizon(), "horizon", problems);
        Integer draws = integer(f.draws(), "draws", problems);
        Integer scale = integer(f.scale(), "scale", problems);
        Long seed = null;
        if (f.seed() != null && !f.seed().isBlank()) {
            try {
                seed = Long.valueOf(f.seed().strip());
            } catch (NumberFormatException e) {
                problems.add(new LeverProblem("seed", "scenario.invalid.formInteger"));
            }
        }
        List<String> seen = problems.stream().map(LeverProblem::field).toList();
        kz.agyn.scenario.RunSettings.problems(horizon, draws, scale).stream()
                .filter(p -> !seen.contains(p.field())).forEach(problems::add);
        if (!problems.isEmpty()) {
            throw new ScenarioException(problems);
        }
        return kz.agyn.scenario.RunSettings.of(horizon, draws, seed, scale);
    }
}
