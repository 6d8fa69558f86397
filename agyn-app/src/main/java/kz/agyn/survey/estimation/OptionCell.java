package kz.agyn.survey.estimation;

import java.util.Optional;

/**
 * One option's share within one group of a breakdown.
 *
 * @param option   the option's code
 * @param n        respondents of the group (unweighted) who chose it
 * @param estimate the estimate; empty when the cell is suppressed by the {@link MinimumCellSize} rule
 */
public record OptionCell(String option, int n, Optional<ShareEstimate> estimate) {

    public boolean suppressed() {
        return estimate.isEmpty();
    }
}
