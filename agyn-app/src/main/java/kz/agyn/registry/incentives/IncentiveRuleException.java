package kz.agyn.registry.incentives;

import java.util.List;

import kz.agyn.platform.problems.Problem;
import kz.agyn.registry.RegistryException;

/**
 * A rule text that does not validate, with every problem found, each at its line (its row; 0 for the text as a
 * whole). The exception's own code is the first one's.
 */
public class IncentiveRuleException extends RegistryException {

    private final transient List<Problem> problems;

    public IncentiveRuleException(List<Problem> problems) {
        super(Kind.INVALID, problems.get(0).code(), problems.get(0).args().toArray());
        this.problems = List.copyOf(problems);
    }

    public List<Problem> problems() {
        return problems;
    }
}
