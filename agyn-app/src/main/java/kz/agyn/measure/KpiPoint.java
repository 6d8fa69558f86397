package kz.agyn.measure;

/**
 * One actual value of a KPI.
 *
 * @param year   the year it describes
 * @param period the period as the source gives it ("2024", "2024-06", or the day a registry figure is as of)
 * @param value  the value, in the KPI's unit
 * @param detail how it was obtained, shown beside it: the counts of a share ("412 / 1030"), the evidence of a
 *               reported value, the dataset and version of a warehouse figure
 */
public record KpiPoint(int year, String period, double value, String detail) {
}
