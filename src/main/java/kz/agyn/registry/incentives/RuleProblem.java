package kz.agyn.registry.incentives;

import java.util.List;

/**
 * One mistake in an incentive's rule text: the line (0 when the text as a whole lacks something), a message key
 * and its arguments.
 */
public record RuleProblem(int line, String code, List<Object> args) {

    public Object[] arguments() {
        return args.toArray();
    }
}
