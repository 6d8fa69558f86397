package kz.agyn.survey.estimation;

import java.util.List;
import java.util.Optional;

/**
 * A weighted cross-tabulation of two categorical questions over the respondents who answered both.
 *
 * @param rows        the row question's options, as given
 * @param columns     the column question's options, as given
 * @param cells       one cell per (row, column), rows outermost
 * @param respondents respondents (unweighted) who answered both
 * @param tests       tests of independence; computed on the whole table even when cells are suppressed,
 *                    since the statistic discloses no cell; empty when fewer than two rows or two
 *                    columns have respondents, as independence is then not a question
 */
public record CrossTab(List<String> rows, List<String> columns, List<CrossTabCell> cells, int respondents,
                       Optional<IndependenceTests> tests) {

    public CrossTab {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = List.copyOf(cells);
    }

    public CrossTabCell cell(String row, String column) {
        return cells.get(rows.indexOf(row) * columns.size() + columns.indexOf(column));
    }
}
