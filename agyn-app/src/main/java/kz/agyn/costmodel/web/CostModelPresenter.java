package kz.agyn.costmodel.web;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

import kz.agyn.costmodel.Band;
import kz.agyn.costmodel.ClaimCheck;
import kz.agyn.costmodel.CostModel;
import kz.agyn.costmodel.EducationLevel;
import kz.agyn.costmodel.LevelBand;
import kz.agyn.costmodel.LevelCost;
import kz.agyn.costmodel.Components;
import kz.agyn.costmodel.OccupationBands;
import kz.agyn.costmodel.OccupationBreakdown;
import kz.agyn.costmodel.OccupationCost;
import kz.agyn.costmodel.OccupationMix;
import kz.agyn.costmodel.Parameter;
import kz.agyn.costmodel.ParameterSet;
import kz.agyn.costmodel.Scenario;
import kz.agyn.costmodel.TornadoBar;
import kz.agyn.costmodel.View;
import kz.agyn.costmodel.inputs.WarehouseFigure;
import kz.agyn.costmodel.inputs.WarehouseInputs;
import kz.agyn.reference.ReferenceData;
import org.springframework.context.MessageSource;
import org.springframework.stereotype.Component;

/** Turns the model's records into {@link CostModelReport}s in the reader's language. */
@Component
class CostModelPresenter {

    /**
     * The form's headings, in reading order: from who leaves, through what was spent on them and what they would
     * have paid, to what softens the loss. Matched by code prefix so that a parameter added to the model later
     * still appears, under "other", rather than vanishing from the form.
     */
    static final List<String> GROUPS = List.of("emigrants", "education", "scholarships", "pay", "taxes", "horizon",
            "output", "offsets", "other");

    private final MessageSource messages;
    private final CostModelRunner runner;
    private final ReferenceData reference;

    CostModelPresenter(MessageSource messages, CostModelRunner runner, ReferenceData reference) {
        this.messages = messages;
        this.runner = runner;
        this.reference = reference;
    }

    static String group(String code) {
        if (code.startsWith("emigrants_")) {
            return "emigrants";
        }
        if (code.startsWith("spending_") || code.startsWith("years_")) {
            return "education";
        }
        if (code.startsWith("scholar")) {
            return "scholarships";
        }
        if (code.startsWith("pay_")) {
            return "pay";
        }
        return switch (code) {
            case "income_tax_rate", "pension_contribution_rate", "social_tax_rate" -> "taxes";
            case "working_years", "discount_rate" -> "horizon";
            case "productivity_premium", "replacement_months" -> "output";
            case "remittances_per_year", "return_probability" -> "offsets";
            default -> "other";
        };
    }

    String name(String code, Locale locale) {
        return messages.getMessage(CostModelRunner.PARAMETER_KEY + code, null, code, locale);
    }

    private String text(String key, Locale locale, Object... args) {
        return messages.getMessage(key, args, key, locale);
    }

    CostModelReport.Model model(CostModelRunner.Applied applied, Locale locale) {
        ParameterSet set = applied.parameters();
        List<CostModelReport.ParameterInfo> parameters = parameters(applied.inputs(), set, locale);
        Map<String, List<CostModelReport.ParameterInfo>> byGroup = new LinkedHashMap<>();
        GROUPS.forEach(g -> byGroup.put(g, new ArrayList<>()));
        parameters.forEach(p -> byGroup.get(p.group()).add(p));
        List<CostModelReport.Group> groups = byGroup.entrySet().stream().filter(e -> !e.getValue().isEmpty())
                .map(e -> new CostModelReport.Group(e.getKey(), text("costmodel.group." + e.getKey(), locale),
                        List.copyOf(e.getValue())))
                .toList();
        return new CostModelReport.Model(parameters, groups, CostModel.FORMULA, claimSource(locale),
                CostModelRunner.MIN_DRAWS, CostModelRunner.MAX_DRAWS, CostModelRunner.DEFAULT_DRAWS,
                CostModelRunner.DEFAULT_SEED, text("costmodel.warehouseInputs", locale),
                occupationPay(applied, locale), shares(applied.inputs().occupations().cross(), locale),
                applied.scenario().code(), scenarios(locale));
    }

    List<CostModelReport.ScenarioInfo> scenarios(Locale locale) {
        List<CostModelReport.ScenarioInfo> list = new ArrayList<>();
        for (Scenario s : Scenario.values()) {
            list.add(new CostModelReport.ScenarioInfo(s.code(), text("costmodel.scenario." + s.code(), locale),
                    text("costmodel.scenario." + s.code() + ".description", locale), s.overrides()));
        }
        return list;
    }

