package kz.agyn.registry.obligation;

import static kz.agyn.registry.obligation.Histories.RULES;
import static kz.agyn.registry.obligation.Histories.d;
import static kz.agyn.registry.obligation.Histories.evaluate;
import static kz.agyn.registry.obligation.ObligationState.ABROAD_PERMITTED;
import static kz.agyn.registry.obligation.ObligationState.FULFILLED;
import static kz.agyn.registry.obligation.ObligationState.GRADUATED;
import static kz.agyn.registry.obligation.ObligationState.IN_BREACH;
import static kz.agyn.registry.obligation.ObligationState.OVERDUE;
import static kz.agyn.registry.obligation.ObligationState.REPAID;
import static kz.agyn.registry.obligation.ObligationState.REPAYING;
import static kz.agyn.registry.obligation.ObligationState.RETURNED;
import static kz.agyn.registry.obligation.ObligationState.STUDYING;
import static kz.agyn.registry.obligation.ObligationState.WORKING_OFF;
import static kz.agyn.registry.obligation.ObligationState.WRITTEN_OFF;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;

class TransitionTest {

    @Test
    void theMainPathAndItsBranchesAreEdges() {
        assertThat(STUDYING.canMoveTo(GRADUATED)).isTrue();
        assertThat(GRADUATED.canMoveTo(RETURNED)).isTrue();
        assertThat(RETURNED.canMoveTo(WORKING_OFF)).isTrue();
        assertThat(WORKING_OFF.canMoveTo(FULFILLED)).isTrue();
        assertThat(GRADUATED.canMoveTo(OVERDUE)).isTrue();
        assertThat(OVERDUE.canMoveTo(RETURNED)).isTrue();
        assertThat(ABROAD_PERMITTED.canMoveTo(GRADUATED)).isTrue();
        assertThat(IN_BREACH.canMoveTo(REPAYING)).isTrue();
        assertThat(REPAYING.canMoveTo(REPAID)).isTrue();

        assertThat(WORKING_OFF.canMoveTo(RETURNED)).isFalse();
        assertThat(RETURNED.canMoveTo(OVERDUE)).isFalse();
        assertThat(REPAYING.canMoveTo(WORKING_OFF)).isFalse();
        assertThat(FULFILLED.canMoveTo(IN_BREACH)).isFalse();
        assertThat(GRADUATED.canMoveTo(GRADUATED)).isFalse();
        assertThat(List.of(FULFILLED, REPAID, WRITTEN_OFF)).allSatisfy(s -> assertThat(s.isFinal()).isTrue());
        assertThat(WORKING_OFF.successors()).containsExactlyInAnyOrder(FULFILLED, ABROAD_PERMITTED, IN_BREACH);
    }

    @Test
    void evaluationRecordsAMoveOnlyWhenTheStateChanges() {
        ObligationStatus overdue = evaluate(RULES, List.of(), "2020-10-01");

        assertThat(Transition.afterEvaluation(OVERDUE, overdue)).isEmpty();
        Transition t = Transition.afterEvaluation(GRADUATED, overdue).orElseThrow();
        assertThat(t).isEqualTo(new Transition(GRADUATED, OVERDUE, d("2020-10-01"), Transition.SYSTEM,
                Transition.Cause.EVALUATION, "RETURN_DEADLINE_PASSED", ""));
        assertThat(Transition.afterEvaluation(null, overdue).orElseThrow().from()).isNull();
    }

    @Test
    void evaluationCannotGoBackwardsNorEnterADebtState() {
        ObligationStatus working = evaluate(RULES, List.of(Histories.job("2020-09-01", null, null)), "2020-09-01");
        assertThat(working.state()).isEqualTo(WORKING_OFF);
        assertRefused(() -> Transition.afterEvaluation(FULFILLED, working), ObligationProblem.ILLEGAL_TRANSITION,
                "transition");

        ObligationStatus breach = ObligationEngine.evaluate(Histories.AWARD, RULES, List.of(), List.of(),
                List.of(new Decision(d("2020-10-05"), DecisionType.BREACH_DECLARED, "officer1", "")), d("2020-10-06"));
        // The decision was stored without its transition: evaluation must not fill the gap on its own.
        assertRefused(() -> Transition.afterEvaluation(OVERDUE, breach), ObligationProblem.NEEDS_DECISION,
                "transition");
    }

