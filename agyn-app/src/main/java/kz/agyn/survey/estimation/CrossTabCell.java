package kz.agyn.survey.estimation;

import java.util.Optional;

/**
 * One cell of a {@link CrossTab}.
 *
 * @param row      the row question's option
 * @param column   the column question's option
 * @param n        respondents (unweighted) in the cell
 * @param estimate the cell's share of all who answered both questions, {@code p_ij = Σ_{i∈cell} w_i / Σ w_i},
 *                 with SE and intervals as for any {@link ShareEstimate} (its {@code option} is
 *                 {@code row + "|" + column}); empty when the cell is suppressed by the
 *                 {@link MinimumCellSize} rule
 * @param rowShare the share within its row, {@code p_ij / p_i·}; empty when suppressed
 * @param columnShare the share within its column, {@code p_ij / p_·j}; empty when suppressed
 */
public record CrossTabCell(String row, String column, int n, Optional<ShareEstimate> estimate,
                           Optional<Double> rowShare, Optional<Double> columnShare) {

    public boolean suppressed() {
        return estimate.isEmpty();
    }
}