    private List<CostModelReport.OccupationPay> occupationPay(CostModelRunner.Applied applied, Locale locale) {
        WarehouseInputs.Occupations inputs = applied.inputs().occupations();
        List<CostModelReport.OccupationPay> list = new ArrayList<>();
        for (OccupationMix o : applied.occupations()) {
            WarehouseFigure figure = inputs.pay().get(o.code());
            boolean overridden = applied.occupationPayOverridden().contains(o.code());
            list.add(new CostModelReport.OccupationPay(o.code(), occupationName(o.code(), locale), o.monthlyPay(),
                    figure == null ? null : figure.value(), overridden, CostModelRunner.payable(o.code()),
                    paySource(figure, overridden, locale), figure != null && figure.synthetic()));
        }
        return list;
    }

    /** "2 Professionals" from the reference classification; the unknown by its own words. */
    String occupationName(String code, Locale locale) {
        if (code.equals("_U")) {
            return text("costmodel.occupation._U", locale);
        }
        return reference.occupations().stream().filter(o -> o.code().equals(code)).findFirst()
                .map(o -> code + " " + o.names().in(locale)).orElse("ISCO-08 " + code);
    }

    private String paySource(WarehouseFigure figure, boolean overridden, Locale locale) {
        if (overridden) {
            return text("costmodel.occupations.paySet", locale);
        }
        if (figure == null) {
            return text("costmodel.occupations.payLevel", locale);
        }
        return where(figure, locale);
    }

    /**
     * When the occupations' pay and the highly skilled's pay are figures of different years, a sentence saying so:
     * part of the difference between the two totals is then the change of pay between those years, not the
     * occupations. Empty when the years agree or a pay is not a warehouse figure in use.
     */
    private String periods(CostModelRunner.Run run, Locale locale) {
        WarehouseFigure level = run.inputs().figure("pay_highly_skilled");
        if (level == null || run.parameters().overridden().contains("pay_highly_skilled")) {
            return "";
        }
        java.util.TreeSet<String> years = new java.util.TreeSet<>();
        run.inputs().occupations().pay().forEach((code, f) -> {
            if (!run.occupationPayOverridden().contains(code)) {
                years.add(f.period());
            }
        });
        years.remove(level.period());
        if (years.isEmpty()) {
            return "";
        }
        return " " + text("costmodel.occupations.periods", locale, String.join(", ", years), level.period());
    }

    /** Where the shares of the levels come from, or why there are none. */
    private String shares(WarehouseInputs.CrossTable c, Locale locale) {
        if (c == null) {
            return text("costmodel.occupations.noCross", locale);
        }
        return text("costmodel.occupations.cross", locale, c.indicatorName().in(locale), c.period(),
                c.title().in(locale), c.publisher(), String.valueOf(c.version()))
                + (c.synthetic() ? " " + text("costmodel.occupations.crossSynthetic", locale) : "");
    }

    List<CostModelReport.ParameterInfo> parameters(WarehouseInputs.Inputs inputs, ParameterSet set, Locale locale) {
        ParameterSet defaults = inputs.parameters();
        List<CostModelReport.ParameterInfo> list = new ArrayList<>();
        for (Parameter p : set.parameters()) {
            String unit = p.unit().name();
            WarehouseFigure figure = inputs.figure(p.code());
            String source = figure == null ? defaultSource(p, locale) : source(figure, locale);
            String original = figure == null && !source.equals(p.source().citation()) ? p.source().citation() : null;
            list.add(new CostModelReport.ParameterInfo(p.code(), name(p.code(), locale), group(p.code()), unit,
                    text("costmodel.unit." + unit, locale), p.base(), defaults.value(p.code()),
                    set.overridden().contains(p.code()), p.low(), p.high(), CostModelRunner.allowedLow(p),
                    CostModelRunner.allowedHigh(p), p.distribution().name(), p.varies(), source,
                    p.source().url(), p.assumption(), figure, original));
        }
        return list;
    }

    /**
     * A default parameter's source in the reader's language: the defaults file cites in English, and each citation
     * has its label in the bundle (the page shows the original under a label that differs from it); for a parameter
     * the bundle does not know (a file of one's own), the citation as it is.
     */
    private String defaultSource(Parameter p, Locale locale) {
        return messages.getMessage("costmodel.paramSource." + p.code(), null, p.source().citation(), locale);
    }

