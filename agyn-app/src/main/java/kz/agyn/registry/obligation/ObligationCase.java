package kz.agyn.registry.obligation;

import java.util.List;
import java.util.Objects;

/**
 * Everything recorded about one award, for {@link ObligationEngine#evaluateAll}.
 *
 * @param facts     the award
 * @param episodes  the scholar's jobs, in any order, overlaps allowed
 * @param deferrals approved deferrals, in any order
 * @param decisions officers' decisions, in any order
 */
public record ObligationCase(AwardFacts facts, List<EmploymentEpisode> episodes, List<Deferral> deferrals,
                             List<Decision> decisions) {

    public ObligationCase {
        Objects.requireNonNull(facts, "facts");
        episodes = List.copyOf(episodes);
        deferrals = List.copyOf(deferrals);
        decisions = List.copyOf(decisions);
    }
}
