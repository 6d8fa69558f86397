package kz.agyn.survey;

import java.util.List;

/**
 * A weighted cross-tabulation of two categorical questions of a survey over the respondents who answered both,
 * with a design-based test of independence.
 *
 * <p>Cells and row or column totals of fewer than 10 respondents (unweighted) are suppressed: their shares are
 * null and only the count is given. The test is computed on the whole table, since it discloses no cell.
 *
 * @param respondents  all respondents of the survey
 * @param answeredBoth respondents who answered both questions, the base of every share
 * @param rows         the row question's options with their weighted shares, in the questionnaire's order
 * @param columns      the column question's options likewise
 * @param cells        one per (row, column), rows outermost
 * @param test         the test of independence; null when fewer than two rows or two columns have respondents
 * @param intervals    how the cells' intervals were made ("95% logit interval, 187 degrees of freedom"): the
 *                     survey's method, with the degrees of freedom of those who answered both
 */
public record CrossTable(int surveyId, String survey, boolean synthetic, Variable row, Variable column,
                         int respondents, int answeredBoth, Estimates.Weighting weighting, List<Category> rows,
                         List<Category> columns, List<Cell> cells, Test test,
                         Estimates.Intervals intervals) {

    public CrossTable {
        rows = List.copyOf(rows);
        columns = List.copyOf(columns);
        cells = List.copyOf(cells);
    }

    /** The cell at (row, column), for the page. */
    public Cell cell(String row, String column) {
        return cells.stream().filter(c -> c.row().equals(row) && c.column().equals(column)).findFirst()
                .orElse(null);
    }

    /**
     * A question of the table.
     *
     * @param basis "FIRST_RANK" for a ranking question, which enters by the option ranked first; else "ANSWER"
     */
    public record Variable(String code, String text, String basis) {
    }

    /** An option of the row or column question: its share of those who answered both, null when suppressed. */
    public record Category(String code, String text, int n, Double share, boolean suppressed) {
    }

    /**
     * One cell.
     *
     * @param n           respondents (unweighted) in the cell
     * @param share       the cell's weighted share of all who answered both
     * @param rowShare    its share within the row (row %)
     * @param columnShare its share within the column (column %)
     * @param ciLow       the interval of {@code share}, made as {@link CrossTable#intervals()} says
     */
    public record Cell(String row, String column, int n, Double share, Double rowShare, Double columnShare,
                       Double ciLow, Double ciHigh, boolean suppressed) {
    }

    /**
     * The test of independence. Pearson's X² on a weighted table is too large when the design has a design effect
     * above 1 (weights vary), so the p-value is taken from the second-order Rao–Scott correction, as R's
     * {@code survey::svychisq(statistic = "F")}, its default, does.
     *
     * @param correction            the design correction used: {@value #CORRECTION}
     * @param statistic             F = X² / tr Δ, Δ the generalized design-effect matrix
     * @param numeratorDf           d₀ = (tr Δ)² / tr Δ² (fractional)
     * @param denominatorDf         d₀ ν, ν = respondents less strata
     * @param pValue                P(F(d₀, d₀ν) ≥ F)
     * @param significant           {@code pValue < 0.05}
     * @param chiSquare             Pearson's X² of the weighted table scaled to {@code answeredBoth}
     *                              respondents (what R prints as X-squared)
     * @param degreesOfFreedom      (r − 1)(c − 1) over the rows and columns someone chose
     * @param firstOrderChiSquare   X² / δ̄, the first-order Rao–Scott statistic, referred to χ² with
     *                              {@code degreesOfFreedom}
     * @param firstOrderPValue      its p-value, R's {@code svychisq(statistic = "Chisq")}
     * @param meanDesignEffect      δ̄, the mean eigenvalue of Δ
     */
    public record Test(String correction, double statistic, double numeratorDf, double denominatorDf,
                       double pValue, boolean significant, double chiSquare, double degreesOfFreedom,
                       double firstOrderChiSquare, double firstOrderPValue, double meanDesignEffect) {

        public static final String CORRECTION = "RAO_SCOTT_SECOND_ORDER_F";
        /** The significance level of the page's sentence and of {@code significant}. */
        public static final double ALPHA = 0.05;
    }
}
