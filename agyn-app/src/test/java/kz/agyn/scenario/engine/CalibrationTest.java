package kz.agyn.scenario.engine;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The calibrated baseline reproduces its targets, in the fit and in the simulation. */
class CalibrationTest {

    static Population population;
    static Targets targets;
    static Model model;

    @BeforeAll
    static void fit() {
        population = EngineFixtures.population(150_000, 17, 20);
        targets = EngineFixtures.targets();
        model = Calibration.fit(population, EngineFixtures.context(), targets, 17, 8);
    }

    @Test
    void theFitReportsEveryTargetWithinTolerance() {
        List<TargetFit> rows = model.fit().targets();
        assertThat(rows).filteredOn(f -> f.code().equals("EMIGRATION_RATE")).hasSize(14);
        assertThat(rows).filteredOn(f -> f.code().equals("REASON_SHARE")).hasSize(5);
        assertThat(rows).extracting(TargetFit::code).contains("RETURN_RATE", "SCHOLAR_RETURN_RATE");
        assertThat(rows).allSatisfy(f -> assertThat(f.within()).as("%s", f).isTrue());
        // The reasons' weights are fitted closely, not just within two standard errors.
        Map<Reason, Double> weights = Calibration.reasonWeights(population, EngineFixtures.context(), model.central());
        for (Reason r : Reason.values()) {
            assertThat(weights.get(r)).as("%s", r).isCloseTo(Targets.TABLE_1.get(r),
                    org.assertj.core.api.Assertions.within(0.01));
        }
    }

    @Test
    void coefficientDrawsCarryTheTargetsUncertainty() {
        assertThat(model.draws()).hasSize(8);
        assertThat(model.draws()).extracting(Coefficients::growth).doesNotHaveDuplicates();
        double low = model.draws().stream().mapToDouble(Coefficients::socioPolitical).min().orElseThrow();
        double high = model.draws().stream().mapToDouble(Coefficients::socioPolitical).max().orElseThrow();
        assertThat(low).isLessThan(model.central().socioPolitical());
        assertThat(high).isGreaterThan(model.central().socioPolitical());
    }

    /** The simulated baseline's first-year emigration rate of each large ISCO group and each ISCED level. */
    @Test
    void theSimulatedBaselineMatchesTheTargetsWithinTolerance() {
        Model central = new Model(model.central(), List.of(), model.fit());
        Results r = Simulator.run(population, EngineFixtures.context(), central, List.of(Levers.none()),
                new RunSpec(1, 20, 3, 2), Progress.none());
        int checked = 0;
        for (TargetFit fit : model.fit().targets()) {
            if (!fit.code().equals("EMIGRATION_RATE")) {
                continue;
            }
            Dimension d = fit.dimension().startsWith("ISCO") ? Dimension.ISCO : Dimension.ISCED;
            int code = r.codes(d).indexOf(fit.dimension().substring(fit.dimension().indexOf(' ') + 1));
            double emigrants = r.band(0, 0, Measure.EMIGRANTS, d, code).mean();
            double start = r.band(0, 0, Measure.STOCK_IN_KAZAKHSTAN, d, code).mean() + emigrants
                    - r.band(0, 0, Measure.RETURNEES, d, code).mean();
            if (start < 3_000 * population.personsPerAgent()) {
                continue;   // a small group's simulated rate is mostly noise at this size
            }
            assertThat(emigrants / start).as("%s", fit).isCloseTo(fit.target(),
                    org.assertj.core.api.Assertions.within(fit.tolerance()));
            checked++;
        }
        assertThat(checked).isGreaterThanOrEqualTo(6);
    }
}
