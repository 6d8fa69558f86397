package kz.agyn.scenario;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;

import kz.agyn.jobs.JobCancelledException;
import kz.agyn.kernel.UserException;
import kz.agyn.scenario.engine.Band;
import kz.agyn.scenario.engine.Calibration;
import kz.agyn.scenario.engine.CancelledException;
import kz.agyn.scenario.engine.Context;
import kz.agyn.scenario.engine.Dimension;
import kz.agyn.scenario.engine.LeverKind;
import kz.agyn.scenario.engine.Levers;
import kz.agyn.scenario.engine.Location;
import kz.agyn.scenario.engine.Measure;
import kz.agyn.scenario.engine.Model;
import kz.agyn.scenario.engine.ObligationState;
import kz.agyn.scenario.engine.PayChange;
import kz.agyn.scenario.engine.Population;
import kz.agyn.scenario.engine.Reason;
import kz.agyn.scenario.engine.Results;
import kz.agyn.scenario.engine.ReturneeSupplement;
import kz.agyn.scenario.engine.RunSpec;
import kz.agyn.scenario.engine.Sector;
import kz.agyn.scenario.engine.Simulator;
import kz.agyn.scenario.engine.Targets;
import kz.agyn.scenario.engine.TargetFit;
import org.springframework.stereotype.Component;

/**
 * {@link ScenarioSimulation} on the engine: the population built from {@link ScenarioInputs} straight into the
 * engine's columns, the context and targets handed over field by field, calibration (its coefficient draws carry
 * parameter uncertainty into every band), then the baseline and the scenarios with common random numbers. Every
 * band of every measure, year and dimension value is returned, for the product to store.
 */
@Component
class EngineSimulation implements ScenarioSimulation {

    /** Coefficient sets fitted for parameter uncertainty; simulation draws cycle over them. */
    static final int COEFFICIENT_DRAWS = 20;

    private static final Sector[] SECTORS = Sector.values();
    private static final ObligationState[] OBLIGATIONS = ObligationState.values();

    /** The engine's result slots: the total, each region, ISCO 0-9, ISCED 5-8, two sexes, five age groups, four sectors. */
    static long slots(int regions) {
        return 1L + regions + 10 + 4 + 2 + 5 + 4;
    }

    @Override
    public boolean fits(int scenarios, int regions, RunSettings settings) {
        long cells = (long) scenarios * settings.draws() * settings.horizon() * Measure.values().length
                * slots(regions);
        return cells <= Simulator.MAX_RESULT_CELLS;
    }

