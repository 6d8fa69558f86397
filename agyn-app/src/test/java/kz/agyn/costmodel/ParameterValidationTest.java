package kz.agyn.costmodel;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.StringReader;
import java.util.ArrayList;
import java.util.List;
import kz.agyn.costmodel.CostModelException.Problem;
import kz.agyn.kernel.UserException;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class ParameterValidationTest {

    private static final Source SOURCE = new Source("test", null);

    @Test
    void everyDefaultCitesItsSourceAndItsRangeIsValid() {
        ParameterSet d = ParameterSet.defaults();
        assertThat(d.parameters()).extracting(Parameter::code).containsExactlyElementsOf(d.codes());
        for (Parameter p : d.parameters()) {
            assertThat(p.source().citation()).as(p.code()).isNotBlank();
            if (p.assumption()) {
                assertThat(p.source().citation()).as(p.code()).containsIgnoringCase("assumption");
            }
            assertThat(p.low()).isLessThanOrEqualTo(p.base());
            assertThat(p.base()).isLessThanOrEqualTo(p.high());
        }
        assertThat(d.get("pay_highly_skilled").base()).isEqualTo(272_188);
        assertThat(d.get("pay_highly_skilled").assumption()).isFalse();
        assertThat(d.get("scholarship_master").low()).isEqualTo(10_000_000);
        assertThat(d.get("scholarship_phd").high()).isEqualTo(25_000_000);
        assertThat(d.get("income_tax_rate").base()).isEqualTo(0.10);
        assertThat(d.get("years_school").distribution()).isEqualTo(Distribution.FIXED);
        assertThat(d.overridden()).isEmpty();
    }

    @Test
    void rangeOutOfOrder() {
        assertProblem(() -> new Parameter("x", Unit.KZT, 5, 6, 7, Distribution.TRIANGULAR, SOURCE, true),
                Problem.RANGE_OUT_OF_ORDER, "x");
        assertProblem(() -> new Parameter("x", Unit.KZT, 8, 6, 7, Distribution.UNIFORM, SOURCE, true),
                Problem.RANGE_OUT_OF_ORDER, "x");
    }

    @Test
    void valuesOutsideWhatTheUnitAdmits() {
        assertProblem(() -> new Parameter("s", Unit.SHARE, 0.5, 0, 1.2, Distribution.TRIANGULAR, SOURCE, true),
                Problem.OUT_OF_UNIT_RANGE, "s");
        assertProblem(() -> new Parameter("r", Unit.RATE, 0.1, 0, 0.6, Distribution.TRIANGULAR, SOURCE, true),
                Problem.OUT_OF_UNIT_RANGE, "r");
        assertProblem(() -> Parameter.fixed("n", Unit.COUNT, -1, SOURCE, true), Problem.OUT_OF_UNIT_RANGE, "n");
        assertProblem(() -> Parameter.fixed("n", Unit.KZT, Double.NaN, SOURCE, true), Problem.NOT_A_NUMBER, "n");
        // A rate typed as a percentage is the slip the bounds are for.
        assertProblem(() -> ParameterSet.defaults().with("income_tax_rate", 10, 10, 10), Problem.OUT_OF_UNIT_RANGE,
                "income_tax_rate");
    }

    @Test
    void fixedMeansNoRangeAndBadCodesAndMissingSourcesAreRefused() {
        assertProblem(() -> new Parameter("f", Unit.KZT, 5, 4, 6, Distribution.FIXED, SOURCE, true),
                Problem.FIXED_WITH_RANGE, "f");
        assertProblem(() -> Parameter.fixed("Bad Code", Unit.KZT, 1, SOURCE, true), Problem.BAD_CODE, "Bad Code");
        assertProblem(() -> Parameter.fixed("x", Unit.KZT, 1, null, true), Problem.MISSING_SOURCE, "x");
    }

    @Test
    void overridesFixTheValueWithinTheBoundsAndSayWhatChanged() {
        ParameterSet d = ParameterSet.defaults();
        ParameterSet p = d.with("pay_highly_skilled", 300_000);
        assertThat(p.value("pay_highly_skilled")).isEqualTo(300_000);
        // An override fixes the value: the whole distribution moves onto it (decision 0023).
        assertThat(p.get("pay_highly_skilled").low()).isEqualTo(300_000);
        assertThat(p.get("pay_highly_skilled").high()).isEqualTo(300_000);
        assertThat(p.get("pay_highly_skilled").distribution()).isEqualTo(Distribution.FIXED);
        assertThat(p.get("pay_highly_skilled").max()).isEqualTo(d.get("pay_highly_skilled").max());
        assertThat(p.overridden()).containsExactly("pay_highly_skilled");
        assertThat(d.value("pay_highly_skilled")).as("the defaults are untouched").isEqualTo(272_188);
        assertThat(p.with("discount_rate", 0.03).overridden()).containsExactly("pay_highly_skilled", "discount_rate");

        // Outside the plausible range but within the bounds: allowed.
        assertThat(d.with("pay_highly_skilled", 500_000).value("pay_highly_skilled")).isEqualTo(500_000);
        assertProblem(() -> d.with("pay_highly_skilled", 1e9), Problem.OUTSIDE_RANGE, "pay_highly_skilled");
        assertProblem(() -> d.with("emigrants_school", 1e300), Problem.OUTSIDE_RANGE, "emigrants_school");
        assertProblem(() -> d.with("emigrants_school", Double.POSITIVE_INFINITY), Problem.NOT_A_NUMBER,
                "emigrants_school");
        ParameterSet widened = d.with("pay_highly_skilled", 500_000, 200_000, 600_000);
        assertThat(widened.get("pay_highly_skilled").high()).isEqualTo(600_000);

        // A fixed parameter moves whole, within its bounds, and becomes triangular when it is given a range.
        assertThat(d.with("years_school", 12).get("years_school").high()).isEqualTo(12);
        assertProblem(() -> d.with("years_school", 13), Problem.OUTSIDE_RANGE, "years_school");
        assertThat(d.with("years_school", 11, 11, 12).get("years_school").distribution())
                .isEqualTo(Distribution.TRIANGULAR);
        assertProblem(() -> d.with("pay_highly_skiled", 1), Problem.UNKNOWN_PARAMETER, "pay_highly_skiled");
    }

    @Test
    void everyShippedParameterHasFiniteBoundsAroundItsRange() {
        for (Parameter p : ParameterSet.defaults().parameters()) {
            assertThat(p.min()).as(p.code()).isFinite().isLessThanOrEqualTo(p.low());
            assertThat(p.max()).as(p.code()).isFinite().isGreaterThanOrEqualTo(p.high())
                    .isLessThanOrEqualTo(p.unit().max());
        }
        assertProblem(() -> new Parameter("b", Unit.KZT, 5, 4, 6, Distribution.TRIANGULAR, SOURCE, true, 5, 10),
                Problem.BOUNDS_OUT_OF_ORDER, "b");
        assertProblem(() -> new Parameter("n", Unit.COUNT, 5, 4, 6, Distribution.TRIANGULAR, SOURCE, true, 0, 1e300),
                Problem.OUT_OF_UNIT_RANGE, "n");
    }

    @Test
    void aSetMustHoldExactlyTheModelsParameters() {
        List<Parameter> all = new ArrayList<>(ParameterSet.defaults().parameters());
        List<Parameter> missing = new ArrayList<>(all);
        missing.removeIf(p -> p.code().equals("discount_rate"));
        assertProblem(() -> ParameterSet.of(missing), Problem.MISSING_PARAMETER, "discount_rate");

        List<Parameter> duplicate = new ArrayList<>(all);
        duplicate.add(all.get(0));
        assertProblem(() -> ParameterSet.of(duplicate), Problem.DUPLICATE_PARAMETER, all.get(0).code());

        List<Parameter> extra = new ArrayList<>(all);
        extra.add(Parameter.fixed("inflation", Unit.RATE, 0.08, SOURCE, true));
        assertProblem(() -> ParameterSet.of(extra), Problem.UNKNOWN_PARAMETER, "inflation");
    }

    @Test
    void aParameterFileIsCheckedAsCarefullyAsTheApi() {
        assertProblem(() -> read("discount_rate.unit = RATE\ndiscount_rate.base = five\ndiscount_rate.source = s\n"),
                Problem.NOT_A_NUMBER, "discount_rate");
        assertProblem(() -> read("discount_rate.unit = PERCENT\ndiscount_rate.base = 5\ndiscount_rate.source = s\n"),
                Problem.NOT_AN_OPTION, "discount_rate");
        assertProblem(() -> read("discount_rate.unit = RATE\ndiscount_rate.base = 0.05\n"),
                Problem.MISSING_SOURCE, "discount_rate");
        assertProblem(() -> read("discount_rate.units = RATE\n"), Problem.UNKNOWN_PARAMETER, "discount_rate.units");
        assertProblem(() -> read("discount_rate.unit = RATE\ndiscount_rate.base = 0.05\ndiscount_rate.source = s\n"),
                Problem.NOT_A_NUMBER, "discount_rate");
        assertProblem(() -> read("discount_rate.unit = RATE\ndiscount_rate.base = 0.05\ndiscount_rate.source = s\n"
                + "discount_rate.min = 0\ndiscount_rate.max = 0.2\n"), Problem.MISSING_PARAMETER, "emigrants_school");
    }

    @Test
    void theExceptionIsAUserErrorWithAMessageKey() {
        CostModelException e = new CostModelException(Problem.OUTSIDE_RANGE, "pay_school", 1e9);
        assertThat(e).isInstanceOf(UserException.class);
        assertThat(e.kind()).isEqualTo(UserException.Kind.INVALID);
        assertThat(e.code()).isEqualTo("costmodel.error.outsideRange");
        assertThat(e.args()).containsExactly("pay_school", "1.0E9");
        assertThat(e.getMessage()).contains("pay_school");
    }

    private static ParameterSet read(String text) throws Exception {
        return ParameterSet.read(new StringReader(text));
    }

    private static void assertProblem(ThrowingCallable call, Problem problem, String parameter) {
        assertThatThrownBy(call).isInstanceOfSatisfying(CostModelException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.parameter()).isEqualTo(parameter);
            assertThat(e.code()).isEqualTo(problem.key());
        });
    }
}
