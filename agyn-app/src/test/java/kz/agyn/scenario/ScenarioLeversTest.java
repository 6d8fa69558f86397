package kz.agyn.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.util.List;
import java.util.SplittableRandom;
import java.util.stream.LongStream;
import java.util.stream.Stream;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** The levers of a scenario file and the settings of a run: what is read, and every bad input refused by name. */
class ScenarioLeversTest {

    @Test
    void theNotesFirstRecommendationIsRead() {
        ScenarioLevers l = ScenarioLevers.parse("""
                {"payChanges": [{"sector": "RESEARCH", "change": 0.30}, {"sector": "EDUCATION", "change": 0.30}],
                 "researchBudgetKzt": 10000000000}""");
        assertThat(l.payChanges()).containsExactly(new PayRaise("RESEARCH", null, 0.30, null),
                new PayRaise("EDUCATION", null, 0.30, null));
        assertThat(l.researchBudgetKzt()).isEqualTo(1e10);
        assertThat(l.partnerships()).isNull();
        assertThat(ScenarioLevers.parse(l.toJson())).isEqualTo(l);
    }

    @Test
    void anEmptyObjectIsTheBaseline() {
        assertThat(ScenarioLevers.parse("{}").isBaseline()).isTrue();
    }

    @Test
    void aNegativeBudgetIsRefused() {
        assertThat(problems("{\"researchBudgetKzt\": -5}")).extracting(LeverProblem::field, LeverProblem::code)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("researchBudgetKzt",
                        "scenario.invalid.negativeMoney"));
    }

    @Test
    void aPayChangeAtOrBelowMinus100PercentIsRefused() {
        for (String change : List.of("-1", "-1.5", "-100")) {
            assertThat(problems("{\"payChanges\": [{\"change\": " + change + "}]}"))
                    .extracting(LeverProblem::code).containsExactly("scenario.invalid.payBelow100");
        }
        assertThat(ScenarioLevers.parse("{\"payChanges\": [{\"change\": -0.99}]}").payChanges()).hasSize(1);
    }

    @Test
    void anUnknownLeverIsRefusedByName() {
        List<LeverProblem> p = problems("{\"researchBudget\": 10, \"partnerships\": 15}");
        assertThat(p).extracting(LeverProblem::code).containsExactly("scenario.invalid.unknownLever");
        assertThat(p.get(0).args()[0]).isEqualTo("researchBudget");
        assertThat(problems("{\"payChanges\": [{\"change\": 0.3, \"sectors\": \"RESEARCH\"}]}"))
                .extracting(LeverProblem::code).containsExactly("scenario.invalid.unknownField");
    }

    @Test
    void valuesOfTheWrongKindAreRefused() {
        assertThat(problems("{\"partnerships\": \"fifteen\"}")).extracting(LeverProblem::code)
                .containsExactly("scenario.invalid.notInteger");
        assertThat(problems("{\"payChanges\": [{\"sector\": \"SPACE\", \"change\": 0.1}]}"))
                .extracting(LeverProblem::code).containsExactly("scenario.invalid.sector");
        assertThat(problems("not json")).extracting(LeverProblem::code).containsExactly("scenario.invalid.json");
    }

    @Test
    void runSettingsOutOfRangeAreRefused() {
        assertThat(RunSettings.problems(0, 50, 100)).extracting(LeverProblem::field).containsExactly("horizon");
        assertThat(RunSettings.problems(500, 50, 100)).extracting(LeverProblem::field).containsExactly("horizon");
        assertThat(RunSettings.problems(10, 0, 100)).extracting(LeverProblem::field).containsExactly("draws");
        assertThat(RunSettings.problems(10, 10_000_000, 100)).extracting(LeverProblem::field)
                .containsExactly("draws");
        assertThat(RunSettings.problems(20, 100_000, 1)).isEmpty();
        assertThatThrownBy(() -> RunSettings.of(0, 0, 1L, 100)).isInstanceOf(ScenarioException.class);
    }

    static Stream<Long> seeds() {
        return LongStream.range(0, 40).boxed();
    }

    /** Any levers Agyn accepts are written and read back unchanged (the file, the database and the API agree). */
    @ParameterizedTest
    @MethodSource("seeds")
    void validLeversRoundTrip(long seed) {
        SplittableRandom r = new SplittableRandom(seed);
        List<PayRaise> pays = Stream.generate(() -> new PayRaise(r.nextBoolean() ? null
                : ScenarioLevers.SECTORS.get(r.nextInt(4)), r.nextBoolean() ? null : r.nextInt(10),
                Math.round((r.nextDouble() * 2 - 0.9) * 100) / 100.0, r.nextBoolean() ? null : 2020 + r.nextInt(20)))
                .limit(r.nextInt(3)).toList();
        boolean supplement = r.nextBoolean();
        ScenarioLevers l = new ScenarioLevers(pays, r.nextBoolean() ? null : r.nextDouble() * 1e11,
                r.nextBoolean() ? null : r.nextInt(50_000), supplement ? r.nextDouble() : null,
                supplement ? 1 + r.nextInt(20) : null, r.nextBoolean() ? null : r.nextInt(21),
                r.nextBoolean() ? null : r.nextDouble() * 1e6, r.nextBoolean() ? null : r.nextInt(100),
                r.nextBoolean() ? null : r.nextDouble());
        assertThat(l.problems()).isEmpty();
        assertThat(ScenarioLevers.parse(l.toJson())).isEqualTo(l);
    }

    private static List<LeverProblem> problems(String json) {
        return catchThrowableOfType(ScenarioException.class, () -> ScenarioLevers.parse(json)).problems();
    }
}
