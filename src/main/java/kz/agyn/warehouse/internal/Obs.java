package kz.agyn.warehouse.internal;

import java.math.BigDecimal;

import kz.agyn.kernel.Period;

/** An observation mapped and checked, ready to be written; {@code row} is where it came from in the file. */
public record Obs(String indicator, Period period, String region, String occupation, String education,
                  String country, String sex, String age, String flow, BigDecimal value, int unitMult,
                  char status, long row) {

    /** The identity of the observation within a version. */
    String key() {
        return indicator + '|' + period + '|' + region + '|' + occupation + '|' + education + '|' + country + '|'
                + sex + '|' + age + '|' + flow;
    }
}
