package kz.agyn.warehouse.internal;

import java.math.BigDecimal;

import kz.agyn.kernel.Period;

/**
 * An observation mapped and checked, ready to be written; {@code row} is where it came from in the file and
 * {@code periodText} is the period's canonical form, kept because formatting a month costs a String.format.
 * {@code value} is null for a missing observation (SDMX: no value, NaN), which {@code status} then explains.
 */
public record Obs(String indicator, Period period, String periodText, String region, String occupation,
                  String education, String country, String sex, String age, String flow, BigDecimal value,
                  int unitMult, String status, long row) {

    /** The identity of the observation within a version. */
    String key() {
        return indicator + '|' + periodText + '|' + region + '|' + occupation + '|' + education + '|' + country
                + '|' + sex + '|' + age + '|' + flow;
    }

    /** {@code LongLongMap.hash(key())}, without building the key for every row. */
    long keyHash() {
        long h = LongLongMap.hash(LongLongMap.FNV_OFFSET, indicator);
        h = then(then(then(then(h, periodText), region), occupation), education);
        return then(then(then(then(h, country), sex), age), flow);
    }

    private static long then(long h, String part) {
        return LongLongMap.hash(LongLongMap.hash(h, '|'), part);
    }
}
