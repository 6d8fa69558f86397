package kz.agyn.warehouse;

import java.math.BigDecimal;

/**
 * One stored figure with its dimensions and its provenance: the dataset and the version it was imported in.
 * {@code value} is as published; multiply by 10^{@code unitMult} for units.
 */
public record Observation(String indicator, String period, String region, String occupation, String education,
                          String country, String sex, String age, String flow, BigDecimal value, int unitMult,
                          String status, String dataset, int version) {

    public BigDecimal scaledValue() {
        return unitMult == 0 ? value : value.scaleByPowerOfTen(unitMult);
    }
}
