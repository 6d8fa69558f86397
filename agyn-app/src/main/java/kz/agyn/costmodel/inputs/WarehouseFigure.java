package kz.agyn.costmodel.inputs;

import kz.agyn.reference.Names;

/**
 * A parameter's value as the indicator warehouse holds it, with what a reader needs to find it again.
 *
 * @param indicator     the indicator read, e.g. EMIGRANTS
 * @param indicatorName its name in kk, ru and en
 * @param dimension     the dimension the figure is broken down by: "ISCED" or "ISCO"
 * @param code          its code there, e.g. ISCED "6" or ISCO-08 "23"
 * @param period        the period of the figure, e.g. "2024"
 * @param dataset       the dataset's code
 * @param title         the dataset's title in kk, ru and en
 * @param publisher     who publishes the dataset
 * @param version       the dataset version read (its current one)
 * @param synthetic     generated demonstration data, never to pass for official statistics
 * @param value         the figure, in the parameter's unit
 * @param unknown       for a count by education: the emigrants of the same period and dataset whose education
 *                      is unknown, which set the top of the range; null when the warehouse does not say
 * @param total         for a count by education: all emigrants of that period and dataset; null likewise
 */
public record WarehouseFigure(String indicator, Names indicatorName, String dimension, String code, String period,
                              String dataset, Names title, String publisher, int version, boolean synthetic,
                              double value, Double unknown, Double total) {

    /**
     * The figure with the unknown shared out like the known, {@code value × total / (total − unknown)}; the
     * figure itself when the warehouse gives no unknown count.
     */
    public double withUnknownShared() {
        if (unknown == null || total == null || total - unknown <= 0) {
            return value;
        }
        return value * total / (total - unknown);
    }
}