    @Test
    void decisionsMoveOnlyWhereTheyAreAllowed() {
        Decision breach = new Decision(d("2021-01-10"), DecisionType.BREACH_DECLARED, "officer1", "order 12");
        Transition t = Transition.byDecision(OVERDUE, breach, IN_BREACH).orElseThrow();
        assertThat(t).isEqualTo(new Transition(OVERDUE, IN_BREACH, d("2021-01-10"), "officer1",
                Transition.Cause.DECISION, "BREACH_DECLARED", "order 12"));

        assertRefused(() -> Transition.byDecision(FULFILLED, breach, IN_BREACH), ObligationProblem.ILLEGAL_DECISION,
                "BREACH_DECLARED");
        Decision repaid = new Decision(d("2021-02-01"), DecisionType.REPAID, "officer1", "");
        assertRefused(() -> Transition.byDecision(WORKING_OFF, repaid, REPAID), ObligationProblem.ILLEGAL_DECISION,
                "REPAID");
        assertRefused(() -> Transition.byDecision(IN_BREACH, repaid, WORKING_OFF),
                ObligationProblem.ILLEGAL_TRANSITION, "transition");
        Decision writeOff = new Decision(d("2021-02-01"), DecisionType.WRITTEN_OFF, "head", "court ruling");
        assertThat(Transition.byDecision(REPAYING, writeOff, WRITTEN_OFF).orElseThrow().to()).isEqualTo(WRITTEN_OFF);
        assertRefused(() -> Transition.byDecision(REPAID, writeOff, WRITTEN_OFF), ObligationProblem.ILLEGAL_DECISION,
                "WRITTEN_OFF");

        Decision cancel = new Decision(d("2021-03-01"), DecisionType.BREACH_CANCELLED, "head", "appeal");
        assertThat(Transition.byDecision(IN_BREACH, cancel, WORKING_OFF).orElseThrow().to()).isEqualTo(WORKING_OFF);

        Decision back = new Decision(d("2020-08-01"), DecisionType.RETURN_CONFIRMED, "officer1", "");
        assertThat(Transition.byDecision(GRADUATED, back, RETURNED).orElseThrow().cause())
                .isEqualTo(Transition.Cause.DECISION);
        assertThat(Transition.byDecision(REPAYING, back, REPAYING)).isEmpty();
    }

    @Test
    void correctionsMoveBetweenComputedStatesWithAReason() {
        Transition t = Transition.correction(WORKING_OFF, RETURNED, d("2021-05-01"), "officer1", "job entered twice");
        assertThat(t.cause()).isEqualTo(Transition.Cause.CORRECTION);

        assertRefused(() -> Transition.correction(WORKING_OFF, RETURNED, d("2021-05-01"), "officer1", " "),
                ObligationProblem.CORRECTION_WITHOUT_REASON, "note");
        assertRefused(() -> Transition.correction(REPAYING, WORKING_OFF, d("2021-05-01"), "officer1", "x"),
                ObligationProblem.ILLEGAL_TRANSITION, "transition");
        assertRefused(() -> new Transition(GRADUATED, RETURNED, d("2021-05-01"), "", Transition.Cause.EVALUATION,
                "X", ""), ObligationProblem.MISSING, "by");
    }

    private static void assertRefused(ThrowingCallable call, ObligationProblem problem, String field) {
        assertThatThrownBy(call).isInstanceOfSatisfying(ObligationException.class, e -> {
            assertThat(e.problem()).isEqualTo(problem);
            assertThat(e.field()).isEqualTo(field);
        });
    }
}