    /**
     * A warehouse figure's source in the reader's language: indicator and code, year, dataset, publisher, version,
     * then how its range was set.
     */
    private String source(WarehouseFigure f, Locale locale) {
        CostModelFormat fmt = new CostModelFormat(locale, messages);
        boolean pay = f.dimension().equals("ISCO");
        String where = where(f, locale);
        String range;
        if (pay) {
            range = text("costmodel.source.warehouse.rangePay", locale);
        } else if (f.unknown() == null || f.total() == null) {
            range = text("costmodel.source.warehouse.rangeFixed", locale);
        } else {
            range = text("costmodel.source.warehouse.rangeUnknown", locale,
                    fmt.count(Math.round(f.withUnknownShared())), fmt.count(f.unknown()), fmt.count(f.total()));
        }
        return where + " " + range;
    }

    /** A warehouse figure's indicator and code, year, dataset, publisher and version. */
    private String where(WarehouseFigure f, Locale locale) {
        boolean pay = f.dimension().equals("ISCO");
        String what = text(pay ? "costmodel.source.warehouse.isco" : "costmodel.source.warehouse.isced", locale,
                f.indicatorName().in(locale), f.code());
        return text("costmodel.source.warehouse", locale, what, f.period(), f.title().in(locale), f.publisher(),
                String.valueOf(f.version()));
    }

    CostModelReport.ClaimSource claimSource(Locale locale) {
        CostModelRunner.Claim c = runner.claim();
        String location = c.location() == null ? null
                : messages.getMessage("location." + c.location(), null, c.location(), locale);
        return new CostModelReport.ClaimSource(c.value(), c.figureCode(), c.citation(), location, c.quote());
    }

    CostModelReport.Result result(CostModelRunner.Run run, Locale locale) {
        List<CostModelReport.LevelResult> levels = new ArrayList<>();
        for (EducationLevel level : EducationLevel.values()) {
            LevelCost cost = run.result().level(level);
            LevelBand band = run.band().levels().get(level.ordinal());
            levels.add(new CostModelReport.LevelResult(level.name(), level.isced(),
                    text("costmodel.level." + level.key(), locale), cost.emigrants(), cost.perEmigrant().net(),
                    band.perEmigrant().p5(), band.perEmigrant().p95(), cost.perEmigrant(), cost.total().net(),
                    band.total().p5(), band.total().p95()));
        }
        List<CostModelReport.Bar> bars = run.tornado().stream().map(b -> bar(b, locale)).toList();
        Band total = run.band().total();
        return new CostModelReport.Result(run.band().headline(), "MONTE_CARLO_MEAN", total.p5(), total.p95(),
                total.mean(), total.median(), run.result().annualTotal(), "KZT", run.draws(), run.seed(),
                run.scenario().code(), List.copyOf(run.parameters().overridden()), run.result().annuityFactor(),
                run.result().total(), views(run, locale), reading(run, locale), levels, bars, claim(run, locale),
                CostModel.FORMULA,
                text("costmodel.method", locale, String.valueOf(run.draws()), String.valueOf(run.seed())),
                occupations(run, locale));
    }

    /** The three views, each with the parts it holds; see decision 0023. */
    private List<CostModelReport.ViewResult> views(CostModelRunner.Run run, Locale locale) {
        Components c = run.result().total();
        double stay = 1 - run.parameters().value("return_probability");
        List<CostModelReport.ViewResult> list = new ArrayList<>();
        for (View v : View.values()) {
            // Parts as the view counts them: scaled by the chance of staying, except the replacement.
            List<CostModelReport.Part> parts = switch (v) {
                case FISCAL -> List.of(part("education", stay * c.educationInvested(), locale),
                        part("taxes", stay * c.lostTaxes(), locale));
                case ECONOMIC -> List.of(part("output", stay * c.lostOutput(), locale),
                        part("replacement", c.replacement(), locale),
                        part("remittances", -stay * c.remittances(), locale));
                case PRIVATE -> List.of(part("pension", stay * c.pensionSavings(), locale),
                        part("netPay", stay * c.netPay(), locale));
            };
            Band b = v.of(run.band());
            list.add(new CostModelReport.ViewResult(v.name(), text("costmodel.view." + v.name(), locale),
                    v.inCountryCost(), b.mean(), b.median(), b.p5(), b.p95(), v.of(c), parts,
                    text("costmodel.view." + v.name() + ".explanation", locale)));
        }
        return list;
    }

    private CostModelReport.Part part(String code, double value, Locale locale) {
        return new CostModelReport.Part(code, text("costmodel.part." + code, locale), value);
    }

