package kz.agyn.registry.incentives;

import java.util.List;

import kz.agyn.registry.RegistryException;

/** A rule text that does not validate, with every problem found (the exception's own code is the first one's). */
public class IncentiveRuleException extends RegistryException {

    private final transient List<RuleProblem> problems;

    public IncentiveRuleException(List<RuleProblem> problems) {
        super(Kind.INVALID, problems.get(0).code(), problems.get(0).arguments());
        this.problems = List.copyOf(problems);
    }

    public List<RuleProblem> problems() {
        return problems;
    }
}
