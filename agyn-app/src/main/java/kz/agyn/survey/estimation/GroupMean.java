package kz.agyn.survey.estimation;

import java.util.Optional;

/**
 * The mean of a numeric question within one group, as a domain of the full design.
 *
 * @param group       the group's code
 * @param respondents respondents of the group (unweighted) who answered
 * @param estimate    empty when the group is suppressed by the {@link MinimumCellSize} rule
 */
public record GroupMean(String group, int respondents, Optional<MeanEstimate> estimate) {
}