    /** The note's 25 bn read as public spending on the tertiary years; see costmodel/scenarios.properties. */
    private CostModelReport.Reading reading(CostModelRunner.Run run, Locale locale) {
        Band b = run.band().tertiaryEducation();
        double value = run.result().total().educationTertiary();
        boolean synthetic = run.scenario() == Scenario.NOTE_25BN;
        CostModelFormat f = new CostModelFormat(locale, messages);
        String explanation = text("costmodel.reading.explanation", locale, f.money(value), f.band(b.p5(), b.p95()))
                + (synthetic ? " " + text("costmodel.reading.synthetic", locale) : "");
        return new CostModelReport.Reading("tertiary_education", text("costmodel.reading.title", locale), value,
                b.mean(), b.p5(), b.p95(), synthetic, explanation);
    }

    private CostModelReport.Occupations occupations(CostModelRunner.Run run, Locale locale) {
        OccupationBreakdown b = run.occupations();
        OccupationBands bands = run.occupationBands();
        WarehouseInputs.Occupations inputs = run.inputs().occupations();
        List<CostModelReport.OccupationResult> rows = new ArrayList<>();
        for (int j = 0; j < b.occupations().size(); j++) {
            OccupationCost o = b.occupations().get(j);
            OccupationBands.OccupationBand band = bands.occupations().isEmpty() ? null : bands.occupations().get(j);
            List<CostModelReport.OccupationLevel> byLevel = new ArrayList<>();
            for (EducationLevel level : EducationLevel.values()) {
                Components c = o.level(level);
                byLevel.add(new CostModelReport.OccupationLevel(level.name(), c.net(), c));
            }
            boolean overridden = run.occupationPayOverridden().contains(o.code());
            rows.add(new CostModelReport.OccupationResult(o.code(), occupationName(o.code(), locale), o.monthlyPay(),
                    overridden, paySource(inputs.pay().get(o.code()), overridden, locale), byLevel, o.emigrants(),
                    o.perEmigrant() == null ? null : o.perEmigrant().net(),
                    band == null ? null : band.perEmigrant().p5(), band == null ? null : band.perEmigrant().p95(),
                    o.perEmigrant(), o.total() == null ? null : o.total().net(),
                    band == null ? null : band.total().p5(), band == null ? null : band.total().p95()));
        }
        CostModelFormat f = new CostModelFormat(locale, messages);
        double levelTotal = run.result().annualTotal();
        String summary;
        if (b.hasTotals()) {
            double total = b.total().net();
            summary = text("costmodel.occupations.summary", locale, f.count(b.emigrants()), f.money(total),
                    f.money(levelTotal), f.money(total - levelTotal), f.band(bands.total().p5(), bands.total().p95()),
                    f.band(run.band().total().p5(), run.band().total().p95()));
            summary = summary + periods(run, locale);
        } else {
            summary = text("costmodel.occupations.noTotals", locale);
        }
        return new CostModelReport.Occupations(rows, b.hasTotals() ? b.total().net() : null,
                bands.total() == null ? null : bands.total().p5(), bands.total() == null ? null : bands.total().p95(),
                b.emigrants(), levelTotal, shares(inputs.cross(), locale), summary);
    }

    private CostModelReport.Bar bar(TornadoBar b, Locale locale) {
        return new CostModelReport.Bar(b.code(), name(b.code(), locale), b.unit().name(), b.low(), b.base(),
                b.high(), b.totalAtLow(), b.totalAtHigh(), b.swing());
    }

    private CostModelReport.ClaimResult claim(CostModelRunner.Run run, Locale locale) {
        ClaimCheck c = run.claim();
        CostModelFormat f = new CostModelFormat(locale, messages);
        String position = c.claimed() < c.band().p5() ? "BELOW" : c.claimed() > c.band().p95() ? "ABOVE" : "WITHIN";
        double emigrants = 0;
        for (LevelCost l : run.result().levels()) {
            emigrants += l.emigrants();
        }
        Double implied = Double.isFinite(c.impliedEmigrants()) ? c.impliedEmigrants() : null;
        List<CostModelReport.Solution> solutions = c.solutions().stream().map(s -> new CostModelReport.Solution(
                s.code(), name(s.code(), locale), run.parameters().get(s.code()).unit().name(), s.low(), s.base(),
                s.high(), s.totalAtLow(), s.totalAtHigh(), s.reachable(), s.value())).toList();
        String summary = text("costmodel.claim.summary", locale, f.money(c.claimed()), f.money(run.band().headline()),
                f.band(c.band().p5(), c.band().p95()), f.number(c.percentile(), 0),
                text("costmodel.claim.position." + position, locale));
        if (implied != null) {
            summary = summary + " " + text("costmodel.claim.implied", locale, f.money(c.claimed()),
                    f.count(implied), f.count(emigrants));
        }
        return new CostModelReport.ClaimResult(c.claimed(), claimSource(locale), run.band().headline(), c.percentile(),
                position, implied, emigrants, solutions, summary);
    }
}