    @Override
    public Output run(ScenarioInputs.Prepared inputs, List<ScenarioLevers> scenarios, RunSettings settings,
                      ScenarioSimulation.Progress progress) {
        progress.phase("SCENARIO_POPULATION", null);
        Population.Builder builder = Population.builder(inputs.regions(), settings.scale());
        int agents = ScenarioInputs.generate(inputs, settings.scale(), settings.seed(),
                (region, age, sex, isced, isco, sector, pay, studied, abroad, obligation, years) ->
                        builder.add(region, age, sex, isced, isco, SECTORS[sector], pay, studied,
                                abroad ? Location.ABROAD : Location.KAZAKHSTAN, OBLIGATIONS[obligation], years));
        Population population = builder.build();
        if (progress.cancelled()) {
            throw new JobCancelledException();
        }
        Context context = context(inputs);
        Targets targets = targets(inputs.targets());
        List<Levers> levers = scenarios.stream().map(l -> levers(l, context.startYear())).toList();
        RunSpec spec = new RunSpec(settings.horizon(), settings.draws(), settings.seed(),
                Math.max(1, Runtime.getRuntime().availableProcessors()));
        if (Simulator.resultCells(population, levers.size(), spec) > Simulator.MAX_RESULT_CELLS) {
            throw new ScenarioException(UserException.Kind.INVALID, "scenario.invalid.tooLarge");
        }
        progress.phase("SCENARIO_CALIBRATING", null);
        Model model = Calibration.fit(population, context, targets, settings.seed(),
                Math.min(COEFFICIENT_DRAWS, settings.draws()));
        if (progress.cancelled()) {
            throw new JobCancelledException();
        }
        long total = (long) population.size() * settings.horizon() * settings.draws() * levers.size();
        progress.phase("SCENARIO_SIMULATING", total);
        Results results;
        try {
            results = Simulator.run(population, context, model, levers, spec, new kz.agyn.scenario.engine.Progress() {
                @Override
                public void advance(long agentYears) {
                    progress.advance(agentYears);
                }

                @Override
                public boolean cancelled() {
                    return progress.cancelled();
                }
            });
        } catch (CancelledException e) {
            throw new JobCancelledException();
        }
        List<ResultBand> bands = new ArrayList<>();
        Map<String, List<String>> codes = new LinkedHashMap<>();
        for (Dimension d : Dimension.values()) {
            codes.put(d.name(), results.codes(d));
        }
        for (int s = 0; s < results.scenarios(); s++) {
            for (Measure m : Measure.values()) {
                for (Dimension d : Dimension.values()) {
                    if (m.totalOnly() && d != Dimension.TOTAL) {
                        continue;
                    }
                    int n = d == Dimension.TOTAL ? 1 : results.codes(d).size();
                    for (int c = 0; c < n; c++) {
                        double cumulativeCost = 0;
                        for (int y = 0; y < results.horizon(); y++) {
                            Band b = results.band(s, y, m, d, c);
                            double mean = b.mean();
                            if (m == Measure.COST_PER_SPECIALIST_KEPT_KZT) {
                                // The cost per specialist kept is the expected cost over the expected number kept
                                // (a ratio of means), not the mean of each draw's ratio, which a draw that keeps
                                // almost nobody would dominate; the band stays the draws' own ratios.
                                cumulativeCost += results.band(s, y, Measure.BUDGET_COST_KZT, d, c).mean();
                                double kept = results.band(s, y, Measure.KEPT_VS_BASELINE, d, c).mean();
                                mean = kept > 0 ? cumulativeCost / kept : Double.NaN;
                            }
                            bands.add(new ResultBand(s, y, m.name(), d.name(), c, mean, b.p2_5(), b.p10(),
                                    b.p50(), b.p90(), b.p97_5()));
                        }
                    }
                }
            }
        }
        // Each lever's own budget cost, so that a reader sees what the total is made of (a lever that costs
        // nothing in every year and draw, a partnership or the fairness index, is left out).
        codes.put("LEVER", Arrays.stream(LeverKind.values()).map(Enum::name).toList());
        for (int s = 1; s < results.scenarios(); s++) {
            for (LeverKind lever : LeverKind.values()) {
                List<ResultBand> years = new ArrayList<>();
                boolean costs = false;
                for (int y = 0; y < results.horizon(); y++) {
                    Band b = results.leverCost(s, y, lever);
                    costs |= b.mean() != 0 || b.p2_5() != 0 || b.p97_5() != 0;
                    years.add(new ResultBand(s, y, Measure.BUDGET_COST_KZT.name(), "LEVER", lever.ordinal(),
                            b.mean(), b.p2_5(), b.p10(), b.p50(), b.p90(), b.p97_5()));
                }
                if (costs) {
                    bands.addAll(years);
                }
            }
        }
        List<FitLine> fit = model.fit().targets().stream()
                .map((TargetFit t) -> new FitLine(t.code(), t.dimension(), t.target(), t.simulated(), t.tolerance(),
                        t.within())).toList();
        return new Output(results.startYear(), population.size(), population.personsPerAgent(), bands, fit, codes);
    }

    static Context context(ScenarioInputs.Prepared inputs) {
        ScenarioInputs.ContextFigures c = inputs.context();
        Map<String, String> sources = new LinkedHashMap<>();
        for (Assumption a : inputs.assumptions()) {
            sources.put(a.field(), a.sourceText());
        }
        return new Context(c.startYear(), c.destinationPayPppByIsco(), c.researchBudgetKzt(), c.gdpKzt(),
                c.researchJobs(), c.partnerships(), c.fairnessIndex(), c.incomeTaxRate(),
                c.brainDrainCostPerEmigrantKzt(), sources);
    }

    static Targets targets(ScenarioInputs.TargetFigures t) {
        Map<Reason, Double> reasons = new EnumMap<>(Reason.class);
        t.reasonShares().forEach((k, v) -> reasons.put(Reason.valueOf(k), v));
        return new Targets(t.emigrationRateByIsco(), t.emigrationRateByIsced(), t.returnRate(), t.scholarReturnRate(),
                reasons, t.rateRelativeStandardError(), t.reasonShareStandardError());
    }

    /** The engine's levers from Agyn's; a pay change without a year applies from the start. */
    static Levers levers(ScenarioLevers l, int startYear) {
        List<PayChange> pays = l.payChanges().stream().map(p -> new PayChange(
                p.sector() == null ? Optional.empty() : Optional.of(Sector.valueOf(p.sector())),
                p.isco() == null ? OptionalInt.empty() : OptionalInt.of(p.isco()), p.change(),
                p.fromYear() == null ? startYear : p.fromYear())).toList();
        return new Levers(pays, optional(l.researchBudgetKzt()),
                l.researchJobs() == null ? OptionalInt.empty() : OptionalInt.of(l.researchJobs()),
                l.returneeSupplementShare() == null ? Optional.empty()
                        : Optional.of(new ReturneeSupplement(l.returneeSupplementShare(), l.returneeSupplementYears())),
                l.taxHolidayYears() == null ? OptionalInt.empty() : OptionalInt.of(l.taxHolidayYears()),
                optional(l.housingSupportKzt()),
                l.partnerships() == null ? OptionalInt.empty() : OptionalInt.of(l.partnerships()),
                optional(l.fairnessIndex()));
    }

    private static OptionalDouble optional(Double v) {
        return v == null ? OptionalDouble.empty() : OptionalDouble.of(v);
    }
}
