package kz.agyn.scenario;

/**
 * Why a lever or a run setting is refused: the field (as the scenario file and the form name it, e.g.
 * {@code researchBudgetKzt} or {@code payChanges[0].change}), a message key and its arguments.
 */
public record LeverProblem(String field, String code, Object... args) {

    public LeverProblem {
        args = args == null ? new Object[0] : args.clone();
    }

    @Override
    public Object[] args() {
        return args.clone();
    }
}
