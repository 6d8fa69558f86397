package kz.agyn.warehouse;

/**
 * A period for which a dataset's current version holds an indicator.
 *
 * @param observations the rows it holds for that indicator and period, subtotals included
 */
public record DatasetPeriod(String dataset, String period, long observations) {
}
